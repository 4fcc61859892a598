// A contacts-only change (`log`): the roster and settings are frozen while it runs, so a stray write to
// them throws and nothing is saved; the contact it adds is still validated before it is written.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Contact, Datastore } from '../../source/domain/schema.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';

const contact = (over: Partial<Contact> = {}): Contact => ({
  id: 'ct_new',
  cadreId: 'c_zs',
  duty: 'dorm',
  targetId: 'd_101',
  date: '2026-11-25',
  form: '寝室走访',
  note: '',
  enteredAt: '2026-11-25T10:00:00+08:00',
  enteredBy: 'test',
  ...over,
});

async function storeWithOneContact(): Promise<{ store: DatastoreFile; files: () => string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'slx-contacts-only-')), 'data.json');
  const store = new DatastoreFile(file);
  await store.create({ ...smallSchool([AUTUMN]), contacts: [contact({ id: 'ct_old', date: '2026-11-03' })] });
  const dir = join(file, '..');
  // Every file of the datastore with its bytes: the main file, the month files, the journal.
  const files = () =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.parentPath.includes('.backups') && !e.parentPath.includes('lock'))
      .map((e) => `${e.name}\n${readFileSync(join(e.parentPath, e.name), 'utf8')}`)
      .sort()
      .join('\n\n');
  return { store, files };
}

const contactsOnly = { action: 'log', changes: 'contacts', contacts: '2026-11-01' } as const;

describe('a contacts-only change', () => {
  const strays: Array<[string, (d: Datastore) => void]> = [
    ['renames a cadre', (d) => void (d.cadres[0]!.name = '改名')],
    ['adds a class to a dorm', (d) => void d.dorms[0]!.classIds.push('cls_rj')],
    ['drops a student', (d) => void d.students.pop()],
    ['edits a duty rule', (d) => void (d.settings.rules.defaults.dormPerMonth = 9)],
    ['edits a term', (d) => void (d.settings.terms[0]!.end = '2027-02-01')],
    ['adds a college rule', (d) => void (d.settings.rules.colleges['col_jg'] = { dormPerMonth: 2 })],
    ['replaces the list of cadres', (d) => void (d.cadres = d.cadres.filter((c) => c.id !== 'c_zs'))],
    ['replaces the settings', (d) => void (d.settings = { ...d.settings, schoolName: '改名' })],
  ];
  for (const [what, stray] of strays) {
    it(`that ${what} besides adding a contact is refused, and nothing is written`, async () => {
      const { store, files } = await storeWithOneContact();
      const before = files();
      await expect(
        store.update((d) => {
          d.contacts.push(contact());
          stray(d);
        }, contactsOnly),
      ).rejects.toThrow(TypeError);
      expect(files()).toBe(before);
      const data = await store.load();
      expect(data.contacts.map((c) => c.id)).toEqual(['ct_old']);
      expect(data.cadres[0]!.name).toBe('张三');
      expect(data.dorms[0]!.classIds).toEqual(['cls_kj']);
      expect(data.settings.rules.defaults.dormPerMonth).toBe(smallSchool().settings.rules.defaults.dormPerMonth);
    });
  }

  it('cannot edit a contact already saved in place either', async () => {
    const { store, files } = await storeWithOneContact();
    const before = files();
    await expect(store.update((d) => void (d.contacts[0]!.note = '改过'), contactsOnly)).rejects.toThrow(TypeError);
    expect(files()).toBe(before);
  });

  const invalid: Array<[string, Partial<Contact>, RegExp]> = [
    ['a date that is no calendar date', { date: '2026-11-31' }, /修改后的联系记录无效，未保存：contacts\[1\]\.date/],
    [
      'an unknown form',
      { form: '打电话' as Contact['form'] },
      /contacts\[1\]\.form（ct_new）：无效选项：期望以下之一 /,
    ],
    ['a note longer than 2000 characters', { note: '记'.repeat(2001) }, /contacts\[1\]\.note（ct_new）：过长/],
    ['an empty cadre id', { cadreId: '' }, /contacts\[1\]\.cadreId/],
  ];
  for (const [what, over, message] of invalid) {
    it(`that adds a contact with ${what} is refused by its schema, and nothing is written`, async () => {
      const { store, files } = await storeWithOneContact();
      const before = files();
      await expect(store.update((d) => void d.contacts.push(contact(over)), contactsOnly)).rejects.toThrow(message);
      expect(files()).toBe(before);
    });
  }

  it('that adds a valid contact saves it, and the roster as it was', async () => {
    const { store } = await storeWithOneContact();
    const roster = await store.load();
    await store.update((d) => void d.contacts.push(contact()), contactsOnly);
    const after = await new DatastoreFile(store.file).load();
    expect(after.contacts.map((c) => c.id).sort()).toEqual(['ct_new', 'ct_old']);
    const { contacts: _a, ...rosterAfter } = after;
    const { contacts: _b, ...rosterBefore } = roster;
    expect(rosterAfter).toEqual(rosterBefore);
  });
});

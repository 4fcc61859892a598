// The datastore on disk: migration of older files, refusing bad ones, concurrent writers losing nothing.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../source/domain/vocabulary.js';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import { randomId } from '../../source/domain/context.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'slx-store-')), 'data.json');

describe('datastore file', () => {
  it('upgrades a version-0 file (no schemaVersion, no per-college rules) on load', async () => {
    const file = fresh();
    const old = smallSchool([AUTUMN]) as unknown as Record<string, unknown> & {
      settings: { rules: { colleges?: unknown } };
    };
    delete old['schemaVersion'];
    delete old.settings.rules.colleges;
    writeFileSync(file, JSON.stringify(old));
    const data = await new DatastoreFile(file).load();
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(data.settings.rules.colleges).toEqual({});
  });

  it('a version-3 datastore (the roster inside the main file) is read as it was; its next save moves the roster out and changes nothing else', async () => {
    const file = fresh();
    const ctx = { ...testContext('2026-11-25'), newId: randomId };
    const store = new DatastoreFile(file);
    const data = smallSchool([AUTUMN]);
    assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx);
    await store.create(data);
    await store.update(
      (d) =>
        logContact(d, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-10-08', note: '十月' }, ctx),
      { action: 'log' },
    );
    // The same revision as version 3 wrote it: the collections inline, the month files beside.
    const head = JSON.parse(readFileSync(file, 'utf8')) as {
      roster: { file: string };
      revision: number;
      contactParts: unknown;
    };
    const rosterFile = join(store.layout.partsDir, head.roster.file);
    const roster = JSON.parse(readFileSync(rosterFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(
      file,
      JSON.stringify({ ...roster, schemaVersion: 3, revision: head.revision, contactParts: head.contactParts }),
    );
    rmSync(rosterFile);
    rmSync(store.layout.seal);
    const before = await new DatastoreFile(file).load();
    expect(before.contacts.map((c) => c.note)).toEqual(['十月']);
    const months = readdirSync(store.layout.partsDir)
      .filter((f) => !f.startsWith('roster.'))
      .sort();
    await new DatastoreFile(file).update(
      (d) =>
        logContact(d, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date: '2026-11-20', note: '十一月' }, ctx),
      { action: 'log', contacts: '2026-11-20' },
    );
    const after = JSON.parse(readFileSync(file, 'utf8')) as { schemaVersion: number; roster: { file: string } };
    expect(after.schemaVersion).toBe(SCHEMA_VERSION);
    expect(readdirSync(store.layout.partsDir).sort()).toEqual(
      [...months, '2026-11.r3.json', after.roster.file, after.roster.file.replace('.json', '.index.json')].sort(),
    );
    const loaded = await new DatastoreFile(file).load();
    expect({ ...loaded, contacts: [] }).toEqual({ ...before, contacts: [] });
    expect(loaded.contacts.map((c) => c.note)).toEqual(['十月', '十一月']);
    // The backup of that save is whole: it loads with its roster.
    const backup = (await store.backups()).at(-1)!;
    expect((await new DatastoreFile(backup.mainFile).load()).cadres).toEqual(before.cadres);
  });

  it('saves atomically with mode 0600 and never writes when the change throws', async () => {
    const file = fresh();
    const store = new DatastoreFile(file);
    await store.create(smallSchool([AUTUMN]));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const before = readFileSync(file, 'utf8');
    await expect(
      store.update((d) => {
        d.cadres.pop();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('parallel updates through separate handles all land', async () => {
    const file = fresh();
    await new DatastoreFile(file).create(smallSchool([AUTUMN]));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new DatastoreFile(file).update((d) => {
          d.colleges.push({ id: `col_${i}`, name: `学院${i}` });
        }),
      ),
    );
    expect((await new DatastoreFile(file).load()).colleges).toHaveLength(22);
  });
  it('refuses a change that leaves an invalid record, naming it, and writes nothing', async () => {
    const file = fresh();
    const store = new DatastoreFile(file);
    await store.create(smallSchool([AUTUMN]));
    const before = readFileSync(file, 'utf8');
    await expect(
      store.update((d) => {
        d.cadres[1]!.name = '';
      }),
    ).rejects.toThrow(/修改后的数据无效，未保存：cadres\[1\]\.name/);
    await expect(
      store.update(
        (d) => {
          d.contacts.push({
            id: 'c_bad',
            cadreId: d.cadres[0]!.id,
            duty: 'class',
            targetId: d.classes[0]!.id,
            date: '2026-02-30',
            form: '座谈会',
            note: '',
            enteredAt: '2026-09-01T00:00:00.000Z',
            enteredBy: 'test',
          });
        },
        { action: 'log' },
      ),
    ).rejects.toThrow(/修改后的联系记录无效，未保存：contacts\[\d+\]\.date（c_bad）：日期应为 YYYY-MM-DD/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('keeps records the change did not touch as they were, and journals only the touched one', async () => {
    const file = fresh();
    const store = new DatastoreFile(file);
    await store.create(smallSchool([AUTUMN]));
    await store.update(
      (d) => {
        d.cadres[0]!.name = '张三丰';
      },
      { action: 'test' },
    );
    const data = await new DatastoreFile(file).load();
    expect(data.cadres.map((c) => c.name)).toEqual(
      smallSchool([AUTUMN]).cadres.map((c, i) => (i === 0 ? '张三丰' : c.name)),
    );
    const last = (await store.history()).pop()!;
    expect(last.summary).toBe('干部 修改 1');
    expect(last.changes).toEqual([
      {
        collection: 'cadres',
        id: data.cadres[0]!.id,
        before: expect.objectContaining({ name: smallSchool([AUTUMN]).cadres[0]!.name }),
        after: data.cadres[0],
      },
    ]);
  });
});

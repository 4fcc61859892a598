import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../source/domain/schema.js';
import { asciiJson } from '../../source/store/ascii-json.js';
import { sha256 } from '../../source/files/file-identity.js';
import { monthFileBytes, type MonthAsRead } from '../../source/store/month-file-text.js';

const contact = (i: number, note: string): Contact => ({
  id: `ct_${i}`,
  cadreId: 'c_zs',
  duty: 'dorm',
  targetId: 'dorm_1',
  date: `2026-11-${String((i % 28) + 1).padStart(2, '0')}`,
  form: '寝室走访',
  note,
  enteredBy: '王书记',
  enteredAt: '2026-11-25T08:00:00.000Z',
});

/** The month file's text as a save writes it (its JSON and a newline). */
const fileText = async (part: { month: string; contacts: Contact[] }, read: MonthAsRead) =>
  (await monthFileBytes(part, read)).toString('latin1');
const serialised = (contacts: Contact[]) => `${asciiJson({ month: '2026-11', contacts })}\n`;

/** A month file on disk as a save writes it, with what the reader knows of it. */
function written(list: Contact[], text = `${asciiJson({ month: '2026-11', contacts: list })}\n`) {
  const path = join(mkdtempSync(join(tmpdir(), 'slx-month-')), '2026-11.r1.json');
  writeFileSync(path, text);
  return { path, sha256: sha256(readFileSync(path)), contacts: list };
}

describe('a month file extended by a save', () => {
  it('is byte for byte the full serialisation of the new list, whatever the notes (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 3 }),
        async (before, added) => {
          const old = before.map((note, i) => contact(i, note));
          const list = [...old, ...added.map((note, i) => contact(100 + i, note))];
          expect(await fileText({ month: '2026-11', contacts: list }, written(old))).toBe(serialised(list));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reuses the bytes read rather than serialising the month again', async () => {
    const old = [contact(1, '走访')];
    // The same records, spaced differently: a splice keeps the spacing, a full serialisation would not.
    const spaced = `${asciiJson({ month: '2026-11', contacts: old }).replace('"contacts":', '"contacts": ')}\n`;
    const text = await fileText({ month: '2026-11', contacts: [...old, contact(2, '谈心')] }, written(old, spaced));
    expect(text).toBe(`${spaced.slice(0, -3)},${asciiJson(contact(2, '谈心'))}]}\n`);
  });

  it('extends the bytes the reader still holds, without reading the file again', async () => {
    const old = [contact(1, '走访')];
    const spaced = `${asciiJson({ month: '2026-11', contacts: old }).replace('"contacts":', '"contacts": ')}\n`;
    const read = { ...written(old, spaced), bytes: Buffer.from(spaced, 'latin1') };
    rmSync(read.path);
    const text = await fileText({ month: '2026-11', contacts: [...old, contact(2, '谈心')] }, read);
    expect(text).toBe(`${spaced.slice(0, -3)},${asciiJson(contact(2, '谈心'))}]}\n`);
  });

  it('is serialised in full when the file is not the one read, not ASCII (an older version), or the list is not an extension', async () => {
    const old = [contact(1, '走访'), contact(2, '谈心')];
    const list = [...old, contact(3, '再访')];
    const full = serialised(list);
    const changed = written(old);
    writeFileSync(changed.path, `${asciiJson({ month: '2026-11', contacts: [old[0]] })}\n`);
    expect(await fileText({ month: '2026-11', contacts: list }, changed)).toBe(full);
    expect(
      await fileText(
        { month: '2026-11', contacts: list },
        written(old, `${JSON.stringify({ month: '2026-11', contacts: old })}\n`),
      ),
    ).toBe(full);
    const reordered = [old[1]!, old[0]!, contact(3, '再访')];
    expect(await fileText({ month: '2026-11', contacts: reordered }, written(old))).toBe(serialised(reordered));
  });
});

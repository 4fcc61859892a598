// The datastore on disk: migration of older files, refusing bad ones, concurrent writers losing nothing.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatastoreFile } from '../source/store/datastore-file.js';
import { AUTUMN, smallSchool } from './fixtures.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'slx-store-')), 'data.json');

describe('datastore file', () => {
  it('upgrades a version-0 file (no schemaVersion, no per-college rules) on load', async () => {
    const file = fresh();
    const old = smallSchool([AUTUMN]) as unknown as Record<string, unknown> & { settings: { rules: { colleges?: unknown } } };
    delete old['schemaVersion'];
    delete old.settings.rules.colleges;
    writeFileSync(file, JSON.stringify(old));
    const data = await new DatastoreFile(file).load();
    expect(data.schemaVersion).toBe(2);
    expect(data.settings.rules.colleges).toEqual({});
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
});

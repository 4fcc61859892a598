// Derived files are bound to the code that made them (code-hash.ts, derived-file.ts): a duty rule changed
// changes the hash, and a digest or roster index made under another hash is not believed but made again.
// (No module mocks: the main suite shares modules between files.)
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENCH_TODAY, buildBenchData, withYears } from '../../source/bench/generate.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { overdueReport } from '../../source/domain/overdue.js';
import { overdueFromDigest } from '../../source/domain/overdue-digest.js';
import { codeHash, codeHashOf } from '../../source/store/code-hash.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { readDigest } from '../../source/store/digest-file.js';
import { readRosterIndex } from '../../source/store/roster-index.js';

const school = () =>
  buildBenchData(
    withYears(
      {
        name: 'tiny',
        seed: 5,
        colleges: 2,
        cadres: 20,
        cohorts: [1, 1, 1, 1, 2, 2, 2],
        dormsPerClass: 2,
        studentsPerClass: 2,
        years: 5,
      },
      2,
    ),
  );
const codeOf = (file: string) => (JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!) as { code: string }).code;

describe('derived files and the code that made them', () => {
  it('a digest and a roster index made by other rule code are not believed, and are made again by this code', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-code-')), 'data.json');
    await new DatastoreFile(file).create(school());
    const store = new DatastoreFile(file);
    await store.overdueDigest(BENCH_TODAY);
    const { roster } = JSON.parse(readFileSync(file, 'utf8')) as { roster: { file: string; sha256: string } };
    const index = join(store.layout.partsDir, roster.file.replace(/\.json$/, '.index.json'));
    const now = await codeHash();
    expect(codeOf(store.layout.digest)).toBe(now);
    expect(await readRosterIndex(index, roster.sha256)).not.toBeNull();

    // As a build with other duty rules or keys would have left them: the same files, another code hash.
    const other = now.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    for (const derived of [store.layout.digest, index])
      writeFileSync(derived, readFileSync(derived, 'utf8').replace(`"code":"${now}"`, `"code":"${other}"`));
    expect(await readDigest(store.layout, BENCH_TODAY)).toBeNull();
    expect(await readRosterIndex(index, roster.sha256)).toBeNull();
    const rebuilt = await new DatastoreFile(file).overdueDigest(BENCH_TODAY);
    const data = await new DatastoreFile(file, { contacts: 'all', verify: 'full' }).load();
    expect(overdueFromDigest(rebuilt!, BENCH_TODAY)).toEqual(overdueReport(data, buildIndexes(data), BENCH_TODAY));
    expect(codeOf(store.layout.digest)).toBe(now);
    expect(await readDigest(store.layout, BENCH_TODAY)).not.toBeNull();
  });

  it('the hash changes with a duty rule, or anything the deriving modules import, and not with the rest of the program', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'slx-source-'));
    cpSync(resolve(import.meta.dirname, '../../source'), copy, { recursive: true });
    const store = join(copy, 'store');
    const before = await codeHashOf(store);
    appendFileSync(join(copy, 'ui', 'app.tsx'), '\n');
    expect(await codeHashOf(store)).toBe(before);
    const windows = join(copy, 'domain', 'windows.ts');
    writeFileSync(windows, readFileSync(windows, 'utf8').replace(/\n/, '\n// a rule changed\n'));
    expect(await codeHashOf(store)).not.toBe(before);
  });
});

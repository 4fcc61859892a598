// The overdue digest on disk: written beside the datastore after a read, believed only while the main
// file, the term's month files and the digest itself hash as recorded; stale, damaged or hand-edited
// files mean building it again — the answer is always the full recomputation's.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCH_TODAY, buildBenchData, withYears } from '../../source/bench/generate.js';
import { logContact } from '../../source/domain/contacts.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { overdueReport } from '../../source/domain/overdue.js';
import { overdueFromDigest } from '../../source/domain/overdue-digest.js';
import type { Datastore } from '../../source/domain/schema.js';
import { isActiveOn } from '../../source/domain/windows.js';
import { readDigest } from '../../source/store/digest-file.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { testContext } from '../helpers/fixtures.js';

const school = (seed = 11) =>
  buildBenchData(
    withYears(
      {
        name: 'tiny',
        seed,
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

async function created(data: Datastore): Promise<DatastoreFile> {
  const store = new DatastoreFile(join(mkdtempSync(join(tmpdir(), 'slx-digest-')), 'data.json'));
  await store.create(data);
  return store;
}

/** The report from every contact on disk, read afresh and validated in full. */
async function recomputed(file: string, asOf: string) {
  const data = await new DatastoreFile(file, { contacts: 'all', verify: 'full' }).load();
  return overdueReport(data, buildIndexes(data), asOf);
}

/** A contact of a cadre active on `date` with a dorm of its assignment, on that date. */
function visit(data: Datastore, date: string, pick = 0) {
  const idx = buildIndexes(data);
  const active = data.assignments.filter(
    (a) => a.dormIds.length > 0 && isActiveOn(a, idx.classById.get(a.classId), date),
  );
  const a = active[pick % active.length]!;
  return { cadreId: a.cadreId, duty: 'dorm' as const, targetId: a.dormIds[0]!, date };
}

describe('overdue digest file', () => {
  it('is written by the first read and answers the next one, as the full recomputation would', async () => {
    const store = await created(school());
    expect(await readDigest(store.layout, BENCH_TODAY)).toBeNull();
    const built = await store.overdueDigest(BENCH_TODAY);
    const kept = await readDigest(store.layout, BENCH_TODAY);
    expect(kept).toEqual(built);
    // It names students: private like every other file of the datastore.
    expect(statSync(store.layout.digest).mode & 0o777).toBe(0o600);
    expect(overdueFromDigest(kept!, BENCH_TODAY)).toEqual(await recomputed(store.file, BENCH_TODAY));
    expect(overdueFromDigest(kept!, BENCH_TODAY).rows.length).toBeGreaterThan(0);
    // Touched (a new mtime), the same bytes: still the file it was built from.
    utimesSync(store.layout.main, new Date(), new Date(Date.now() + 5000));
    expect(await readDigest(store.layout, BENCH_TODAY)).toEqual(built);
  });

  /** Logs a contact for the first overdue dorm row of `report`, through the store as `log` does. */
  async function logOverdue(store: DatastoreFile, report: ReturnType<typeof overdueFromDigest>, skip = 0) {
    const overdue = report.rows.filter((r) => r.status === 'overdue' && r.duty === 'dorm')[skip]!;
    await store.update((d) => {
      const idx = buildIndexes(d);
      const dorm = [...idx.dormById.values()].find(
        (x) => `${x.building}-${x.number}` === overdue.target.split('、')[0],
      )!;
      logContact(
        d,
        { cadreId: overdue.cadreId, duty: 'dorm', targetId: dorm.id, date: overdue.windowStart },
        testContext(BENCH_TODAY),
        idx,
      );
    });
  }

  it('stays good after a log: the contacts saved since are added when it is read, without building it again', async () => {
    const store = await created(school());
    const before = overdueFromDigest((await store.overdueDigest(BENCH_TODAY))!, BENCH_TODAY);
    const digestBytes = readFileSync(store.layout.digest, 'utf8');
    await logOverdue(store, before);
    await logOverdue(store, before, 1);
    const kept = await readDigest(store.layout, BENCH_TODAY);
    expect(kept).not.toBeNull();
    expect(readFileSync(store.layout.digest, 'utf8')).toBe(digestBytes);
    expect(overdueFromDigest(kept!, BENCH_TODAY)).toEqual(await recomputed(store.file, BENCH_TODAY));
    expect(overdueFromDigest(kept!, BENCH_TODAY).rows.length).toBe(before.rows.length - 2);
    // The same as the digest built afresh from the files now.
    rmSync(store.layout.digest);
    expect(await new DatastoreFile(store.file).overdueDigest(BENCH_TODAY)).toEqual(kept);
  });

  it('is stale after any save but a log, and when the month file a log wrote is not the one the main file names', async () => {
    const store = await created(school());
    const report = overdueFromDigest((await store.overdueDigest(BENCH_TODAY))!, BENCH_TODAY);
    const before = new Set(readdirSync(store.layout.partsDir));
    await logOverdue(store, report);
    const logged = join(
      store.layout.partsDir,
      readdirSync(store.layout.partsDir)
        .filter((n) => !before.has(n))
        .sort()
        .at(-1)!,
    );
    const good = readFileSync(logged, 'latin1');
    const cut = good.lastIndexOf('"date"') + 10;
    for (const text of [
      good.slice(0, cut) + (good[cut] === '1' ? '2' : '1') + good.slice(cut + 1),
      good.slice(0, -30),
    ]) {
      writeFileSync(logged, text, 'latin1');
      expect(await readDigest(store.layout, BENCH_TODAY)).toBeNull();
    }
    writeFileSync(logged, good, 'latin1');
    expect(await readDigest(store.layout, BENCH_TODAY)).not.toBeNull();
    // A save that is not a log (here a cadre's phone) breaks it: built again, then good.
    await store.update((d) => void (d.cadres[0]!.shortPhone = '669999'));
    expect(await readDigest(store.layout, BENCH_TODAY)).toBeNull();
    const rebuilt = overdueFromDigest((await new DatastoreFile(store.file).overdueDigest(BENCH_TODAY))!, BENCH_TODAY);
    expect(rebuilt).toEqual(await recomputed(store.file, BENCH_TODAY));
    // A contact of the term edited, not added: built again.
    await store.update((d) => {
      const i = d.contacts.findIndex((c) => c.date.startsWith('2026-10'));
      d.contacts[i] = { ...d.contacts[i]!, date: '2026-10-31' };
    });
    expect(await readDigest(store.layout, BENCH_TODAY)).toBeNull();
    expect(overdueFromDigest((await new DatastoreFile(store.file).overdueDigest(BENCH_TODAY))!, BENCH_TODAY)).toEqual(
      await recomputed(store.file, BENCH_TODAY),
    );
  });

  it('is never believed damaged: a flipped byte, a cut file, garbage, made by other code', async () => {
    const store = await created(school());
    await store.overdueDigest(BENCH_TODAY);
    const good = readFileSync(store.layout.digest, 'utf8');
    const expected = await recomputed(store.file, BENCH_TODAY);
    const cut = good.indexOf('"windows"') + 30;
    const damaged = [
      good.slice(0, cut) + (good[cut] === '1' ? '2' : '1') + good.slice(cut + 1),
      good.slice(0, good.length - 40),
      good.slice(0, good.indexOf('\n')),
      'null\n{}',
      '',
      good.replace(/"code":"[0-9a-f]+"/, `"code":"${'0'.repeat(64)}"`),
    ];
    for (const text of damaged) {
      writeFileSync(store.layout.digest, text);
      expect(await readDigest(store.layout, BENCH_TODAY)).toBeNull();
      expect(overdueFromDigest((await new DatastoreFile(store.file).overdueDigest(BENCH_TODAY))!, BENCH_TODAY)).toEqual(
        expected,
      );
      expect(readFileSync(store.layout.digest, 'utf8')).toBe(good);
    }
  });

  it('is stale when a month file of its term is edited by hand', async () => {
    const store = await created(school());
    await store.overdueDigest(BENCH_TODAY);
    // Remove every contact of the term's first month from its file, keeping the file valid.
    const month = readdirSync(store.layout.partsDir).filter((n) => n.startsWith('2026-09.'))[0]!;
    const path = join(store.layout.partsDir, month);
    const part = JSON.parse(readFileSync(path, 'utf8')) as { month: string; contacts: unknown[] };
    writeFileSync(path, JSON.stringify({ ...part, contacts: [] }));
    expect(await readDigest(store.layout, BENCH_TODAY)).toBeNull();
    const after = overdueFromDigest((await new DatastoreFile(store.file).overdueDigest(BENCH_TODAY))!, BENCH_TODAY);
    expect(after).toEqual(await recomputed(store.file, BENCH_TODAY));
  });

  it('answers one term: a date of another term builds that term’s digest', async () => {
    const store = await created(school());
    await store.overdueDigest(BENCH_TODAY);
    const spring = '2026-04-15';
    expect(await readDigest(store.layout, spring)).toBeNull();
    expect(overdueFromDigest((await store.overdueDigest(spring))!, spring)).toEqual(
      await recomputed(store.file, spring),
    );
    expect(await readDigest(store.layout, spring)).not.toBeNull();
  });

  it('agrees with the full recomputation through random saves and dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1000 }),
        fc.array(fc.record({ save: fc.boolean(), day: fc.integer({ min: 0, max: 140 }), pick: fc.nat() }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (seed, steps) => {
          const store = await created(school(seed));
          for (const step of steps) {
            const date = new Date(Date.parse('2026-07-10T00:00:00Z') + step.day * 86_400_000)
              .toISOString()
              .slice(0, 10);
            if (step.save) {
              await new DatastoreFile(store.file).update(
                (d) => void logContact(d, visit(d, date, step.pick), testContext('2027-12-31')),
              );
            }
            const digest = await new DatastoreFile(store.file).overdueDigest(date);
            if (digest) expect(overdueFromDigest(digest, date)).toEqual(await recomputed(store.file, date));
          }
        },
      ),
      { numRuns: 5 },
    );
  });
});

// The overdue digest against a full recomputation: on random histories (the bench's generator at random
// sizes, seeds and lengths of history, plus stray contacts), for any date and filter, the report read
// from the digest — built from the term's months only and stored as JSON — is overdueReport's, in
// SPEC's order (namesakes too); and 首页's month and term completion per college is monthCompletion's and termCompletion's.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BENCH_TODAY, buildBenchData, withYears, type Scale } from '../../source/bench/generate.js';
import {
  monthCompletion,
  monthCompletionFromDigest,
  termCompletion,
  termCompletionFromDigest,
} from '../../source/domain/completion.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { cadreName } from '../../source/domain/labels.js';
import { overdueReport, type OverdueFilter } from '../../source/domain/overdue.js';
import {
  digestAnswers,
  digestWithContacts,
  overdueCountFromDigest,
  overdueCountsByCollege,
  overdueDigest,
  overdueFromDigest,
} from '../../source/domain/overdue-digest.js';
import type { Contact, Datastore } from '../../source/domain/schema.js';
import { DUTIES, type Duty } from '../../source/domain/vocabulary.js';
import { reportingTerm } from '../../source/domain/terms.js';

const DAY = 86_400_000;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

const scale: fc.Arbitrary<Scale> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    colleges: fc.integer({ min: 1, max: 3 }),
    cadres: fc.integer({ min: 20, max: 30 }),
    cohorts: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
    dormsPerClass: fc.integer({ min: 1, max: 3 }),
    studentsPerClass: fc.integer({ min: 0, max: 3 }),
    years: fc.integer({ min: 1, max: 7 }),
  })
  .map(({ years, ...s }) => withYears({ name: 'random', ...s, years: 5 }, years));

/** Contacts no generator would write: any cadre, any target of the duty, any day (duplicates too). */
const stray = fc.array(
  fc.record({
    cadre: fc.nat(),
    duty: fc.constantFrom(...DUTIES),
    target: fc.nat(),
    day: fc.integer({ min: dayOf('2015-06-01'), max: dayOf('2027-08-31') }),
  }),
  { maxLength: 40 },
);

const asOfDay = fc.integer({ min: dayOf('2015-01-01'), max: dayOf('2027-12-31') });

/** Stray contacts, and namesakes: the cadres at `namesakes` take the first cadre's name. */
function withStray(
  data: Datastore,
  extra: Array<{ cadre: number; duty: Duty; target: number; day: number }>,
  namesakes: number[],
): Datastore {
  for (const k of namesakes) data.cadres[k % data.cadres.length]!.name = data.cadres[0]!.name;
  const targets: Record<Duty, string[]> = {
    class: data.classes.map((c) => c.id),
    dorm: data.dorms.map((d) => d.id),
    student: data.students.map((s) => s.id),
  };
  const contacts: Contact[] = extra.flatMap((x, i) => {
    const ids = targets[x.duty];
    if (ids.length === 0) return [];
    return [
      {
        ...data.contacts[0]!,
        id: `stray_${i}`,
        cadreId: data.cadres[x.cadre % data.cadres.length]!.id,
        duty: x.duty,
        targetId: ids[x.target % ids.length]!,
        date: isoOf(x.day),
      },
    ];
  });
  return { ...data, contacts: [...data.contacts, ...contacts] };
}

describe('overdue digest', () => {
  it('gives overdueReport’s rows for any date and filter of its term, monthCompletion’s figures and the counts per college, on random histories', () => {
    fc.assert(
      fc.property(
        scale,
        stray,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(asOfDay, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.option(fc.constantFrom(...DUTIES)),
        fc.option(fc.constantFrom('overdue' as const, 'due' as const)),
        (s, extra, namesakes, days, collegePick, duty, status) => {
          const data = withStray(buildBenchData(s), extra, namesakes);
          const idx = buildIndexes(data);
          for (const asOf of days.map(isoOf)) {
            const term = reportingTerm(data.settings.terms, asOf);
            if (!term) continue;
            // As the store reads it: the months from the term's start on.
            const termData = {
              ...data,
              contacts: data.contacts.filter((c) => c.date.slice(0, 7) >= term.start.slice(0, 7)),
            };
            const stored = JSON.parse(
              JSON.stringify(overdueDigest(termData, buildIndexes(termData), term)),
            ) as ReturnType<typeof overdueDigest>;
            expect(digestAnswers(stored, asOf)).toBe(true);
            const college = collegePick % (data.colleges.length + 1);
            const filter: OverdueFilter = {
              ...(college < data.colleges.length ? { collegeId: data.colleges[college]!.id } : {}),
              ...(duty === null ? {} : { duty }),
              ...(status === null ? {} : { status }),
            };
            const expected = overdueReport(data, idx, asOf, filter);
            expect(overdueFromDigest(stored, asOf, filter)).toEqual(expected);
            expect(overdueCountFromDigest(stored, asOf, filter)).toBe(expected.rows.length);
            for (const row of expected.rows)
              expect(stored.cadres[row.cadreId]!.label).toBe(cadreName(idx, idx.cadreById.get(row.cadreId)!));
            expect(monthCompletionFromDigest(stored, data.colleges, asOf)).toEqual(monthCompletion(data, idx, asOf));
            expect(termCompletionFromDigest(stored, data.colleges, asOf)).toEqual(termCompletion(data, idx, asOf));
            const all = overdueReport(data, idx, asOf).rows;
            const byCollege = overdueCountsByCollege(stored, asOf);
            for (const c of data.colleges) {
              const rows = all.filter((r) => r.college === c.name);
              expect(byCollege.get(c.id) ?? { overdue: 0, due: 0 }).toEqual({
                overdue: rows.filter((r) => r.status === 'overdue').length,
                due: rows.filter((r) => r.status === 'due').length,
              });
            }
            expect([...byCollege.values()].reduce((n, c) => n + c.overdue + c.due, 0)).toBe(all.length);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('with contacts added (as a log adds them) is the digest built again from the data with them, on random histories', () => {
    fc.assert(
      fc.property(scale, stray, stray, asOfDay, (s, extra, added, day) => {
        const data = withStray(buildBenchData(s), extra, []);
        const term = reportingTerm(data.settings.terms, isoOf(day));
        if (!term) return;
        // Contacts like a log's: any cadre, duty, target and day, in the term or near it, duplicates too.
        const withAdded = withStray(
          data,
          added.map((a) => ({
            ...a,
            day: dayOf(term.start) + (a.day % (dayOf(term.end) - dayOf(term.start) + 40)) - 20,
          })),
          [],
        );
        const newContacts = withAdded.contacts.slice(data.contacts.length);
        const termOf = (d: Datastore) => ({
          ...d,
          contacts: d.contacts.filter((c) => c.date.slice(0, 7) >= term.start.slice(0, 7)),
        });
        const before = overdueDigest(termOf(data), buildIndexes(termOf(data)), term);
        expect(digestWithContacts(before, newContacts)).toEqual(
          overdueDigest(termOf(withAdded), buildIndexes(termOf(withAdded)), term),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('answers only for dates its term reports on', () => {
    const data = buildBenchData(
      withYears(
        {
          name: 'tiny',
          seed: 7,
          colleges: 2,
          cadres: 20,
          cohorts: [1, 1, 1, 1, 1, 1, 1],
          dormsPerClass: 2,
          studentsPerClass: 2,
          years: 5,
        },
        2,
      ),
    );
    const term = reportingTerm(data.settings.terms, BENCH_TODAY)!;
    const digest = overdueDigest(data, buildIndexes(data), term);
    expect(digestAnswers(digest, BENCH_TODAY)).toBe(true);
    expect(digestAnswers(digest, term.start)).toBe(true);
    // Before the term starts, the previous term reports; before any term, none.
    expect(digestAnswers(digest, isoOf(dayOf(term.start) - 1))).toBe(false);
    expect(digestAnswers(digest, '2020-01-01')).toBe(false);
    expect(overdueFromDigest(digest, BENCH_TODAY).rows.length).toBeGreaterThan(0);
  });
});

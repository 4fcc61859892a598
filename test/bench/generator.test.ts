// The benchmark's generated school: deterministic, valid against the schema and every invariant.
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../source/domain/indexes.js';
import { datastoreProblems } from '../../source/domain/invariants.js';
import { overdueReport } from '../../source/domain/overdue.js';
import { datastoreSchema } from '../../source/domain/schema.js';
import { BENCH_TODAY, SCALES, buildBenchData, countsOf, withYears } from '../../source/bench/generate.js';

describe('bench generator (small scale)', () => {
  const data = buildBenchData(SCALES['small']!);

  it('is valid and keeps every invariant', () => {
    expect(datastoreSchema.safeParse(data).success).toBe(true);
    expect(datastoreProblems(data, buildIndexes(data))).toEqual([]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(buildBenchData(SCALES['small']!))).toBe(JSON.stringify(data));
  });

  it('has ten terms, handovers, graduations and some overdue cadres', () => {
    const counts = countsOf(data);
    expect(counts.terms).toBe(10);
    expect(counts.classes).toBe(24);
    expect(data.assignments.some((a) => a.endReason === '班级毕业')).toBe(true);
    expect(
      data.assignments.some((a) => a.endReason === '调整' || a.endReason === '离职' || a.endReason === '长期请假'),
    ).toBe(true);
    const rows = overdueReport(data, buildIndexes(data), BENCH_TODAY).rows;
    expect(rows.some((r) => r.status === 'overdue')).toBe(true);
    expect(data.contacts.every((c) => c.date <= BENCH_TODAY)).toBe(true);
  });
});

describe('bench generator, ten years of history', () => {
  const five = buildBenchData(SCALES['small']!);
  const ten = buildBenchData(withYears(SCALES['small']!, 10));

  it('is valid and keeps every invariant', () => {
    expect(datastoreSchema.safeParse(ten).success).toBe(true);
    expect(datastoreProblems(ten, buildIndexes(ten))).toEqual([]);
  });

  it('has twice the terms and earlier cohorts, and today the same classes as five years', () => {
    expect(ten.settings.terms).toHaveLength(20);
    expect(ten.settings.terms[0]!.start).toBe('2017-09-01');
    expect(ten.settings.terms.slice(10)).toEqual(five.settings.terms);
    expect(Math.min(...ten.classes.map((c) => c.enrollYear ?? 9999))).toBe(2015);
    expect(ten.contacts.length).toBeGreaterThan(1.5 * five.contacts.length);
    const current = (d: typeof five) => d.classes.filter((c) => c.graduationDate! > BENCH_TODAY).length;
    expect(current(ten)).toBe(current(five));
    expect(ten.assignments.some((a) => a.start < '2018-01-01')).toBe(true);
  });
});

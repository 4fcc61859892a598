// The benchmark's generated school: deterministic, valid against the schema and every invariant.
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../source/domain/indexes.js';
import { datastoreProblems } from '../../source/domain/invariants.js';
import { overdueReport } from '../../source/domain/overdue.js';
import { datastoreSchema } from '../../source/domain/schema.js';
import { BENCH_TODAY, SCALES, buildBenchData, countsOf } from '../../source/bench/generate.js';

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
    expect(data.assignments.some((a) => a.endReason === '调整' || a.endReason === '离职' || a.endReason === '长期请假')).toBe(true);
    const rows = overdueReport(data, buildIndexes(data), BENCH_TODAY).rows;
    expect(rows.some((r) => r.status === 'overdue')).toBe(true);
    expect(data.contacts.every((c) => c.date <= BENCH_TODAY)).toBe(true);
  });
});

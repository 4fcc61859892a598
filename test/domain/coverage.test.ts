// The grid's holes against a plain recomputation from SPEC's words: on random rosters (the bench's
// generator, then assignments dropped or cut short, cadres on leave, classes given extra dorms and
// 困难生 no assignment holds), at dates inside terms and between them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBenchData, withYears, type Scale } from '../../source/bench/generate.js';
import { coverage } from '../../source/domain/coverage.js';
import { addDays } from '../../source/domain/dates.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import type { Assignment, ClassGroup, Datastore } from '../../source/domain/schema.js';
import { scopedView } from '../../source/domain/scope.js';
import { smallSchool } from '../helpers/fixtures.js';

const scale: fc.Arbitrary<Scale> = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    colleges: fc.integer({ min: 1, max: 3 }),
    cadres: fc.integer({ min: 20, max: 30 }),
    cohorts: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 7, maxLength: 7 }),
    dormsPerClass: fc.integer({ min: 1, max: 2 }),
    studentsPerClass: fc.integer({ min: 0, max: 2 }),
    years: fc.integer({ min: 1, max: 3 }),
  })
  .map(({ years, ...s }) => withYears({ name: 'random', ...s, years: 5 }, years));

/** What to do to the generated roster: indexes into its lists, taken modulo their lengths. */
const damage = fc.record({
  dropped: fc.array(fc.nat(), { maxLength: 6 }),
  cut: fc.array(fc.record({ at: fc.nat(), days: fc.integer({ min: -200, max: 200 }) }), { maxLength: 6 }),
  onLeave: fc.array(fc.nat(), { maxLength: 3 }),
  extraDorms: fc.array(fc.nat(), { maxLength: 3 }),
  extraStudents: fc.array(fc.nat(), { maxLength: 3 }),
});

type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function damaged(data: Datastore, d: Damage): Datastore {
  const pickFrom = <T>(list: T[], n: number) => list[n % list.length];
  if (data.assignments.length > 0) {
    for (const c of d.cut) {
      const a = pickFrom(data.assignments, c.at)!;
      const end = addDays(a.start, Math.abs(c.days));
      a.end = a.end === null || end < a.end ? end : a.end;
      a.endReason = c.days < 0 ? '长期请假' : '调整';
    }
    const gone = new Set(d.dropped.map((n) => pickFrom(data.assignments, n)!.id));
    data.assignments = data.assignments.filter((a) => !gone.has(a.id));
  }
  for (const n of d.onLeave) if (data.cadres.length > 0) pickFrom(data.cadres, n)!.status = '长期请假';
  if (data.classes.length > 0) {
    d.extraDorms.forEach((n, i) =>
      data.dorms.push({
        id: `xd_${i}`,
        building: '新楼',
        number: String(i),
        classIds: [pickFrom(data.classes, n)!.id],
        leader: '',
        size: null,
        note: '',
      }),
    );
    d.extraStudents.forEach((n, i) =>
      data.students.push({
        id: `xs_${i}`,
        studentNo: `X${i}`,
        name: '新生',
        classId: pickFrom(data.classes, n)!.id,
        dormId: null,
        categories: ['经济困难'],
        contact: '',
      }),
    );
  }
  return data;
}

/** The holes as SPEC words them, computed without coverage.ts's helpers. */
function plainHoles(data: Datastore, date: string) {
  const classOf = new Map(data.classes.map((c) => [c.id, c]));
  const lastDay = (a: Assignment): string | null => {
    const g = classOf.get(a.classId)?.graduationDate ?? null;
    if (a.end === null) return g;
    if (g === null) return a.end;
    return a.end < g ? a.end : g;
  };
  const activeOn = (a: Assignment, d: string) => a.start <= d && (lastDay(a) === null || d <= lastDay(a)!);
  const studying = (c: ClassGroup | undefined) =>
    c !== undefined && (c.graduationDate === null || date <= c.graduationDate);
  const active = data.assignments.filter((a) => activeOn(a, date));
  return {
    classes: data.classes
      .filter((c) => studying(c) && !active.some((a) => a.classId === c.id))
      .map((c) => c.id)
      .sort(),
    dorms: data.dorms
      .filter(
        (d) => d.classIds.some((id) => studying(classOf.get(id))) && !active.some((a) => a.dormIds.includes(d.id)),
      )
      .map((d) => d.id)
      .sort(),
    students: data.students
      .filter((s) => studying(classOf.get(s.classId)) && !active.some((a) => a.studentIds.includes(s.id)))
      .map((s) => s.id)
      .sort(),
    freeCadres: data.cadres
      .filter((c) => c.status === '在岗' && !active.some((a) => a.cadreId === c.id))
      .map((c) => {
        const ends = data.assignments
          .filter((a) => a.cadreId === c.id && lastDay(a) !== null && lastDay(a)! < date)
          .map((a) => addDays(lastDay(a)!, 1))
          .sort();
        return `${c.id}@${ends.at(-1) ?? 'never'}`;
      })
      .sort(),
    ending: active
      .filter((a) => lastDay(a) !== null && lastDay(a)! <= addDays(date, 30))
      .map((a) => `${a.id}@${lastDay(a)}`)
      .sort(),
  };
}

describe('coverage', () => {
  it('lists every class, dorm and 困难生 without a cadre, the free cadres and the ends to come, inside and between terms', () => {
    fc.assert(
      fc.property(
        scale,
        damage,
        fc.array(fc.integer({ min: 0, max: 4 * 366 }), { minLength: 1, maxLength: 4 }),
        (s, d, offsets) => {
          const data = damaged(buildBenchData(s), d);
          const idx = buildIndexes(data);
          const dates = [
            ...offsets.map((o) => addDays('2023-06-01', o)),
            ...data.settings.terms.map((t) => addDays(t.end, 1)),
            // A graduation's last day in school and the first day after it.
            ...[...new Set(data.classes.map((c) => c.graduationDate))]
              .slice(0, 2)
              .flatMap((g) => (g === null ? [] : [g, addDays(g, 1)])),
          ];
          for (const date of dates) {
            const c = coverage(data, idx, date);
            const plain = plainHoles(data, date);
            expect({
              classes: c.classes.map((x) => x.id).sort(),
              dorms: c.dorms.map((x) => x.dormId).sort(),
              students: c.students.map((x) => x.studentId).sort(),
              freeCadres: c.freeCadres.map((x) => `${x.cadre.id}@${x.since?.date ?? 'never'}`).sort(),
              ending: c.ending.map((x) => `${x.assignment.id}@${x.end}`).sort(),
            }).toEqual(plain);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('in a college user’s part of the data, another college’s cadre once assigned there is not free', () => {
    const data = smallSchool();
    const li = data.cadres.find((c) => c.id === 'c_ls')!;
    li.collegeId = 'col_jd';
    const held = (id: string, classId: string, start: string, end: string | null): Assignment => ({
      id,
      cadreId: 'c_ls',
      classId,
      dormIds: [],
      studentIds: [],
      start,
      end,
      endReason: end ? '调整' : null,
    });
    data.assignments.push(
      held('a_then', 'cls_kj', '2026-03-01', '2026-06-30'),
      held('a_now', 'cls_rj', '2026-09-01', null),
    );
    const wang = { id: 'u_1', login: 'wang', name: '王芳', role: 'college' as const, collegeIds: ['col_jg'], keys: [] };
    const view = scopedView(data, wang);
    expect(view.cadres.map((c) => c.id)).toContain('c_ls');
    expect(coverage(view, buildIndexes(view), '2026-11-25').freeCadres.map((f) => f.cadre.id)).toEqual([
      'c_zs',
      'c_ww',
    ]);
  });
});

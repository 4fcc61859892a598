// The September routine on the demo school, into 2027-2028: the year's terms added and the June
// graduates' assignments ended (one journal entry), the freed cadres listed, twenty new classes paired
// in one batch (one entry), and each undone whole.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomId } from '../../source/domain/context.js';
import { coverage } from '../../source/domain/coverage.js';
import { buildDemoData } from '../../source/demo/demo-data.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { freeTargetsOf, pairingGroups } from '../../source/domain/new-year.js';
import type { Datastore } from '../../source/domain/schema.js';
import { undoOperation } from '../../source/operations/journal.js';
import { pairOperation, startYearOperation } from '../../source/operations/new-year.js';
import { OperationRunner } from '../../source/operations/runner.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { wholeSchool } from '../helpers/stores.js';
import { testContext } from '../helpers/fixtures.js';

const TODAY = '2027-08-25';

/** The demo school with its 2027 freshmen imported: 7, 7 and 6 new classes, each with a dorm and a 困难生. */
function withFreshmen(): Datastore {
  const data = buildDemoData();
  data.colleges.forEach((college, ci) => {
    for (let k = 0; k < (ci < 2 ? 7 : 6); k++) {
      const id = `cls_new_${ci}_${k}`;
      data.classes.push({
        id,
        collegeId: college.id,
        name: `新生${ci}${k}班`,
        enrollYear: 2027,
        graduationDate: '2030-06-30',
        headTeacher: '',
        headTeacherPhone: '',
        counselor: '',
        counselorPhone: '',
      });
      data.dorms.push({
        id: `dorm_new_${ci}_${k}`,
        building: '新区',
        number: `${ci}${k}`,
        classIds: [id],
        leader: '',
        size: 4,
        note: '',
      });
      data.students.push({
        id: `stu_new_${ci}_${k}`,
        studentNo: `2027${ci}${k}`,
        name: '新生',
        classId: id,
        dormId: null,
        categories: ['经济困难'],
        contact: '',
      });
    }
  });
  return data;
}

describe('a new academic year', () => {
  it('adds its terms, ends the graduates’ assignments, pairs twenty new classes in one batch; each undone whole', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-year-')), 'data.json');
    await new DatastoreFile(file).create(withFreshmen());
    const store = wholeSchool(file);
    // The demo's ids are sequential from 1: new ones must not reuse them.
    const ctx = { ...testContext(TODAY), newId: randomId };
    const runner = new OperationRunner(store, { via: 'tui', context: () => ctx });

    const overlap = runner.run(startYearOperation, { year: '2026-2027' });
    await expect(overlap).rejects.toThrow(/未添加学年 2026-2027：学期名称“2026-2027学年第一学期”重复/);
    await expect(runner.run(startYearOperation, { year: '2027-2028', firstStart: '2027-06-30' })).rejects.toThrow(
      /日期重叠/,
    );

    const started = await runner.run(startYearOperation, { year: '2027-2028', firstStart: '2027-09-06' });
    expect(started.result.terms.map((t) => [t.name, t.start, t.end])).toEqual([
      ['2027-2028学年第一学期', '2027-09-06', '2028-01-20'],
      ['2027-2028学年第二学期', '2028-02-20', '2028-07-10'],
    ]);
    // Four classes of 2024 per college graduated on 06-30.
    expect(started.result.ended).toHaveLength(12);
    expect(started.result.ended.every((a) => a.end === '2027-06-30' && a.endReason === '班级毕业')).toBe(true);
    expect(started.message).toBe(
      '已添加 2027-2028学年第一学期、2027-2028学年第二学期；已以“班级毕业”结束 12 个联系分配',
    );

    let data = await store.load('none');
    let idx = buildIndexes(data);
    const free = coverage(data, idx, '2027-09-06').freeCadres;
    expect(free.filter((f) => f.since?.reason === '班级毕业').map((f) => f.since?.date)).toEqual(
      Array(12).fill('2027-07-01'),
    );
    const groups = pairingGroups(data, idx, '2027-09-06');
    expect(groups.map((g) => [g.classes.length, g.cadres.length])).toEqual([
      [7, 7],
      [7, 7],
      [6, 7],
    ]);

    const pairs = groups.flatMap((g) =>
      g.classes.map((cls, k) => {
        const targets = freeTargetsOf(data, idx, cls.id, '2027-09-06');
        return {
          cadre: { id: g.cadres[k]!.id },
          class: { id: cls.id },
          dorms: targets.dormIds.map((id) => ({ id })),
          students: targets.studentIds.map((id) => ({ id })),
        };
      }),
    );
    expect(pairs).toHaveLength(20);
    const paired = await runner.run(pairOperation, { start: '2027-09-06', pairs });
    expect(paired.message).toBe('已保存 20 个配对（自 2027-09-06 起）');
    data = await store.load('none');
    idx = buildIndexes(data);
    const after = coverage(data, idx, '2027-09-06');
    expect([after.classes, after.students]).toEqual([[], []]);
    // Left: each college's 混合寝室, held until June by the graduated class it shared with a class of 2025.
    expect(after.dorms.map((d) => idx.dormById.get(d.dormId)?.number)).toEqual(['999', '999', '999']);
    expect(after.freeCadres).toHaveLength(1);

    await runner.run(undoOperation, {});
    data = await store.load('none');
    expect(coverage(data, buildIndexes(data), '2027-09-06').classes).toHaveLength(20);
    await runner.run(undoOperation, {});
    data = await store.load('none');
    expect(data.settings.terms).toHaveLength(4);
    expect(data.assignments.filter((a) => a.endReason === '班级毕业')).toHaveLength(3);
    expect((await store.history()).map((e) => e.action).slice(1)).toEqual([
      '新学年（界面）',
      '配对（界面）',
      '撤销（界面）',
      '撤销（界面）',
    ]);
  });
});

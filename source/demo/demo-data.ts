// A plausible college, built deterministically through the domain's own mutations so it obeys every
// invariant: 3 二级学院, 36 cadres, 24 classes with dorms, 30 困难生, two academic years of terms and
// one term of contacts in which some cadres fall behind.
import { assign, endAssignment, reassign } from '../domain/assignments.js';
import { logContact } from '../domain/contacts.js';
import { sequentialIds, type ChangeContext } from '../domain/context.js';
import { addDays, monthSlices, type IsoDate } from '../domain/dates.js';
import { buildIndexes } from '../domain/indexes.js';
import {
  emptyDatastore,
  type Cadre,
  type ClassGroup,
  type Datastore,
  type Dorm,
  type Student,
} from '../domain/schema.js';
import { CONTACT_FORMS, STUDENT_CATEGORIES } from '../domain/vocabulary.js';

/** Small seeded generator (mulberry32): the same seed gives the same data. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  '张王李赵陈刘杨黄吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '海燕',
  '志强',
  '丹',
  '宁',
  '浩然',
  '雨欣',
  '子涵',
  '思远',
  '佳怡',
  '俊杰',
  '欣怡',
  '宇航',
];

const COLLEGES = [
  { name: '经济管理学院', majors: ['会计', '电子商务', '物流管理', '市场营销'] },
  { name: '机电信息学院', majors: ['机电一体化', '计算机应用', '软件技术', '电气自动化'] },
  { name: '外国语学院', majors: ['商务英语', '应用日语', '应用韩语', '旅游英语'] },
];

export const DEMO_TODAY: IsoDate = '2026-11-24';

export function buildDemoData(): Datastore {
  const rand = seeded(20261124);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const newId = sequentialIds();
  const ctx: ChangeContext = { today: DEMO_TODAY, now: '2026-11-24T09:00:00.000Z', user: 'demo', newId };
  const usedNames = new Set<string>();
  const personName = (): string => {
    for (;;) {
      const n = pick([...SURNAMES]) + pick(GIVEN);
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const phone = () => String(600000 + Math.floor(rand() * 99999)).slice(0, 6);

  const data = emptyDatastore('义乌工商职业技术学院', [
    { name: '2025-2026学年第一学期', start: '2025-09-01', end: '2026-01-20' },
    { name: '2025-2026学年第二学期', start: '2026-02-23', end: '2026-07-03' },
    { name: '2026-2027学年第一学期', start: '2026-09-01', end: '2027-01-20' },
    { name: '2026-2027学年第二学期', start: '2027-02-22', end: '2027-07-02' },
  ]);
  // 外国语学院 asks for a visit to every dorm each month ("具体考核细则由二级学院制定").
  data.colleges = COLLEGES.map((c) => ({ id: newId('col'), name: c.name }));
  data.settings.rules.colleges[data.colleges[2]!.id] = { dormScope: 'each' };

  let building = 1;
  let studentSeq = 1;
  COLLEGES.forEach((college, ci) => {
    const collegeId = data.colleges[ci]!.id;
    const classes: ClassGroup[] = [];
    for (const major of college.majors) {
      for (const year of [2024, 2025]) {
        classes.push({
          id: newId('cls'),
          collegeId,
          name: `${major}${String(year).slice(2)}${year === 2024 ? 1 : 2}班`,
          enrollYear: year,
          graduationDate: `${year + 3}-06-30`,
          headTeacher: personName(),
          headTeacherPhone: phone(),
          counselor: personName(),
          counselorPhone: phone(),
        });
      }
    }
    // One class of 2023 graduated this summer; its cadre moved on to a new class.
    classes.push({
      id: newId('cls'),
      collegeId,
      name: `${college.majors[0]}23${ci + 1}班`,
      enrollYear: 2023,
      graduationDate: '2026-06-30',
      headTeacher: personName(),
      headTeacherPhone: phone(),
      counselor: personName(),
      counselorPhone: phone(),
    });
    data.classes.push(...classes);
    const dormBuilding = `${building++}号楼`;
    classes.forEach((cls, k) => {
      for (let r = 0; r < 2; r++) {
        data.dorms.push({
          id: newId('dorm'),
          building: dormBuilding,
          number: `${(k + 1) * 100 + r + 1}`,
          classIds: [cls.id],
          leader: personName(),
          size: 4 + Math.floor(rand() * 3),
          note: '',
        } satisfies Dorm);
      }
    });
    // A mixed dorm shared by the first two classes.
    data.dorms.push({
      id: newId('dorm'),
      building: dormBuilding,
      number: '999',
      classIds: [classes[0]!.id, classes[1]!.id],
      leader: personName(),
      size: 6,
      note: `混合寝室（${classes[0]!.name}、${classes[1]!.name}）`,
    });
    for (let s = 0; s < 10; s++) {
      const cls = classes[s % 8]!;
      const dorms = data.dorms.filter((d) => d.classIds.includes(cls.id));
      const cats = [STUDENT_CATEGORIES[s % 3]!];
      if (s % 4 === 0) cats.push(STUDENT_CATEGORIES[(s + 1) % 3]!);
      data.students.push({
        id: newId('stu'),
        studentNo: `2${cls.enrollYear}${String(ci + 1).padStart(2, '0')}${String(studentSeq++).padStart(4, '0')}`,
        name: personName(),
        classId: cls.id,
        dormId: pick(dorms).id,
        categories: cats,
        contact: `1${String(3000000000 + Math.floor(rand() * 999999999))}`,
      } satisfies Student);
    }
    for (let p = 0; p < 12; p++) {
      data.cadres.push({
        id: newId('cad'),
        employeeNo: `${2000 + ci * 100 + p}`,
        name: personName(),
        collegeId,
        department: p < 4 ? pick(['党委办公室', '教务处', '学生处', '组织部', '财务处']) : college.name,
        title: p < 4 ? pick(['科长', '副处长', '处长']) : pick(['专任教师', '实验员', '教研室主任']),
        politicalStatus: '中共党员',
        shortPhone: phone(),
        officePhone: `0579-8${String(3000000 + Math.floor(rand() * 999999)).slice(0, 7)}`,
        category: p < 4 ? '科职以上干部' : '普通党员',
        status: '在岗',
      } satisfies Cadre);
    }
  });

  const cadresOf = (collegeId: string) => data.cadres.filter((c) => c.collegeId === collegeId);
  for (const college of data.colleges) {
    const cadres = cadresOf(college.id);
    const classes = data.classes.filter((c) => c.collegeId === college.id);
    const graduated = classes.find((c) => c.graduationDate === '2026-06-30')!;
    const current = classes.filter((c) => c !== graduated);
    // The graduated class's cadre held it until graduation, then took a new class.
    assign(data, { cadreId: cadres[0]!.id, classId: graduated.id, start: '2025-09-01', studentIds: [] }, ctx);
    current.forEach((cls, k) => {
      const cadre = cadres[k + 1]!;
      const studentIds = data.students.filter((s) => s.classId === cls.id).map((s) => s.id);
      const start = k === 7 ? '2026-11-20' : k === 6 ? '2026-11-26' : '2025-09-01';
      if (k === 6) return; // assigned below, late in the month
      assign(data, { cadreId: cadre.id, classId: cls.id, studentIds, start }, ctx);
    });
    endAssignment(data, { cadreId: cadres[0]!.id, date: '2026-06-30', reason: '班级毕业' });
    assign(
      data,
      {
        cadreId: cadres[0]!.id,
        classId: current[6]!.id,
        start: '2026-09-01',
        studentIds: data.students.filter((s) => s.classId === current[6]!.id).map((s) => s.id),
      },
      ctx,
    );
    // A cadre left mid-term: the class was handed over on the 15th.
    reassign(data, { classId: current[2]!.id, toCadreId: cadres[9]!.id, date: '2026-11-15', reason: '离职' }, ctx);
  }

  // One term of contacts: most cadres keep up, a few fall behind.
  const term = data.settings.terms[2]!;
  let idx = buildIndexes(data);
  const behind = new Set(data.cadres.filter((_, i) => i % 5 === 2).map((c) => c.id));
  for (const a of [...data.assignments]) {
    const from = a.start > term.start ? a.start : term.start;
    const to = a.end && a.end < DEMO_TODAY ? a.end : DEMO_TODAY;
    if (from > to) continue;
    const lazy = behind.has(a.cadreId);
    const dayIn = (s: IsoDate, e: IsoDate) => {
      const span = Math.max(0, (Date.parse(e) - Date.parse(s)) / 86_400_000);
      return addDays(s, Math.floor(rand() * (span + 1)));
    };
    const log = (duty: 'class' | 'dorm' | 'student', targetId: string, date: IsoDate, note: string) =>
      logContact(
        data,
        {
          cadreId: a.cadreId,
          duty,
          targetId,
          date,
          form: duty === 'dorm' ? '寝室走访' : pick(CONTACT_FORMS.slice(0, 3)),
          note,
        },
        ctx,
        idx,
      );
    if (!lazy || rand() < 0.3) log('class', a.classId, dayIn(from, to), '了解班风学风');
    for (const m of monthSlices(from, to)) {
      const skipMonth = lazy && rand() < 0.6;
      if (!skipMonth && a.dormIds.length > 0) log('dorm', pick(a.dormIds), dayIn(m.start, m.end), '检查卫生与用电安全');
      for (const s of a.studentIds)
        if (!skipMonth && rand() < 0.85) log('student', s, dayIn(m.start, m.end), '学习生活情况');
    }
    idx = buildIndexes(data);
  }
  return data;
}

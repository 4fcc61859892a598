// A deterministic school-sized datastore for the benchmark (GitHub issue 6): colleges, cadres,
// classes of seven cohorts with their dorms and 困难生, ten terms, five academic years of assignments
// (reassignments, departures, graduations) and contacts with realistic gaps; `withYears` makes the
// history longer (earlier cohorts and terms) with the same school today. Records are built
// directly, not through the domain's mutations (which re-check every invariant per call); the result is
// checked as a whole with `datastoreProblems` and the zod schema by the caller (see gen.ts).
import {
  emptyDatastore,
  type Assignment,
  type Cadre,
  type ClassGroup,
  type Contact,
  type Datastore,
  type Dorm,
  type DutyRules,
  type Student,
  type Term,
} from '../domain/schema.js';
import { STUDENT_CATEGORIES, type ContactForm, type EndReason } from '../domain/vocabulary.js';
import type { IsoDate } from '../domain/dates.js';
import { seeded } from '../demo/demo-data.js';

/** Bump when the generated data or the way files are written changes: `npm run bench` regenerates a cached file of another version. */
export const GENERATOR_VERSION = 6;

/** The generated school's "today": contacts are dated up to it; the bench reports as of it. */
export const BENCH_TODAY: IsoDate = '2026-11-25';

export interface Scale {
  name: string;
  seed: number;
  colleges: number;
  cadres: number;
  /** Classes per cohort, the last one enrolled in 2026 (three-year programmes graduate on 06-30). */
  cohorts: number[];
  /** Academic years of history: the program started `years` years before the current one ends. */
  years: number;
  dormsPerClass: number;
  studentsPerClass: number;
}

export const SCALES: Record<string, Scale> = {
  // 600 classes over seven cohorts: about 300 classes are current at any time, ~6000 dorms, 3000 困难生.
  school: {
    name: 'school',
    seed: 20261125,
    colleges: 20,
    cadres: 1500,
    cohorts: [60, 70, 80, 90, 100, 100, 100],
    dormsPerClass: 10,
    studentsPerClass: 5,
    years: 5,
  },
  small: {
    name: 'small',
    seed: 20261125,
    colleges: 3,
    cadres: 60,
    cohorts: [2, 3, 3, 4, 4, 4, 4],
    dormsPerClass: 10,
    studentsPerClass: 5,
    years: 5,
  },
};

/** The academic year under way on BENCH_TODAY: 2026-2027. */
const CURRENT_YEAR = 2026;

/**
 * The same school with `years` academic years of history (5: the scales above). Each year more adds
 * an earlier cohort as large as the earliest one and two earlier terms; today's classes, dorms and
 * cadres are the same, so a command about today has the same work to do.
 */
export function withYears(scale: Scale, years: number): Scale {
  if (!Number.isInteger(years) || years < 1 || years > 30) throw new Error(`--years ${years}: 1 到 30 之间的整数`);
  const extra = Math.max(0, years - scale.years);
  const cohorts = [
    ...Array<number>(extra).fill(scale.cohorts[0]!),
    ...scale.cohorts.slice(Math.max(0, scale.years - years)),
  ];
  return { ...scale, cohorts, years };
}

/** The program starts with the first academic year of the history: no assignment starts earlier. */
const programStart = (scale: Scale): IsoDate => `${CURRENT_YEAR + 1 - scale.years}-09-01`;

// Day numbers (days since 1970-01-01, UTC) keep the 300k-contact loop free of date-fns.
const DAY = 86_400_000;
const dayOf = (iso: IsoDate): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoOf = (day: number): IsoDate => new Date(day * DAY).toISOString().slice(0, 10);
const minIso = (a: IsoDate, b: IsoDate) => (a < b ? a : b);
const maxIso = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** Calendar months of [start, end] as day-number ranges. */
function months(start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  while (s <= end) {
    const d = new Date(s * DAY);
    const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY;
    const e = Math.min(nextMonth - 1, end);
    out.push([s, e]);
    s = e + 1;
  }
  return out;
}

export function benchTerms(years = 5): Term[] {
  const terms: Term[] = [];
  for (let y = CURRENT_YEAR + 1 - years; y <= CURRENT_YEAR; y++) {
    terms.push({ name: `${y}-${y + 1}学年第一学期`, start: `${y}-09-01`, end: `${y + 1}-01-20` });
    terms.push({ name: `${y}-${y + 1}学年第二学期`, start: `${y + 1}-02-25`, end: `${y + 1}-07-05` });
  }
  return terms;
}

const SURNAMES =
  '张王李赵陈刘杨黄吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚丹宁浩然雨欣子涵思远佳怡俊杰欣怡宇航建华晓东海燕志强秀英桂英文博梓萱一鸣若曦'.match(
    /./gu,
  )!;
const COLLEGE_NAMES = [
  '经济管理学院',
  '机电信息学院',
  '外国语学院',
  '艺术设计学院',
  '创意设计学院',
  '人文旅游学院',
  '建筑工程学院',
  '电子商务学院',
  '国际贸易学院',
  '数字媒体学院',
  '汽车工程学院',
  '智能制造学院',
  '会计金融学院',
  '物流管理学院',
  '健康护理学院',
  '学前教育学院',
  '体育学院',
  '软件学院',
  '时尚学院',
  '继续教育学院',
];
const MAJORS = [
  '会计',
  '电子商务',
  '物流管理',
  '市场营销',
  '机电一体化',
  '计算机应用',
  '软件技术',
  '电气自动化',
  '商务英语',
  '应用日语',
  '视觉传达',
  '环境艺术',
  '旅游管理',
  '酒店管理',
  '工程造价',
  '建筑设计',
  '国际贸易',
  '数字媒体',
  '汽车检测',
  '工业机器人',
  '金融管理',
  '护理',
  '学前教育',
  '社会体育',
  '大数据技术',
  '人工智能',
  '服装设计',
  '首饰设计',
  '文秘',
  '跨境电商',
];
const SCHOOL_WIDE_DEPARTMENTS = ['公共教学部', '图书馆'];
const ADMIN_DEPARTMENTS = [
  '党委办公室',
  '教务处',
  '学生处',
  '组织部',
  '财务处',
  '后勤处',
  '科研处',
  '招生就业处',
  '团委',
];
const NOTES: Record<Contact['duty'], string[]> = {
  class: ['了解班风学风', '参加主题班会', '听课并与学生座谈', '期中学情交流', '就业意向座谈', ''],
  dorm: ['检查卫生与用电安全', '了解作息情况', '寝室文化建设', '安全隐患排查', ''],
  student: ['学习生活情况', '心理状况谈心', '资助政策宣传', '学业帮扶', '家庭情况了解', ''],
};
const FORMS: Record<Contact['duty'], ContactForm[]> = {
  class: ['座谈会', '深入课堂', '座谈会', '谈心谈话', '微信'],
  dorm: ['寝室走访', '寝室走访', '寝室走访', '其他'],
  student: ['谈心谈话', '谈心谈话', '电话', '微信', 'QQ', '邮箱'],
};

export interface GeneratedCounts {
  colleges: number;
  cadres: number;
  classes: number;
  dorms: number;
  students: number;
  terms: number;
  assignments: number;
  contacts: number;
}

export function countsOf(data: Datastore): GeneratedCounts {
  return {
    colleges: data.colleges.length,
    cadres: data.cadres.length,
    classes: data.classes.length,
    dorms: data.dorms.length,
    students: data.students.length,
    terms: data.settings.terms.length,
    assignments: data.assignments.length,
    contacts: data.contacts.length,
  };
}

interface CadreState {
  cadre: Cadre;
  /** Effective active periods of its assignments, as day numbers, inclusive. */
  busy: Array<[number, number]>;
  /** Day from which the cadre is gone (离职 / 长期请假): no assignment may reach it. */
  goneFrom: number | null;
  /** Probability of skipping a duty window: most keep up, some are patchy, a few fall behind. */
  miss: number;
}

export function buildBenchData(scale: Scale): Datastore {
  const rand = seeded(scale.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const counters = new Map<string, number>();
  const newId = (prefix: string) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_${n}`;
  };
  const anyName = () => pick([...SURNAMES]) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : '');
  const cadreNames = new Set<string>();
  const uniqueName = () => {
    for (;;) {
      const n = anyName();
      if (!cadreNames.has(n)) {
        cadreNames.add(n);
        return n;
      }
    }
  };
  const shortPhone = () => String(600000 + int(0, 99999));
  const today = dayOf(BENCH_TODAY);

  const data = emptyDatastore('义乌工商职业技术学院', benchTerms(scale.years));
  for (let c = 0; c < scale.colleges; c++)
    data.colleges.push({
      id: newId('col'),
      name: COLLEGE_NAMES[c % COLLEGE_NAMES.length]! + (c >= COLLEGE_NAMES.length ? String(c) : ''),
    });
  // "具体考核细则由二级学院制定": a few colleges want every dorm visited each month, one a longer minimum window.
  const overrides: Array<Partial<DutyRules>> = [{ dormScope: 'each' }, { minWindowDays: 10 }, { classPerTerm: 2 }];
  data.colleges.forEach((college, i) => {
    if (i % 7 === 2) data.settings.rules.colleges[college.id] = overrides[Math.floor(i / 7) % overrides.length]!;
  });

  // Cadres: most belong to a 二级学院; ~6% are arranged school-wide (公共教学部, 图书馆).
  const states: CadreState[] = [];
  const poolByCollege = new Map<string | null, CadreState[]>();
  for (let p = 0; p < scale.cadres; p++) {
    const schoolWide = p % 16 === 15;
    const college = schoolWide ? null : data.colleges[p % scale.colleges]!;
    const senior = rand() < 0.3;
    const cadre: Cadre = {
      id: newId('cad'),
      employeeNo: `T${String(10001 + p)}`,
      name: uniqueName(),
      collegeId: college?.id ?? null,
      department: schoolWide ? pick(SCHOOL_WIDE_DEPARTMENTS) : senior ? pick(ADMIN_DEPARTMENTS) : college!.name,
      title: senior
        ? pick(['科长', '副科长', '副处长', '处长'])
        : pick(['专任教师', '实验员', '教研室主任', '辅导员', '行政人员']),
      politicalStatus: '中共党员',
      shortPhone: shortPhone(),
      officePhone: `0579-85${String(int(100000, 999999))}`,
      category: senior ? '科职以上干部' : '普通党员',
      status: '在岗',
    };
    data.cadres.push(cadre);
    const r = rand();
    const state: CadreState = { cadre, busy: [], goneFrom: null, miss: r < 0.72 ? 0.02 : r < 0.92 ? 0.2 : 0.6 };
    states.push(state);
    const pool = poolByCollege.get(cadre.collegeId) ?? [];
    pool.push(state);
    poolByCollege.set(cadre.collegeId, pool);
  }

  // Classes, their dorms (a few 混合寝室 shared with the previous class of the same college and
  // cohort) and 困难生.
  let dormSeq = 0;
  let studentSeq = 0;
  const ownDorms = new Map<string, Dorm[]>();
  const studentsOf = new Map<string, Student[]>();
  const classCounts = new Map<string, number>();
  scale.cohorts.forEach((count, k) => {
    const year = CURRENT_YEAR + 1 - scale.cohorts.length + k;
    const previousInCollege = new Map<string, ClassGroup>();
    for (let i = 0; i < count; i++) {
      const college = data.colleges[i % scale.colleges]!;
      const major = MAJORS[(i * 7 + Math.floor(i / scale.colleges)) % MAJORS.length]!;
      const key = `${major}${String(year).slice(2)}`;
      const n = (classCounts.get(key) ?? 0) + 1;
      classCounts.set(key, n);
      const cls: ClassGroup = {
        id: newId('cls'),
        collegeId: college.id,
        name: `${key}${n}班`,
        enrollYear: year,
        graduationDate: `${year + 3}-06-30`,
        headTeacher: anyName(),
        headTeacherPhone: shortPhone(),
        counselor: anyName(),
        counselorPhone: shortPhone(),
      };
      data.classes.push(cls);
      const previous = previousInCollege.get(college.id);
      for (let r = 0; r < scale.dormsPerClass; r++) {
        const building = `${Math.floor(dormSeq / 100) + 1}号楼`;
        const number = `${Math.floor((dormSeq % 100) / 20) + 1}${String((dormSeq % 20) + 1).padStart(2, '0')}`;
        dormSeq++;
        const mixed = previous !== undefined && r === scale.dormsPerClass - 1 && i % 5 === 0;
        const dorm: Dorm = {
          id: newId('dorm'),
          building,
          number,
          classIds: mixed ? [previous.id, cls.id] : [cls.id],
          leader: anyName(),
          size: pick([4, 6, 6, 8]),
          note: mixed ? `混合寝室（${previous.name}、${cls.name}）` : '',
        };
        data.dorms.push(dorm);
        // A mixed dorm is held by the assignment of its first class.
        const owner = dorm.classIds[0]!;
        ownDorms.set(owner, [...(ownDorms.get(owner) ?? []), dorm]);
      }
      previousInCollege.set(college.id, cls);
      const livesIn = data.dorms.slice(data.dorms.length - scale.dormsPerClass);
      const students: Student[] = [];
      for (let s = 0; s < scale.studentsPerClass; s++) {
        studentSeq++;
        const cats = new Set([pick(STUDENT_CATEGORIES)]);
        if (rand() < 0.25) cats.add(pick(STUDENT_CATEGORIES));
        students.push({
          id: newId('stu'),
          studentNo: `${year}${String(studentSeq).padStart(6, '0')}`,
          name: anyName(),
          classId: cls.id,
          dormId: pick(livesIn).id,
          categories: STUDENT_CATEGORIES.filter((c) => cats.has(c)),
          contact: `1${pick(['3', '5', '7', '8'])}${String(int(100000000, 999999999))}`,
        });
      }
      data.students.push(...students);
      studentsOf.set(cls.id, students);
    }
  });

  // Assignments: each class from its enrolment (or the program's start) to its graduation, handed
  // over 0–2 times (调整, 离职, 长期请假); cadres move on to new classes after a graduation.
  const free = (s: CadreState, from: number, to: number) =>
    (s.goneFrom === null || to < s.goneFrom) && s.busy.every(([a, b]) => to < a || b < from);
  const chooseCadre = (collegeId: string, from: number, to: number): CadreState => {
    const pool = rand() < 0.08 ? (poolByCollege.get(null) ?? []) : (poolByCollege.get(collegeId) ?? []);
    for (let attempt = 0; attempt < 40 && pool.length > 0; attempt++) {
      const s = pick(pool);
      if (free(s, from, to)) return s;
    }
    const any = states.find((s) => free(s, from, to));
    if (!any) throw new Error('干部不足：无法为所有班级分配联系干部');
    return any;
  };
  const start0 = dayOf(programStart(scale));
  // Classes in order of enrolment, so departures are decided before later periods are handed out.
  for (const cls of data.classes) {
    const first = Math.max(dayOf(`${cls.enrollYear}-09-01`), start0);
    const graduation = dayOf(cls.graduationDate!);
    const lastHandover = Math.min(graduation, today) - 30;
    const changes: number[] = [];
    const wanted = rand() < 0.55 ? 0 : rand() < 0.75 ? 1 : 2;
    for (let c = 0; c < wanted; c++) {
      if (lastHandover - first < 60) break;
      const d = int(first + 30, lastHandover);
      if (changes.every((x) => Math.abs(x - d) > 30)) changes.push(d);
    }
    changes.sort((a, b) => a - b);
    const starts = [first, ...changes];
    starts.forEach((start, k) => {
      const next = starts[k + 1];
      const end = next === undefined ? graduation : next - 1;
      const state = chooseCadre(cls.collegeId, start, end);
      let endReason: EndReason | null = null;
      if (next !== undefined) {
        const r = rand();
        endReason = r < 0.55 ? '调整' : r < 0.8 ? '离职' : '长期请假';
        // Someone who leaves must not hold a later period already.
        if (endReason !== '调整' && state.busy.some(([a]) => a > end)) endReason = '调整';
      } else if (graduation <= today) endReason = '班级毕业';
      state.busy.push([start, end]);
      if (endReason === '离职' || endReason === '长期请假') {
        state.goneFrom = end + 1;
        state.cadre.status = endReason;
      }
      data.assignments.push({
        id: newId('asg'),
        cadreId: state.cadre.id,
        classId: cls.id,
        dormIds: (ownDorms.get(cls.id) ?? []).map((d) => d.id),
        studentIds: (studentsOf.get(cls.id) ?? []).map((s) => s.id),
        start: isoOf(start),
        end: endReason === null ? null : isoOf(end),
        endReason,
      } satisfies Assignment);
    });
  }

  // Contacts: per assignment and term, up to today; diligent cadres visit dorms and talk to every
  // 困难生 a few times a month, patchy and lazy ones skip windows (and so are overdue).
  const stateById = new Map(states.map((s) => [s.cadre.id, s]));
  const classById = new Map(data.classes.map((c) => [c.id, c]));
  const drafts: Array<Omit<Contact, 'id'>> = [];
  const secretaries = data.colleges.map((_, i) => `mishu${String(i + 1).padStart(2, '0')}`);
  const add = (
    cadreId: string,
    duty: Contact['duty'],
    targetId: string,
    from: number,
    to: number,
    enteredBy: string,
  ) => {
    const day = int(from, to);
    const entered = Math.min(day + int(0, 3), today);
    drafts.push({
      cadreId,
      duty,
      targetId,
      date: isoOf(day),
      form: pick(FORMS[duty]),
      note: pick(NOTES[duty]),
      enteredAt: `${isoOf(entered)}T${String(int(0, 9)).padStart(2, '0')}:${String(int(10, 59))}:${String(int(10, 59))}.000Z`,
      enteredBy,
    });
  };
  for (const a of data.assignments) {
    const cls = classById.get(a.classId)!;
    const state = stateById.get(a.cadreId)!;
    const eachDorm = data.settings.rules.colleges[cls.collegeId]?.dormScope === 'each';
    const classPerTerm = data.settings.rules.colleges[cls.collegeId]?.classPerTerm ?? 1;
    const enteredBy = secretaries[data.colleges.findIndex((c) => c.id === cls.collegeId)] ?? 'zzb';
    const activeEnd = minIso(a.end ?? cls.graduationDate!, cls.graduationDate!);
    for (const term of data.settings.terms) {
      const from = dayOf(maxIso(a.start, term.start));
      const to = Math.min(dayOf(minIso(activeEnd, term.end)), today);
      if (from > to) continue;
      if (rand() >= state.miss)
        for (let n = int(classPerTerm, classPerTerm + 3); n > 0; n--)
          add(a.cadreId, 'class', a.classId, from, to, enteredBy);
      for (const [ms, me] of months(from, to)) {
        const skipMonth = rand() < state.miss;
        if (a.dormIds.length > 0 && !skipMonth) {
          if (eachDorm)
            for (const d of a.dormIds) for (let n = int(1, 2); n > 0; n--) add(a.cadreId, 'dorm', d, ms, me, enteredBy);
          else for (let n = int(8, 18); n > 0; n--) add(a.cadreId, 'dorm', pick(a.dormIds), ms, me, enteredBy);
        }
        for (const s of a.studentIds) {
          if (skipMonth || rand() < state.miss / 2) continue;
          for (let n = int(1, 5); n > 0; n--) add(a.cadreId, 'student', s, ms, me, enteredBy);
        }
      }
    }
  }
  // In the order they were entered, as a real datastore grows.
  drafts.sort((x, y) => (x.enteredAt < y.enteredAt ? -1 : x.enteredAt > y.enteredAt ? 1 : 0));
  data.contacts = drafts.map((d) => ({ id: newId('ct'), ...d }));
  return data;
}

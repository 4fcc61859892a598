// A school built to stress the printed forms: 72 cadres in two colleges, long names in Chinese and Latin
// letters, class names of about 30 characters, office phones such as 0579-85552039, mixed dorms shared by
// classes of the two colleges with notes of two lines,, two cadres named 王伟, a successor after a 离职,
// a cadre with 12 dorms and 6 困难生, and cadres in each of the report's three states.
import { assign, reassign } from '../source/domain/assignments.js';
import { logContact } from '../source/domain/contacts.js';
import { buildIndexes } from '../source/domain/indexes.js';
import { emptyDatastore, type Cadre, type Datastore, type Dorm, type Student } from '../source/domain/schema.js';
import { AUTUMN, testContext } from './helpers/fixtures.js';

/** Mid-January: the January windows are still open (进行中). */
export const PRINT_AS_OF = '2027-01-12';
export const PRINT_CADRES = 72;
export const MIXED_NOTE = '男生住 1–3 床（智能制造）\n女生住 4–6 床（大数据与会计）';
export const OFFICE_PHONE = '0579-85552039';
/** The cadre of 12 dorms and 6 困难生 (index 0), the namesakes (3 and 4), the predecessor who left and the successor. */
export const BIG = 0;
/** A cadre of 24 dorms: a form of two pages. */
export const OVERFLOW = 2;
export const NAMESAKES = [3, 4];
export const PREDECESSOR = 7;
export const SUCCESSOR = 11;
export const SUCCESSION_DATE = '2026-11-16';

const NAMES = [
  '欧阳娜娜',
  '司马相如',
  'Zhang San',
  '王伟',
  '王伟',
  "'O'Neil'",
  'Alexander Maximilian Schmidt-Wolfgang',
  '陈静',
  '阿卜杜热合曼·买买提明',
  '诸葛孔明',
  'Li',
  '上官婉儿',
  'WANG Xiaoming Jonathan',
];
const CLASS_BASES = ['智能制造工程技术专业现代学徒制（中德合作办学）', '大数据与会计专业现代学徒制（注册会计师方向）'];

/** A class name of about 30 characters. */
const className = (i: number) => `${CLASS_BASES[i % 2]!}2024级${i + 1}班`;

export function printSchool(): Datastore {
  const data = emptyDatastore('浙江省义乌工商职业技术学院（义乌市创业学院）', [AUTUMN]);
  data.colleges.push(
    { id: 'col_a', name: '智能制造与信息工程学院（中德合作办学）' },
    { id: 'col_b', name: '经济管理学院' },
  );
  const dormsOf = new Map<number, Dorm[]>();
  const studentsOf = new Map<number, Student[]>();
  for (let i = 0; i < PRINT_CADRES; i++) {
    const collegeId = i % 2 === 0 ? 'col_a' : 'col_b';
    const cls = `c${i}`;
    data.classes.push({
      id: cls,
      collegeId,
      name: className(i),
      enrollYear: 2024,
      graduationDate: null,
      headTeacher: i % 2 ? '欧阳建国' : 'Elizabeth Montgomery',
      headTeacherPhone: `13800001111 / ${OFFICE_PHONE}`,
      counselor: '司马晓峰',
      counselorPhone: OFFICE_PHONE,
    });
    const count = i === BIG ? 12 : i === OVERFLOW ? 24 : 3;
    // The big cadre's dorms and 困难生 as a school has them (short building names, one category): the form fits one page.
    const dorms = Array.from({ length: count }, (_, n): Dorm => ({
      // Numbers out of order, as typed: the forms sort them.
      id: `d${i}_${n}`,
      building: i === BIG ? '9号楼' : `${(i % 9) + 1}号学生公寓（北区）`,
      number: `${i + 1}${String((n * 7) % count).padStart(2, '0')}`,
      classIds: [cls],
      leader: n === 0 && i !== BIG ? 'Christopher Alexander' : '慕容复',
      size: 6,
      note: '',
    }));
    // Each even class shares its last dorm with the next class, of the other college.
    if (i % 2 === 0) {
      dorms[count - 1]!.classIds.push(`c${i + 1}`);
      dorms[count - 1]!.note = MIXED_NOTE;
    }
    data.dorms.push(...dorms);
    dormsOf.set(i, dorms);
    const students = Array.from({ length: i === BIG ? 6 : 2 }, (_, n): Student => ({
      id: `s${i}_${n}`,
      studentNo: `2024${String(i).padStart(4, '0')}${n}`,
      name: i === BIG ? `李小${'一二三四五六'[n]}` : n % 2 ? 'Maximilian Li' : '阿依古丽·买买提',
      classId: cls,
      dormId: dorms[n % count]!.id,
      categories: n % 2 || i === BIG ? ['经济困难'] : ['学业困难', '经济困难', '心理困惑'],
      contact: n % 2 || i === BIG ? OFFICE_PHONE : '13800001111（母亲）',
    }));
    data.students.push(...students);
    studentsOf.set(i, students);
    const cadre: Cadre = {
      id: `k${i}`,
      employeeNo: `T${String(i).padStart(3, '0')}`,
      name: i < NAMES.length ? NAMES[i]! : `${NAMES[i % 3]!}${i}`,
      collegeId,
      department: '党委组织部（党校、统战部、机关党委）',
      title: '党委副书记、纪委书记兼工会主席',
      politicalStatus: '中共党员',
      shortPhone: '669999',
      officePhone: OFFICE_PHONE,
      category: '科职以上干部',
      status: '在岗',
    };
    data.cadres.push(cadre);
  }
  const ctx = testContext(PRINT_AS_OF);
  // One cadre in six without an assignment (附件1 all the same); the mixed dorm goes with the even class's cadre.
  data.cadres.forEach((c, i) => {
    if (i % 6 === 5) return;
    const dormIds = dormsOf
      .get(i)!
      .filter((d) => d.classIds[0] === `c${i}`)
      .map((d) => d.id);
    assign(
      data,
      {
        cadreId: c.id,
        classId: `c${i}`,
        dormIds,
        studentIds: studentsOf.get(i)!.map((s) => s.id),
        start: '2026-09-01',
      },
      ctx,
    );
  });
  reassign(
    data,
    { classId: `c${PREDECESSOR}`, toCadreId: `k${SUCCESSOR}`, date: SUCCESSION_DATE, reason: '离职' },
    ctx,
  );
  // Contacts: every third cadre met every window (已完成), the next all but January's, still open (进行中), the
  // next one class and one dorm contact (未完成).
  const idx = buildIndexes(data);
  const months = ['2026-09-15', '2026-10-15', '2026-11-20', '2026-12-15', '2027-01-05'];
  data.assignments.forEach((a) => {
    const i = Number(a.cadreId.slice(1));
    if (a.end !== null || i === SUCCESSOR) return;
    const log = (duty: 'class' | 'dorm' | 'student', targetId: string, date: string) =>
      logContact(data, { cadreId: a.cadreId, duty, targetId, date }, ctx, idx);
    log('class', a.classId, '2026-10-12');
    const done = i % 3 === 0 ? months : i % 3 === 1 ? months.slice(0, 4) : months.slice(1, 2);
    for (const date of done) {
      log('dorm', a.dormIds[0]!, date);
      if (i % 3 !== 2) for (const s of a.studentIds) log('student', s, date);
    }
  });
  return data;
}

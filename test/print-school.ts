// A school built to stress the printed forms: long names in Chinese and Latin letters, long class names,
// two 困难生 and three dorms (one of them mixed, with a long note) per cadre, and enough cadres for
// several pages of 附件2 and of the report.
import { assign } from '../source/domain/assignments.js';
import { logContact } from '../source/domain/contacts.js';
import { buildIndexes } from '../source/domain/indexes.js';
import { emptyDatastore, type Cadre, type Datastore } from '../source/domain/schema.js';
import { AUTUMN, testContext } from './helpers/fixtures.js';

export const PRINT_AS_OF = '2027-01-21';
export const PRINT_CADRES = 36;
export const LONG_NOTE = '混合寝室（智能制造工程241班、工业机器人技术252班、物流管理253班）';

const NAMES = [
  '欧阳娜娜', 'Alexander Maximilian Schmidt-Wolfgang', 'Zhang San', 'ZHANG SAN', "'O'Neil'", 'History',
  '司马相如', '阿卜杜热合曼·买买提明', '诸葛孔明', 'Li', '上官婉儿', 'WANG Xiaoming Jonathan',
];

export function printSchool(): Datastore {
  const data = emptyDatastore('浙江省义乌工商职业技术学院（义乌市创业学院）', [AUTUMN]);
  data.colleges.push({ id: 'col_a', name: '智能制造与信息工程学院（中德合作办学）' }, { id: 'col_b', name: '经济管理学院' });
  for (let i = 0; i < PRINT_CADRES; i++) {
    const collegeId = i % 3 === 0 ? 'col_b' : 'col_a';
    const cls = `c${i}`;
    data.classes.push({
      id: cls, collegeId, name: `智能制造工程技术（中外合作办学）2024级${i + 1}班`, enrollYear: 2024, graduationDate: null,
      headTeacher: i % 2 ? '欧阳建国' : 'Elizabeth Montgomery', headTeacherPhone: '13800001111 / 0579-85200000',
      counselor: '司马晓峰', counselorPhone: '661234',
    });
    const dorms = ['a', 'b', 'c'].map((k, n) => ({
      id: `d${i}${k}`, building: `${(i % 9) + 1}号学生公寓（北区）`, number: `${i + 1}0${n + 1}`, classIds: [cls],
      leader: n === 0 ? 'Christopher Alexander' : '慕容复', size: 6, note: n === 2 ? LONG_NOTE : '',
    }));
    data.dorms.push(...dorms);
    data.students.push(
      { id: `s${i}a`, studentNo: `2024${String(i).padStart(4, '0')}1`, name: '阿依古丽·买买提', classId: cls, dormId: `d${i}a`, categories: ['学业困难', '经济困难', '心理困惑'], contact: '13800001111（母亲）' },
      { id: `s${i}b`, studentNo: `2024${String(i).padStart(4, '0')}2`, name: 'Maximilian Li', classId: cls, dormId: `d${i}c`, categories: ['经济困难'], contact: '0579-85200000' },
    );
    const cadre: Cadre = {
      id: `k${i}`, employeeNo: `T${String(i).padStart(3, '0')}`, name: i < NAMES.length ? NAMES[i]! : `${NAMES[i % 4]!}${i}`, collegeId,
      department: '党委组织部（党校、统战部、机关党委）', title: '党委副书记、纪委书记兼工会主席', politicalStatus: '中共党员',
      shortPhone: '669999', officePhone: '0579-85200000', category: '科职以上干部', status: '在岗',
    };
    data.cadres.push(cadre);
  }
  const ctx = testContext('2026-12-31');
  // One cadre in six without an assignment (附件1 all the same).
  data.cadres.forEach((c, i) => {
    if (i % 6 === 5) return;
    assign(data, { cadreId: c.id, classId: `c${i}`, dormIds: [`d${i}a`, `d${i}c`], studentIds: [`s${i}a`, `s${i}b`], start: '2026-09-01' }, ctx);
  });
  const idx = buildIndexes(data);
  data.cadres.forEach((c, i) => {
    if (i % 6 === 5 || i % 2 === 1) return;
    logContact(data, { cadreId: c.id, duty: 'class', targetId: `c${i}`, date: '2026-10-12' }, ctx, idx);
    logContact(data, { cadreId: c.id, duty: 'dorm', targetId: `d${i}a`, date: '2026-11-12' }, ctx, idx);
  });
  return data;
}

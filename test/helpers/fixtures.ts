// A small school built in code for the rule tests: one college, classes with dorms, students, cadres.
import { sequentialIds, type ChangeContext } from '../../source/domain/context.js';
import { emptyDatastore, type Datastore, type Term } from '../../source/domain/schema.js';

export const AUTUMN: Term = { name: '2026-2027学年第一学期', start: '2026-09-01', end: '2027-01-20' };
export const SPRING: Term = { name: '2026-2027学年第二学期', start: '2027-01-25', end: '2027-07-02' };

export function testContext(today = '2026-12-31'): ChangeContext {
  return { today, now: `${today}T10:00:00+08:00`, user: 'test', newId: sequentialIds() };
}

/** Colleges 经管 and 机电; classes 会计1班 (dorms 1-101, 1-102, student S1) and 软件1班 (dorm 2-201, student S2);
 *  cadres 张三, 李四, 王五 in 经管. */
export function smallSchool(terms: Term[] = [AUTUMN, SPRING]): Datastore {
  const data = emptyDatastore('测试职业技术学院', terms);
  data.colleges.push({ id: 'col_jg', name: '经济管理学院' }, { id: 'col_jd', name: '机电信息学院' });
  const cls = (id: string, collegeId: string, name: string, graduationDate: string | null = null) => ({
    id,
    collegeId,
    name,
    enrollYear: 2025,
    graduationDate,
    headTeacher: '班主任',
    headTeacherPhone: '661234',
    counselor: '辅导员',
    counselorPhone: '665678',
  });
  data.classes.push(
    cls('cls_kj', 'col_jg', '会计1班'),
    cls('cls_rj', 'col_jd', '软件1班'),
    cls('cls_old', 'col_jg', '物流23班', '2026-10-15'),
  );
  const dorm = (id: string, building: string, number: string, classIds: string[]) => ({
    id,
    building,
    number,
    classIds,
    leader: '寝室长',
    size: 4,
    note: '',
  });
  data.dorms.push(
    dorm('d_101', '1号楼', '101', ['cls_kj']),
    dorm('d_102', '1号楼', '102', ['cls_kj']),
    dorm('d_201', '2号楼', '201', ['cls_rj']),
    dorm('d_301', '3号楼', '301', ['cls_old']),
  );
  const student = (id: string, studentNo: string, name: string, classId: string) => ({
    id,
    studentNo,
    name,
    classId,
    dormId: null,
    categories: ['经济困难' as const],
    contact: '',
  });
  data.students.push(student('s_1', '2025001', '小明', 'cls_kj'), student('s_2', '2025002', '小红', 'cls_rj'));
  const cadre = (id: string, name: string, employeeNo: string) => ({
    id,
    employeeNo,
    name,
    collegeId: 'col_jg',
    department: '教务处',
    title: '科长',
    politicalStatus: '中共党员',
    shortPhone: '660001',
    officePhone: '',
    category: '科职以上干部' as const,
    status: '在岗' as const,
  });
  data.cadres.push(cadre('c_zs', '张三', 'T001'), cadre('c_ls', '李四', 'T002'), cadre('c_ww', '王五', 'T003'));
  return data;
}

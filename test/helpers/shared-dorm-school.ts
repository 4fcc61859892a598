// Two colleges sharing a dorm, for the scope tests (issue 21): smallSchool with 2号楼-201 a 混合寝室 of
// 软件1班 (机电信息学院) and 会计1班 (经济管理学院), 2号楼-202 机电's alone with 小明 (经管) living there;
// 张三 (经管) holds 会计1班, 周七 (机电) is 机电's cadre; 王芳 (wang) is 经管's secretary, 张老师 (zhang) the school's.
import type { Datastore, User } from '../../source/domain/schema.js';
import { assign } from '../../source/domain/assignments.js';
import { AUTUMN, smallSchool, testContext } from './fixtures.js';

export const WANG: User = {
  id: 'u_wang',
  login: 'wang',
  name: '王芳',
  role: 'college',
  collegeIds: ['col_jg'],
  keys: [],
};
const ZHANG: User = { id: 'u_zhang', login: 'zhang', name: '张老师', role: 'school', collegeIds: [], keys: [] };

export function sharedDormSchool(): Datastore {
  const data = smallSchool([AUTUMN]);
  data.dorms.find((d) => d.id === 'd_201')!.classIds = ['cls_rj', 'cls_kj'];
  data.dorms.push({
    id: 'd_202',
    building: '2号楼',
    number: '202',
    classIds: ['cls_rj'],
    leader: '',
    size: 4,
    note: '',
  });
  data.students.find((s) => s.id === 's_1')!.dormId = 'd_202';
  data.cadres.push({ ...data.cadres[0]!, id: 'c_zq', name: '周七', employeeNo: 'T009', collegeId: 'col_jd' });
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: [], start: '2026-09-01' }, testContext('2026-09-01'));
  data.users.push(WANG, ZHANG);
  return data;
}

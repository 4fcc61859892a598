// Finding what a secretary typed: a cadre by 工号 or name (namesakes refused with their 工号), a class,
// a dorm as 楼-号, a student by 学号, a duty by its Chinese name; each miss says how to fix it.
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../source/domain/indexes.js';
import {
  findCadre,
  findClass,
  findCollege,
  findDorm,
  findStudent,
  findTarget,
  parseDutyLabel,
} from '../../source/domain/lookup.js';
import { smallSchool } from '../helpers/fixtures.js';

function school() {
  const data = smallSchool();
  data.cadres.push(
    { ...data.cadres[0]!, id: 'c_zs2', employeeNo: 'T099', name: '张三' },
    { ...data.cadres[0]!, id: 'c_nono', employeeNo: null, name: '赵六' },
  );
  return buildIndexes(data);
}

describe('lookup', () => {
  it('a cadre by 工号 first, then by a name only one cadre has; a shared name names both 工号', () => {
    const idx = school();
    expect(findCadre(idx, ' T001 ').id).toBe('c_zs');
    expect(findCadre(idx, '李四').id).toBe('c_ls');
    expect(findCadre(idx, '赵六').id).toBe('c_nono');
    expect(() => findCadre(idx, '张三')).toThrow('有 2 位干部名为“张三”（工号 T001、T099）：请改用工号指定');
    expect(() => findCadre(idx, '钱七')).toThrow('找不到干部“钱七”：请检查姓名或工号');
  });

  it('a class by name (a parenthesis of the other width is suggested), a college, a dorm as 楼-号, a student by 学号', () => {
    const data = smallSchool();
    data.classes.push({ ...data.classes[0]!, id: 'cls_gm', name: '国贸241（1）班' });
    const idx = buildIndexes(data);
    expect(findClass(idx, '会计1班 ').id).toBe('cls_kj');
    expect(() => findClass(idx, '国贸241(1)班')).toThrow('找不到班级“国贸241(1)班”：是否指“国贸241（1）班”？');
    expect(() => findClass(idx, '会计9班')).toThrow('请检查班级名称');
    expect(findCollege(idx, '机电信息学院').id).toBe('col_jd');
    expect(() => findCollege(idx, '外语学院')).toThrow('已有的学院有 经济管理学院、机电信息学院');
    expect(findDorm(idx, '1号楼-102').id).toBe('d_102');
    expect(() => findDorm(idx, '1号楼102')).toThrow('请按“寝室楼-寝室号”书写');
    expect(findStudent(idx, '2025002').id).toBe('s_2');
    expect(() => findStudent(idx, '2025009')).toThrow('找不到学号为“2025009”的困难生');
  });

  it('a duty target as the duty names it, and the duty from 班级, 寝室 or 困难生', () => {
    const idx = school();
    expect([
      findTarget(idx, 'class', '软件1班'),
      findTarget(idx, 'dorm', '2号楼-201'),
      findTarget(idx, 'student', '2025001'),
    ]).toEqual(['cls_rj', 'd_201', 's_1']);
    expect(() => findTarget(idx, 'dorm', '软件1班')).toThrow('找不到寝室');
    expect(['班级', ' 寝室 ', '困难生'].map(parseDutyLabel)).toEqual(['class', 'dorm', 'student']);
    expect(() => parseDutyLabel('食堂')).toThrow('类型“食堂”无效：应为 班级、寝室 或 困难生');
  });
});

// 首页 fits its terminal however many 二级学院 there are: an import that added colleges made it taller
// than 24 rows, and ink then scrolled the frame, leaving the title line drawn over itself until a
// resize. The colleges that do not fit are counted on one line; the latest contacts give way first.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { KEY, school, startApp, type Size } from '../helpers/ui-harness.js';

const NAMES = [
  '建筑工程学院',
  '艺术设计学院',
  '人文旅游学院',
  '创意设计学院',
  '数字经济学院',
  '智能制造学院',
  '海洋学院',
  '体育学院',
  '医学院',
  '师范学院',
  '马克思主义学院',
  '国际教育学院',
  '继续教育学院',
  '信息工程学院',
];

function manyColleges() {
  const data = school();
  NAMES.forEach((name, i) => {
    data.colleges.push({ id: `col_x${i}`, name });
    data.classes.push({ ...data.classes[0]!, id: `cls_x${i}`, collegeId: `col_x${i}`, name: `新班${i}` });
  });
  return data;
}

describe.concurrent('首页 with many colleges', () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 60, rows: 20 },
  ] satisfies Size[]) {
    it(`fits ${size.columns}×${size.rows}, with a message too, and counts the colleges left out`, async () => {
      const ui = await startApp(manyColleges(), { size });
      const check = () => {
        const lines = ui.frame().split('\n');
        expect(lines.length, ui.frame()).toBeLessThanOrEqual(size.rows);
        expect(lines.filter((l) => stringWidth(l) > size.columns)).toEqual([]);
        expect(lines[0]).toContain('三联系');
        expect(ui.frame()).toMatch(/……另有 \d+ 个学院（逾期 \d+、待完成 \d+）：按 2 看逾期$/m);
        expect(ui.frame()).toContain('经济管理学院');
        expect(ui.frame()).toContain('1 记录联系');
      };
      check();
      // u, then n: 已取消撤销 on the message line, one line more.
      await ui.press('u');
      await ui.until('撤销最近一次修改');
      await ui.press('n');
      await ui.until('已取消撤销');
      check();
      await ui.press(KEY.esc);
      ui.unmount();
    });
  }
});

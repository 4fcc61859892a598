// The cadre and class details show what fits and keep the rest in reach: j/k (↓/↑) scroll the duty
// grid a row, PgDn/PgUp the contacts a page, keys sent one by one or together in one read; the
// frame fits 80×24 and 60×20 while scrolled.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import type { Datastore } from '../../source/domain/schema.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';
import { KEY, startApp, type Size } from '../helpers/ui-harness.js';

/** 张三 holds 会计1班 with 20 困难生 (22 grid rows) and talked with 12 of them, 2026-10-01 to 10-12. */
function busyCadre(): Datastore {
  const data = smallSchool([AUTUMN]);
  const first = data.students.find((st) => st.classId === 'cls_kj')!;
  for (let i = 0; i < 19; i++)
    data.students.push({ ...first, id: `s_x${i}`, studentNo: `20259${String(i).padStart(2, '0')}`, name: `学生${i}` });
  const ids = data.students.filter((st) => st.classId === 'cls_kj').map((st) => st.id);
  const ctx = testContext('2026-11-25');
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ids, start: '2026-09-01' }, ctx);
  for (let i = 0; i < 12; i++) {
    logContact(
      data,
      {
        cadreId: 'c_zs',
        duty: 'student',
        targetId: `s_x${i}`,
        date: `2026-10-${String(i + 1).padStart(2, '0')}`,
        note: `谈话${i + 1}`,
      },
      ctx,
    );
  }
  return data;
}

function fits(frame: string, size: Size): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(size.rows);
  expect(lines.filter((l) => stringWidth(l) > size.columns)).toEqual([]);
}

describe.concurrent('scrolling a detail pane', () => {
  it('干部 and 班级 at 80×24: j/k scroll the grid, PgDn/PgUp page the contacts, in bursts too', async () => {
    const size = { columns: 80, rows: 24 };
    const ui = await startApp(busyCadre(), { size });
    await ui.press('3', '/', 'z', 's');
    await ui.until('干部（1/3）');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('本学期职责');
    // 22 rows (class, dorms, 20 students), 5 fit; 12 contacts, 4 fit, newest first.
    expect(ui.frame()).toMatch(/……第 1–5\/22 项（未显示的逾期 \d+ 项）j\/k 滚动职责/);
    expect(ui.frame()).toMatch(/^ 班级\s*│\s*会计1班/m);
    expect(ui.frame()).toContain('联系记录（共 12 条，第 1–4 条） PgDn/PgUp 翻页记录');
    expect(ui.frame()).toContain('2026-10-12');
    expect(ui.frame()).not.toContain('2026-10-08');
    // The status bar offers the scrolling keys first (ranked with the others, dropped from the end).
    expect(ui.frame().split('\n').at(-1)).toMatch(
      /^j\/k 滚动职责 {2}PgDn\/PgUp 翻页记录 {2}e 编辑 .*Esc 返回 {2}\? 帮助 {2}q 退出$/,
    );
    fits(ui.frame(), size);

    // Four j in one read move four rows; ↓ one more; k one back.
    await ui.burst('j', 'j', 'j', 'j');
    await ui.until('……第 5–9/22 项');
    expect(ui.frame()).not.toMatch(/^ 班级\s*│\s*会计1班/m);
    await ui.press(KEY.down);
    await ui.until('……第 6–10/22 项');
    await ui.press('k');
    await ui.until('……第 5–9/22 项');
    // The end of the grid: the last student shows and j goes no further.
    await ui.burst(...Array<string>(30).fill('j'));
    await ui.until('……第 18–22/22 项');
    expect(ui.frame()).toMatch(/2025918 学生18/);
    fits(ui.frame(), size);

    // Contacts: a page down shows the next four; two PgDn in one read reach the oldest; PgUp back.
    await ui.press(KEY.pageDown);
    await ui.until('第 5–8 条');
    expect(ui.frame()).toContain('2026-10-08');
    expect(ui.frame()).not.toContain('2026-10-12');
    await ui.burst(KEY.pageDown, KEY.pageDown);
    await ui.until('第 9–12 条');
    expect(ui.frame()).toContain('2026-10-01');
    await ui.press(KEY.pageUp);
    await ui.until('第 5–8 条');
    fits(ui.frame(), size);

    // The class: its contacts page the same way.
    await ui.press(KEY.esc, KEY.esc, KEY.esc);
    await ui.until('最新联系');
    await ui.press('4', '/', 'k', 'j');
    await ui.until('班级（1/3）');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('本班寝室');
    expect(ui.frame()).toMatch(/联系记录（共 12 条，第 1–\d 条）/);
    await ui.press(KEY.pageDown);
    await ui.until(/联系记录（共 12 条，第 \d–\d+ 条）/);
    expect(ui.frame()).not.toContain('2026-10-12');
    await ui.burst('j', 'j');
    await ui.until(/……第 3–\d+\/22 项/);
    fits(ui.frame(), size);
    ui.unmount();
  });

  it('干部 at 60×20: the same keys, the frame fits while scrolled', async () => {
    const size = { columns: 60, rows: 20 };
    const ui = await startApp(busyCadre(), { size });
    await ui.press('3', '/', 'z', 's');
    await ui.until('干部（1/3）');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('本学期职责');
    expect(ui.frame()).toMatch(/……第 1–2\/22 项（未显示的逾期 \d+ 项）j\/k 滚动职责/);
    expect(ui.frame()).toContain('联系记录（共 12 条，第 1–3 条）');
    fits(ui.frame(), size);
    await ui.burst('j', 'j', 'j');
    await ui.until('……第 4–5/22 项');
    await ui.burst(KEY.pageDown, KEY.pageDown);
    await ui.until('第 7–9 条');
    expect(ui.frame()).toContain('2026-10-06');
    fits(ui.frame(), size);
    ui.unmount();
  });

  it('班级 at 60×20 with successors scheduled ahead and a message: every line counted, the frame fits', async () => {
    const size = { columns: 60, rows: 20 };
    const data = busyCadre();
    // 张三 hands 会计1班 to 王五 from 2027-01-01, who hands it to 李四 from 2027-02-01: one 已安排 line for both.
    Object.assign(data.assignments[0]!, { end: '2026-12-31', endReason: '调整' });
    data.assignments.push(
      {
        ...data.assignments[0]!,
        id: 'as_next',
        cadreId: 'c_ww',
        studentIds: [],
        start: '2027-01-01',
        end: '2027-01-31',
        endReason: '调整',
      },
      {
        ...data.assignments[0]!,
        id: 'as_then',
        cadreId: 'c_ls',
        studentIds: [],
        start: '2027-02-01',
        end: null,
        endReason: null,
      },
    );
    const ui = await startApp(data, { size });
    await ui.press('4', '/', 'k', 'j');
    await ui.until('班级（1/3）');
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('已安排：王五 自 2027-01-01 起 至 2027-01-31；李四');
    fits(ui.frame(), size);
    // With a message on its line too (u, then n: 已取消撤销).
    await ui.press('u');
    await ui.until('撤销最近一次修改');
    await ui.press('n');
    await ui.until('已取消撤销');
    fits(ui.frame(), size);
    await ui.burst(KEY.pageDown, 'j');
    await ui.until(/……第 2–\d+\/22 项/);
    fits(ui.frame(), size);
    ui.unmount();
  });
});

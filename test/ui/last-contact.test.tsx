// 最近联系: when each cadre last made a contact and each class, dorm and 困难生 last had one, in the
// lists, and o to sort by it with the longest-uncontacted first.
import { describe, expect, it } from 'vitest';
import { render } from 'ink-testing-library';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from '../../source/ui/app.js';
import { wholeSchool } from '../helpers/stores.js';
import { KEY, TODAY, openScreen, school, untilFrame } from '../helpers/ui-harness.js';
import { testContext } from '../helpers/fixtures.js';

const rowOf = (frame: string, text: string) => frame.split('\n').find((l) => l.includes(text)) ?? '';
const order = (frame: string, names: string[]) =>
  names.map((n) => frame.indexOf(n)).every((at, i, all) => at >= 0 && (i === 0 || at > all[i - 1]!));

describe.concurrent('最近联系', () => {
  it('干部: the date of the latest contact or 从未; o sorts the longest without a contact first, o again restores', async () => {
    const ui = await openScreen('3', '干部（3/3）');
    expect(ui.frame()).toMatch(/姓名.*最近联系/);
    expect(rowOf(ui.frame(), '李四')).toContain('2026-11-20');
    expect(rowOf(ui.frame(), '张三')).toContain('从未');
    expect(order(ui.frame(), ['张三', '李四', '王五'])).toBe(true);
    await ui.press('o');
    await ui.until('按最近联系，最久未联系在前');
    expect(order(ui.frame(), ['张三', '王五', '李四'])).toBe(true);
    await ui.press('o');
    await ui.until((f) => !f.includes('按最近联系，最久未联系在前'));
    expect(order(ui.frame(), ['张三', '李四', '王五'])).toBe(true);
  });

  it('班级, 寝室 and 困难生 show it too', async () => {
    const ui = await openScreen('4', '班级（3/3）');
    expect(rowOf(ui.frame(), '软件1班')).toContain('2026-11-20');
    expect(rowOf(ui.frame(), '会计1班')).toContain('从未');
    await ui.press('o');
    await ui.until('按最近联系');
    expect(order(ui.frame(), ['会计1班', '物流23班', '软件1班'])).toBe(true);
    await ui.press(KEY.esc);
    await ui.until('最新联系');
    await ui.press('5');
    await ui.until('寝室（4/4）');
    expect(rowOf(ui.frame(), '1号楼-101')).toContain('从未');
    await ui.press(KEY.esc);
    await ui.until('最新联系');
    await ui.press('6');
    await ui.until('困难生（2/2）');
    expect(ui.frame()).toMatch(/最近联系/);
    expect(rowOf(ui.frame(), '小明')).toContain('从未');
  });

  it('when older contacts stay on disk (the TUI reads the term’s), a record without one this term says 本学期无, not 从未', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'slx-last-')), 'data.json');
    const store = wholeSchool(file);
    await store.create(school());
    const app = render(
      <App
        store={store}
        initialData={await store.load()}
        today={TODAY}
        context={() => testContext(TODAY)}
        contactsComplete={false}
      />,
    );
    const frame = () => app.lastFrame() ?? '';
    await untilFrame(frame, '最新联系');
    app.stdin.write('3');
    await untilFrame(frame, '干部（3/3）');
    expect(rowOf(app.lastFrame() ?? '', '张三')).toContain('本学期无');
    app.unmount();
    expect(await store.firstContactMonth()).toBe('2026-11');
  });
});

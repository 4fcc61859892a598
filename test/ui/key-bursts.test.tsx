// Keys that arrive together (over SSH, a held key, a paste) each take effect, in order: the whole
// burst is written in one stdin.write, as one read of the terminal delivers it.
import { describe, expect, it } from 'vitest';
import { KEY, openScreen, startApp } from '../helpers/ui-harness.js';

describe.concurrent('keys arriving in one read', () => {
  it('jjjj moves four rows, Down×3 three, kk back two, in a list', async () => {
    const ui = await openScreen('4', '班级（3/3）');
    await ui.burst('jj');
    await ui.until('第 3/3 行');
    await ui.burst('kk');
    await ui.until('第 1/3 行');
    await ui.burst(KEY.down, KEY.down, KEY.down);
    await ui.until('第 3/3 行');
    const cadres = await openScreen('3', '干部（3/3）');
    await cadres.burst('jjjj');
    await cadres.until('第 3/3 行');
  });

  it('a number key and the keys after it reach the screen it opens', async () => {
    const ui = await startApp();
    await ui.burst('4', 'j', 'j', KEY.enter);
    await ui.until('物流23班 · 经济管理学院');
  });

  it('Tab×3 moves three fields; Backspace×4 deletes four characters; typed text and Enter in one read', async () => {
    const ui = await openScreen('1', '记录联系');
    await ui.burst(KEY.tab, KEY.tab, KEY.tab);
    await ui.until(/> 日期/);
    await ui.burst('11-201234');
    await ui.until('11-201234');
    await ui.burst(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
    await ui.until((f) => f.includes('11-20') && !f.includes('11-201'));
    await ui.burst(KEY.shiftTab, KEY.shiftTab, KEY.shiftTab, ...'T002', KEY.enter);
    await ui.until(/> 类型/);
    expect(ui.frame()).toContain('李四');
  });

  it('/ search typed in one read filters, Enter ends it; Esc then returns home', async () => {
    const ui = await openScreen('6', '困难生（2/2）');
    await ui.burst('/', ...'xh', KEY.enter, KEY.enter);
    await ui.until('2025002 小红 · 软件1班');
    await ui.burst(KEY.esc, KEY.esc, KEY.esc);
    await ui.until('最新联系');
    // Esc and a key right after it in one read: Esc, then the key (not Alt+key).
    await ui.burst('2', KEY.esc, '3');
    await ui.until('干部（');
  });

  it('? ? in one read opens and closes help; u then n asks and cancels', async () => {
    const ui = await startApp();
    await ui.burst('?', '?', 'u', 'n');
    await ui.until('已取消撤销');
    expect(ui.frame()).not.toContain('关闭帮助');
  });
});

// More than fifty keys in one read (a held key, typing ahead over a slow link): each key renders and
// runs its effects before the next goes, and React must not take that chain for a render loop (the
// test setup fails a test on its warning). One test at a time: React counts the chain per app, and
// another app rendering in between would hide it.
describe('a held key: more than fifty keys in one read', () => {
  it('sixty j and a k in a list end on the second row', async () => {
    const ui = await openScreen('4', '班级（3/3）');
    await ui.burst(...'j'.repeat(60), 'k');
    await ui.until('第 2/3 行');
  });

  it('sixty characters and fifty-seven Backspaces in a text field leave three', async () => {
    const ui = await openScreen('8', '导入 / 导出');
    await ui.press(KEY.tab);
    await ui.burst(...'abc'.repeat(20), ...Array<string>(57).fill(KEY.backspace));
    await ui.until(/文件路径：abc +│/);
  });
});

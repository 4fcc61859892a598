// A college secretary in the terminal UI (issue 21): editing what another college sees of a 混合寝室 is
// refused with one Chinese line naming that college and nothing of it, nothing saved; her own classes' links are hers.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedDormSchool } from '../helpers/shared-dorm-school.js';
import { KEY, startApp } from '../helpers/ui-harness.js';

describe('scope in the terminal UI', () => {
  it('寝室: her 寝室长 edit of a dorm shared with another college is refused, nothing saved; adding her own class is saved', async () => {
    const ui = await startApp(sharedDormSchool(), { login: 'wang' });
    const before = readFileSync(ui.file, 'utf8');
    await ui.press('5');
    await ui.until('寝室（4/4）');
    await ui.press('/', ...'2号楼-201', KEY.enter, 'e');
    await ui.until('编辑寝室 2号楼-201');
    expect(ui.frame()).not.toContain('软件1班');
    await ui.press(KEY.down, KEY.down, KEY.down, ...'新', KEY.enter, KEY.enter, KEY.enter);
    await ui.until(/错误：.*机电信息学院/);
    expect(ui.frame()).toMatch(
      /错误：王芳（wang）只能修改本学院（经济管理学院）的记录：这次修改会改变机电信息学院也看到的寝室/,
    );
    expect(ui.frame()).not.toMatch(/软件1班|周七|小红|2号楼-202/);
    expect(readFileSync(ui.file, 'utf8')).toBe(before);
    // 寝室长 as it was, one more class of hers: the other college's class stays, unseen.
    await ui.press(KEY.up, KEY.up, KEY.backspace, KEY.up, ...'、物流23班', KEY.enter, KEY.enter, KEY.enter, KEY.enter);
    await ui.until('已保存寝室 2号楼-201');
    expect((await ui.saved()).dorms.find((d) => d.id === 'd_201')).toMatchObject({
      classIds: ['cls_rj', 'cls_kj', 'cls_old'],
      leader: '寝室长',
    });
    ui.unmount();
  });
});

// Over SSH (issue 14) the 导入 / 导出 screen takes a file name in the secretary's own folder, never a path.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, startApp } from '../helpers/ui-harness.js';

describe('导入 / 导出 over SSH', () => {
  it('an export lands in her folder (0700); a typed path is refused and nothing is written', async () => {
    const first = await startApp();
    const folder = join(first.dir, 'exports', 'wang');
    const ui = await startApp(undefined, { exportsDir: folder });
    await ui.press('8');
    await ui.until('导入 / 导出');
    await ui.press(KEY.right, KEY.right, KEY.tab);
    await ui.burst(...join(ui.dir, 'elsewhere.xlsx'));
    await ui.press(KEY.enter, KEY.enter);
    await ui.until('经 SSH 只能使用你的文件夹');
    expect(existsSync(join(ui.dir, 'elsewhere.xlsx'))).toBe(false);
    expect(existsSync(folder)).toBe(false);

    const fresh = await startApp(undefined, { exportsDir: folder });
    await fresh.press('8');
    await fresh.until('导入 / 导出');
    await fresh.press(KEY.right, KEY.right, KEY.tab, ...'附件2.xlsx', KEY.enter, KEY.enter);
    // The message wraps (a space at the break is dropped): the command to fetch the file, read across lines.
    await fresh.until((f) => f.replace(/\s/g, '').includes('取回：ssh…exportsget附件2.xlsx--out->附件2.xlsx'));
    expect(fresh.frame()).toContain(`已导出 ${join(folder, '附件2.xlsx')}（附件2`);
    expect(readdirSync(folder)).toEqual(['附件2.xlsx']);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
  });

  it('a name with a control character is refused: exports get could never fetch it', async () => {
    const first = await startApp();
    const folder = join(first.dir, 'exports', 'wang');
    const ui = await startApp(undefined, { exportsDir: folder });
    await ui.press('8');
    await ui.until('导入 / 导出');
    // A pasted name arrives as one chunk, what a terminal would obey included.
    await ui.press(KEY.right, KEY.right, KEY.tab, '附件2\u202e\u009b.xlsx', KEY.enter, KEY.enter);
    await ui.until('经 SSH 只能使用你的文件夹');
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
  });
});

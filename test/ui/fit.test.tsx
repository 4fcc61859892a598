// Every screen fits 80×24 and 60×20 with the demo school and namesakes among the cadres owing most: no
// line wider than the terminal (ink is given more room, so a line the app did not fit shows whole), no
// frame taller than it, no date cut (today's in the title neither), no namesake cut to a bare name
// (李明… for 李明（2001）), no dorm cut before its number, the status bar keeps q.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { buildIndexes } from '../../source/domain/indexes.js';
import { overdueReport } from '../../source/domain/overdue.js';
import type { Datastore } from '../../source/domain/schema.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { KEY, startApp, TODAY, type Size } from '../helpers/ui-harness.js';

const SIZES: Size[] = [
  { columns: 80, rows: 24 },
  { columns: 60, rows: 20 },
];

/** The demo school, the first four cadres of the overdue list renamed 李明, 李明, 赵丽, 赵丽. */
async function withNamesakes(): Promise<Datastore> {
  const data = structuredClone(await new DatastoreFile('data/sanlianxi.json').load());
  const owing = [...new Set(overdueReport(data, buildIndexes(data), TODAY).rows.map((r) => r.cadreId))].slice(0, 4);
  owing.forEach((id, i) => (data.cadres.find((c) => c.id === id)!.name = i < 2 ? '李明' : '赵丽'));
  return data;
}
let demo: Datastore | undefined;
const demoData = async () => (demo ??= await withNamesakes());

/** The lines of the frame that do not fit, each with its width. */
function overflow(frame: string, size: Size): string[] {
  return frame
    .split('\n')
    .filter((line) => stringWidth(line) > size.columns)
    .map((line) => `${stringWidth(line)}: ${line}`);
}

// Each view: the keys from 首页 that open it and a text that shows it is there.
const VIEWS: Array<{ name: string; keys: string[]; shown: string | RegExp }> = [
  { name: '首页', keys: [], shown: '最新联系' },
  { name: '记录联系 with matches', keys: ['1', ...'z'], shown: '记录联系' },
  { name: '逾期', keys: ['2'], shown: '逾期 · 共' },
  { name: '催办', keys: ['2', 'm'], shown: '催办 · ' },
  { name: '逾期 of one college', keys: ['2', 'c'], shown: /学院：[^全]/ },
  { name: '干部 list', keys: ['3'], shown: '干部（' },
  { name: '干部 detail', keys: ['3', KEY.enter], shown: '本学期职责' },
  { name: '干部 edit form', keys: ['3', 'e'], shown: '编辑干部' },
  { name: '干部 status form', keys: ['3', 'x'], shown: '分配最后一天' },
  { name: '班级 list', keys: ['4'], shown: '班级（' },
  { name: '班级 detail', keys: ['4', KEY.enter], shown: '本班寝室' },
  { name: '班级 form', keys: ['4', 'a'], shown: '新增班级' },
  { name: '寝室 list', keys: ['5'], shown: '寝室（' },
  { name: '寝室 detail', keys: ['5', KEY.enter], shown: '联系记录' },
  { name: '困难生 list', keys: ['6'], shown: '困难生（' },
  { name: '困难生 detail', keys: ['6', KEY.enter], shown: '联系记录' },
  { name: '困难生 form', keys: ['6', 'a'], shown: '新增困难生' },
  { name: '分配 list', keys: ['7'], shown: '选择班级' },
  { name: '分配 class', keys: ['7', KEY.enter], shown: '联系分配：' },
  { name: '分配 handover form', keys: ['7', KEY.enter, 'r'], shown: '移交日期' },
  { name: '导入导出', keys: ['8'], shown: '导入 / 导出' },
  { name: '设置', keys: ['9'], shown: '学期与考核规则' },
  { name: '设置 term form', keys: ['9', 'j', KEY.enter], shown: '编辑学期' },
  { name: '设置 new year form', keys: ['9', 'n'], shown: '第二学期结束' },
  { name: '网格', keys: ['0'], shown: '网格 · ' },
  { name: '配对', keys: ['0', 'p'], shown: '配对 · ' },
  { name: 'help', keys: ['?'], shown: '关闭帮助' },
  { name: 'undo question', keys: ['u'], shown: '撤销最近一次修改' },
];

const atHome = (frame: string) =>
  frame.includes('最新联系') && !frame.includes('关闭帮助') && !frame.includes('撤销最近一次修改');

// The sizes run side by side: each is one app of its own, and most of a run is waiting for renders.
describe.concurrent('every screen fits the terminal', () => {
  for (const size of SIZES) {
    it(`at ${size.columns}×${size.rows}`, async () => {
      const problems: string[] = [];
      let ui = await startApp(structuredClone(await demoData()), { size });
      for (const view of VIEWS) {
        await ui.press(...view.keys);
        await ui.until(view.shown);
        const frame = ui.frame();
        const lines = frame.split('\n');
        for (const line of overflow(frame, size)) problems.push(`${view.name}: ${line}`);
        // Dates are never cut to fit (names and notes are): 2026-11… would read as a date.
        for (const line of lines.filter((l) => /(?<!\d)\d{4}(?:-\d{0,2}(?:-\d?)?)?…/.test(l)))
          problems.push(`${view.name}: a cut date: ${line}`);
        if (lines.length > size.rows) problems.push(`${view.name}: ${lines.length} lines\n${frame}`);
        if (!lines[0]!.includes(`今天 ${TODAY}`))
          problems.push(`${view.name}: the title line without today's date: ${lines[0]}`);
        for (const line of lines.filter((l) => /(李明|赵丽)…|号楼…/.test(l)))
          problems.push(`${view.name}: a namesake or dorm cut: ${line}`);
        if (!/form|question|help|记录联系|导入导出/.test(view.name) && !frame.includes('q 退出'))
          problems.push(`${view.name}: no q 退出 on the status bar\n${frame}`);
        if (view.name === '逾期 of one college' && /│\s*学院\s*│/.test(frame))
          problems.push(`${view.name}: a 学院 column for one college\n${frame}`);
        // A list keeps its selection mark at the start of a row.
        if (/list|逾期|^设置$/.test(view.name) && !lines.some((line) => line.startsWith('>│')))
          problems.push(`${view.name}: no > row\n${frame}`);
        // Back to 首页 for the next view (n answers the undo question); a fresh app if that does not get there.
        for (let i = 0; i < 6 && !atHome(ui.frame()); i++)
          await ui.press(view.name === 'undo question' ? 'n' : KEY.esc);
        if (!atHome(ui.frame())) {
          ui.unmount();
          ui = await startApp(structuredClone(await demoData()), { size });
        }
      }
      ui.unmount();
      expect(problems).toEqual([]);
      // 25 views, each opened by keys: a limit for a loaded machine, not a timing check.
    }, 120_000);
  }
});

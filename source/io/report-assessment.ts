// 评议考核 workbook: one row per cadre with numbers Excel can sort and sum, and a per-college summary.
import ExcelJS from 'exceljs';
import type { CadreAssessment } from '../domain/assessment.js';
import type { Term } from '../domain/schema.js';
import { boxed, setText } from './xlsx-write.js';

const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } };

function header(sheet: ExcelJS.Worksheet, labels: string[], widths: number[]): void {
  sheet.columns = widths.map((width) => ({ width }));
  labels.forEach((label, i) => {
    const cell = sheet.getCell(1, i + 1);
    setText(cell, label);
    boxed(cell, { bold: true, center: true });
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: labels.length } };
}

function fillRow(sheet: ExcelJS.Worksheet, rowNo: number, values: Array<string | number>, highlight: boolean): void {
  values.forEach((v, i) => {
    const cell = sheet.getCell(rowNo, i + 1);
    if (typeof v === 'number') cell.value = v;
    else setText(cell, v);
    boxed(cell, { center: typeof v === 'number' });
    if (highlight) cell.fill = HIGHLIGHT;
  });
}

export function buildAssessment(term: Term, rows: readonly CadreAssessment[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('评议考核', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  header(
    sheet,
    ['干部', '学院', '班级联系完成', '班级联系应完成', '寝室走访完成(月)', '寝室走访应完成(月)', '困难生谈话完成(人·月)', '困难生谈话应完成(人·月)', '完成率(%)', '是否完成', '未完成的窗口'],
    [12, 16, 12, 12, 14, 14, 16, 16, 10, 10, 60],
  );
  rows.forEach((r, i) => {
    const t = r.tallies;
    fillRow(
      sheet,
      i + 2,
      [r.cadre, r.college, t.class.done, t.class.owed, t.dorm.done, t.dorm.owed, t.student.done, t.student.owed, r.completion, r.completion < 100 ? '未完成' : '完成', r.missed.join('\n')],
      r.completion < 100,
    );
  });
  const summary = workbook.addWorksheet('学院汇总');
  header(summary, ['学院', '干部人数', '全部完成人数', '应完成窗口', '已完成窗口', '完成率(%)'], [18, 10, 14, 12, 12, 10]);
  const byCollege = new Map<string, { cadres: number; complete: number; owed: number; done: number }>();
  for (const r of rows) {
    const s = byCollege.get(r.college) ?? { cadres: 0, complete: 0, owed: 0, done: 0 };
    s.cadres += 1;
    if (r.completion >= 100) s.complete += 1;
    for (const t of Object.values(r.tallies)) {
      s.owed += t.owed;
      s.done += t.done;
    }
    byCollege.set(r.college, s);
  }
  [...byCollege.entries()].forEach(([college, s], i) => {
    const pct = s.owed === 0 ? 100 : Math.round((s.done / s.owed) * 1000) / 10;
    fillRow(summary, i + 2, [college, s.cadres, s.complete, s.owed, s.done, pct], pct < 100);
  });
  summary.getCell(byCollege.size + 3, 1).value = `${term.name}（${term.start} 至 ${term.end}）`;
  return workbook;
}

// 评议考核 workbook, titled with school, term and as-of date: one row per cadre with numbers Excel can
// sort and sum and the windows it missed by duty and target; every missed window one per row, with its
// dates and days (as `overdue` lists them); and a per-college summary.
import ExcelJS from 'exceljs';
import type { CadreAssessment, MissedWindow, TermAssessment } from '../domain/assessment.js';
import { compareOverdueRows } from '../domain/overdue.js';
import { DUTY_LABELS } from '../domain/vocabulary.js';
import { fitRowHeights, printOnA4 } from './print-layout.js';
import { boxed, formDate, setText, titleCell } from './xlsx-write.js';
import { completionBars } from './xlsx-data-bars.js';

const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } };
const STATUS_LABELS = { overdue: '逾期', due: '进行中' } as const;
/** A cadre's state: every window met; only windows still open missed; a window missed and over. */
export const CADRE_STATES = { done: '已完成', open: '进行中', missed: '未完成' } as const;

/** 已完成, 进行中 (nothing overdue) or 未完成 (something overdue): only the last is highlighted. */
export function cadreState(r: Pick<CadreAssessment, 'missed'>): keyof typeof CADRE_STATES {
  if (r.missed.length === 0) return 'done';
  return r.missed.some((m) => m.status === 'overdue') ? 'missed' : 'open';
}

export const REPORT_SHEETS = { cadres: '评议考核', missed: '未完成窗口', colleges: '学院汇总' } as const;
export const WINDOWS_EXPLAINED =
  '窗口：一项职责须完成的时段。班级联系每学期一个；寝室走访每月一个（学院要求“每个”寝室时，每个寝室每月一个）；' +
  '每名困难生每月一个。应完成 = 截至该日已开始的窗口，已完成 = 其中已达到规定次数的窗口。' +
  '未完成的窗口中“逾期”已结束，“进行中”截至该日尚未结束、仍可完成。';
export const NO_CONTACTS_NOTE =
  '注意：本学期截至该日没有任何联系记录，完成率为 0 是因为尚未登记联系，请确认联系记录是否已录入或导入。';
export const NOTHING_OWED = '本学期截至该日没有应完成的联系窗口。';

export function reportTitle(schoolName: string): string {
  return `${schoolName}党员干部“三联系”评议考核`;
}

/**
 * A cadre's missed windows, one line per duty and target: the class window, or the months of the
 * monthly ones; a window still open says so ("寝室 1号楼-101：9月、10月、11月（进行中）"). The dates and
 * days of each window are on the 未完成窗口 sheet; a line per window would outgrow Excel's tallest row (409 pt).
 */
export function missedLines(missed: readonly MissedWindow[]): string[] {
  const byTarget = new Map<string, string[]>();
  for (const m of missed) {
    const key = `${DUTY_LABELS[m.duty]} ${m.target}`;
    const when =
      (m.duty === 'class' ? '整学期' : `${Number(m.start.slice(5, 7))}月`) + (m.status === 'due' ? '（进行中）' : '');
    byTarget.set(key, [...(byTarget.get(key) ?? []), when]);
  }
  return [...byTarget].map(([key, when]) => `${key}：${when.join('、')}`);
}

/** Rows 1–2: the title and what the sheet is about (heights fitted with the table's); returns the next free row. */
function titleRows(sheet: ExcelJS.Worksheet, cols: number, title: string, subtitle: string, notes: string[]): number {
  sheet.mergeCells(1, 1, 1, cols);
  titleCell(sheet.getCell(1, 1), title, 16);
  let row = 2;
  for (const text of [subtitle, ...notes]) {
    sheet.mergeCells(row, 1, row, cols);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    cell.font = { name: '宋体', size: 11, bold: row === 2 };
    cell.alignment = { vertical: 'middle', horizontal: row === 2 ? 'center' : 'left', wrapText: true };
    row++;
  }
  return row;
}

function headerCell(sheet: ExcelJS.Worksheet, row: number, col: number, label: string): void {
  const cell = sheet.getCell(row, col);
  setText(cell, label);
  boxed(cell, { bold: true, center: true });
}

/** One header row of `labels`, repeated on every page, frozen, with a filter. */
function header(sheet: ExcelJS.Worksheet, row: number, labels: readonly string[]): void {
  labels.forEach((label, i) => headerCell(sheet, row, i + 1, label));
  sheet.views = [{ state: 'frozen', ySplit: row }];
  sheet.autoFilter = { from: { row, column: 1 }, to: { row, column: labels.length } };
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

/** A line in place of the rows when there are none. */
function noneRow(sheet: ExcelJS.Worksheet, row: number, cols: number, text: string): void {
  for (let c = 1; c <= cols; c++) boxed(sheet.getCell(row, c), { center: true });
  setText(sheet.getCell(row, 1), text);
  sheet.mergeCells(row, 1, row, cols);
}

const CADRE_GROUPS = ['班级联系窗口\n（学期）', '寝室走访窗口\n（月或寝室·月）', '困难生谈话窗口\n（人·月）'];

function cadreSheet(workbook: ExcelJS.Workbook, a: TermAssessment, title: string, subtitle: string): void {
  const sheet = workbook.addWorksheet(REPORT_SHEETS.cadres);
  // 171 units: the 11 pt text prints at 9 pt in LibreOffice (its wider unit), larger in Excel and gnumeric.
  sheet.columns = [12, 10, 16, 9, 9, 9, 9, 9, 9, 10, 9, 60].map((width) => ({ width }));
  const cols = 12;
  const notes = [WINDOWS_EXPLAINED, ...(a.rows.length > 0 && a.contacts === 0 ? [NO_CONTACTS_NOTE] : [])];
  const top = titleRows(sheet, cols, title, subtitle, notes);
  // Two header rows: the duty over its 已完成 / 应完成 pair; the other labels span both rows.
  const single: Array<[number, string]> = [
    [1, '干部'],
    [2, '工号'],
    [3, '学院'],
    [10, '完成率(%)'],
    [11, '是否完成'],
    [12, '未完成的窗口（逐条明细见“未完成窗口”表）'],
  ];
  for (const [col, label] of single) {
    headerCell(sheet, top, col, label);
    sheet.mergeCells(top, col, top + 1, col);
  }
  CADRE_GROUPS.forEach((label, i) => {
    const col = 4 + 2 * i;
    headerCell(sheet, top, col, label);
    sheet.mergeCells(top, col, top, col + 1);
    headerCell(sheet, top + 1, col, '已完成');
    headerCell(sheet, top + 1, col + 1, '应完成');
  });
  sheet.views = [{ state: 'frozen', ySplit: top + 1 }];
  sheet.autoFilter = { from: { row: top + 1, column: 1 }, to: { row: top + 1, column: cols } };
  printOnA4(sheet, 'landscape', { titleRows: `${top}:${top + 1}` });
  const first = top + 2;
  a.rows.forEach((r: CadreAssessment, i) => {
    const t = r.tallies;
    const state = cadreState(r);
    fillRow(
      sheet,
      first + i,
      [
        r.cadre,
        r.employeeNo,
        r.college,
        t.class.done,
        t.class.owed,
        t.dorm.done,
        t.dorm.owed,
        t.student.done,
        t.student.owed,
        r.completion,
        CADRE_STATES[state],
        missedLines(r.missed).join('\n'),
      ],
      state === 'missed',
    );
  });
  completionBars(sheet, 10, first, first + a.rows.length - 1);
  if (a.rows.length === 0) noneRow(sheet, first, cols, NOTHING_OWED);
  fitRowHeights(sheet, 1, first + Math.max(a.rows.length, 1) - 1);
}

function missedSheet(workbook: ExcelJS.Workbook, a: TermAssessment, title: string, subtitle: string): void {
  const sheet = workbook.addWorksheet(REPORT_SHEETS.missed);
  const labels = ['干部', '工号', '学院', '职责', '对象', '窗口开始', '窗口结束', '状态', '逾期天数 / 剩余天数'];
  // A date on one line in any font (DejaVu Sans's digits are the widest).
  sheet.columns = [12, 10, 22, 8, 40, 15, 15, 8, 12].map((width) => ({ width }));
  const top = titleRows(
    sheet,
    labels.length,
    title,
    `${subtitle}　未完成的窗口逐条列出（与 overdue 命令同日所列一致）`,
    [],
  );
  header(sheet, top, labels);
  printOnA4(sheet, 'landscape', { titleRows: `${top}:${top}` });
  const rows = a.rows
    .flatMap((r) =>
      r.missed.map((m) => ({
        r,
        m,
        cadre: r.cadre,
        cadreId: r.cadreId,
        college: r.college,
        duty: m.duty,
        target: m.target,
        windowStart: m.start,
        windowEnd: m.end,
        status: m.status,
        days: m.days,
      })),
    )
    .sort(compareOverdueRows);
  rows.forEach(({ r, m }, i) => {
    fillRow(
      sheet,
      top + 1 + i,
      [
        r.cadre,
        r.employeeNo,
        r.college,
        DUTY_LABELS[m.duty],
        m.target,
        m.start,
        m.end,
        STATUS_LABELS[m.status],
        m.days,
      ],
      m.status === 'overdue',
    );
  });
  if (rows.length === 0)
    noneRow(sheet, top + 1, labels.length, a.rows.length === 0 ? NOTHING_OWED : '没有未完成的窗口。');
  fitRowHeights(sheet, 1, top + Math.max(rows.length, 1));
}

function collegeSheet(workbook: ExcelJS.Workbook, a: TermAssessment, title: string, subtitle: string): void {
  const sheet = workbook.addWorksheet(REPORT_SHEETS.colleges);
  const labels = ['学院', '干部人数', '全部完成人数', '应完成窗口', '已完成窗口', '完成率(%)'];
  sheet.columns = [20, 10, 14, 12, 12, 10].map((width) => ({ width }));
  const top = titleRows(sheet, labels.length, title, subtitle, []);
  header(sheet, top, labels);
  printOnA4(sheet, 'landscape', { titleRows: `${top}:${top}` });
  const byCollege = new Map<
    string,
    { cadres: number; complete: number; missed: boolean; owed: number; done: number }
  >();
  for (const r of a.rows) {
    const s = byCollege.get(r.college) ?? { cadres: 0, complete: 0, missed: false, owed: 0, done: 0 };
    s.cadres += 1;
    if (r.completion >= 100) s.complete += 1;
    if (cadreState(r) === 'missed') s.missed = true;
    for (const t of Object.values(r.tallies)) {
      s.owed += t.owed;
      s.done += t.done;
    }
    byCollege.set(r.college, s);
  }
  [...byCollege.entries()].forEach(([college, s], i) => {
    const pct = s.owed === 0 ? 100 : Math.round((s.done / s.owed) * 1000) / 10;
    fillRow(sheet, top + 1 + i, [college, s.cadres, s.complete, s.owed, s.done, pct], s.missed);
  });
  completionBars(sheet, 6, top + 1, top + byCollege.size);
  if (byCollege.size === 0) noneRow(sheet, top + 1, labels.length, NOTHING_OWED);
  fitRowHeights(sheet, 1, top + Math.max(byCollege.size, 1));
}

export function buildAssessment(schoolName: string, a: TermAssessment, scope = '全校'): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const title = reportTitle(schoolName);
  const subtitle = `${a.term.name}（${a.term.start} 至 ${a.term.end}）　${scope}　截至 ${formDate(a.asOf)}`;
  cadreSheet(workbook, a, title, subtitle);
  missedSheet(workbook, a, title, subtitle);
  collegeSheet(workbook, a, title, subtitle);
  return workbook;
}

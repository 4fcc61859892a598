// 附件2 "<学校>党员干部“三联系”汇总表": one row per active assignment, as in the source document, under
// its mark "附件 2" and the date it is as of; under the table, the classes and 困难生 no cadre holds.
import ExcelJS from 'exceljs';
import type { IsoDate } from '../domain/dates.js';
import { dormKey, type Indexes } from '../domain/indexes.js';
import { coverage, coverageRows } from '../domain/coverage.js';
import type { Datastore } from '../domain/schema.js';
import {
  activeEntries,
  byBuildingAndNumber,
  dormNote,
  successionNote,
  type FormDorm,
  type FormEntry,
} from './form-data.js';
import { fitRowHeights, heightFor, lineCount, printOnA4 } from './print-layout.js';
import { boxed, dateNoteCell, formDate, markCell, phoneLines, setText, THIN_BORDER, titleCell } from './xlsx-write.js';

export const FORM2_MARK = '附件 2';
export const FORM2_COLUMNS = [
  '序号',
  '干部教师',
  '学院',
  '联系班级',
  '班主任',
  '联系班级辅导员',
  '联系困难生寝室',
  '联系困难生',
  '联系方式',
  '班级其他寝室',
  '备注',
] as const;
/**
 * Headers on one line or two; a phone such as 0579-85552039 on one line in 班主任, 联系班级辅导员 and 联系方式;
 * other values wrap. 166 units are 921 pt in LibreOffice, fitted into the landscape page's 784: the 11 pt
 * text prints at 9.3 pt there, larger in Excel and gnumeric.
 */
const WIDTHS = [5, 12, 12, 14, 19, 19, 14, 12, 19, 18, 22];
const HEADER_ROW = 3;

export function form2Title(schoolName: string): string {
  return `${schoolName}党员干部“三联系”汇总表`;
}

/** 班级其他寝室: whether a dorm is mixed and who covers it when the row's cadre does not (未分配: nobody). */
function otherDormLabel(d: FormDorm, self: string): string {
  const who = d.holder === self ? [] : [d.holder ? `${d.holder}联系` : '未分配'];
  const marks = [...(d.mixedWith.length > 0 ? ['混合'] : []), ...who];
  return dormKey(d.dorm) + (marks.length > 0 ? `（${marks.join('，')}）` : '');
}

/** 备注: the succession, then every mixed dorm of the row with whom it is shared and its typed note. */
function remarks(e: FormEntry, asOf: IsoDate): string[] {
  const mixed = [...e.dorms, ...e.otherDorms].filter((d) => d.mixedWith.length > 0).sort(byBuildingAndNumber);
  return [
    ...(e.succession ? [successionNote(e.succession, asOf)] : []),
    ...mixed.map((d) => `${dormKey(d.dorm)}：${dormNote(d, e.name)}`),
  ];
}

/** Printed lines a list cell holds on one row: a long list continues on the cadre's next rows. */
const LIST_LINES = 8;

/** The items of a list cell in runs of at most LIST_LINES lines (at least one item each), one run a row. */
function listRuns(items: readonly string[], col: number): string[] {
  const runs: string[][] = [];
  for (const item of items) {
    const run = runs.at(-1);
    if (run && lineCount([...run, item].join('\n'), WIDTHS[col - 1]!) <= LIST_LINES) run.push(item);
    else runs.push([item]);
  }
  return runs.map((r) => r.join('\n'));
}

/** Borders of a cell of the cadre's columns, one box around the rows of all the cadre's 困难生. */
function groupBorder(first: boolean, last: boolean): Partial<ExcelJS.Borders> {
  return {
    left: THIN_BORDER.left,
    right: THIN_BORDER.right,
    ...(first ? { top: THIN_BORDER.top } : {}),
    ...(last ? { bottom: THIN_BORDER.bottom } : {}),
  };
}

/** The columns of one 困难生: 联系困难生寝室, 联系困难生, 联系方式; then 班级其他寝室 and 备注. */
const STUDENT_FIRST = FORM2_COLUMNS.indexOf('联系困难生寝室') + 1;
const OTHER_DORMS = FORM2_COLUMNS.indexOf('班级其他寝室') + 1;
const isStudentColumn = (c: number) => c >= STUDENT_FIRST && c < STUDENT_FIRST + 3;
/**
 * 干部教师 on the cadre's later rows, in grey: a page break inside her rows (Excel, LibreOffice and gnumeric
 * each break where they fit, and ignore or mis-scale manual breaks) never starts a page with rows of nobody.
 */
const CADRE = FORM2_COLUMNS.indexOf('干部教师') + 1;
const CONTINUED_GREY = 'FF808080';

/**
 * The workbook and its number of entries (active assignments). An entry takes one row per 困难生, so each
 * one's dorm, name and phone stay on one line whatever wraps; the cadre's columns are filled on its first
 * row (a long list of dorms or notes continues on the next rows, so no row outgrows a page), her name again
 * in grey on the others, and boxed around all of them.
 */
export function buildForm2(
  data: Datastore,
  idx: Indexes,
  asOf: IsoDate,
  collegeId?: string,
): { workbook: ExcelJS.Workbook; cadres: number } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('附件2', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  printOnA4(sheet, 'landscape', { titleRows: `${HEADER_ROW}:${HEADER_ROW}` });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const last = FORM2_COLUMNS.length;
  markCell(sheet.getCell(1, 1), FORM2_MARK);
  sheet.mergeCells(1, last - 2, 1, last);
  dateNoteCell(sheet.getCell(1, last - 2), `截至 ${formDate(asOf)}`);
  sheet.getRow(1).height = heightFor(1, 12);
  sheet.mergeCells(2, 1, 2, last);
  titleCell(sheet.getCell(2, 1), form2Title(data.settings.schoolName), 16);
  sheet.getRow(2).height = heightFor(1, 16) + 6;
  FORM2_COLUMNS.forEach((label, i) => {
    const cell = sheet.getCell(HEADER_ROW, i + 1);
    setText(cell, label);
    boxed(cell, { bold: true, center: true });
  });
  const lines = (values: string[]) => values.join('\n');
  const entries = activeEntries(data, idx, asOf, collegeId);
  let row = HEADER_ROW + 1;
  entries.forEach((e, i) => {
    const studentDorms = new Set(e.students.map((s) => s.dormId));
    const group: Array<string | number> = [
      i + 1,
      e.name,
      e.collegeName,
      e.cls?.name ?? '',
      e.cls ? lines([e.cls.headTeacher, phoneLines(e.cls.headTeacherPhone)].filter(Boolean)) : '',
      e.cls ? lines([e.cls.counselor, phoneLines(e.cls.counselorPhone)].filter(Boolean)) : '',
    ];
    const others = listRuns(
      [...e.dorms.filter((d) => !studentDorms.has(d.dorm.id)), ...e.otherDorms]
        .sort(byBuildingAndNumber)
        .map((d) => otherDormLabel(d, e.name)),
      OTHER_DORMS,
    );
    const notes = listRuns(remarks(e, asOf), last);
    const count = Math.max(e.students.length, others.length, notes.length, 1);
    for (let k = 0; k < count; k++) {
      const s = e.students[k];
      const dorm = s?.dormId ? idx.dormById.get(s.dormId) : undefined;
      const values = [
        ...(k === 0 ? group : group.map((_, c0) => (c0 + 1 === CADRE ? e.name : ''))),
        dorm ? dormKey(dorm) : '',
        s?.name ?? '',
        phoneLines(s?.contact ?? ''),
        others[k] ?? '',
        notes[k] ?? '',
      ];
      values.forEach((value, c0) => {
        const c = c0 + 1;
        const cell = sheet.getCell(row, c);
        if (typeof value === 'number') cell.value = value;
        else setText(cell, value);
        boxed(cell, { center: c === 1 });
        if (!isStudentColumn(c)) cell.border = groupBorder(k === 0, k === count - 1);
        if (k > 0 && c === CADRE) cell.font = { ...cell.font, color: { argb: CONTINUED_GREY } };
      });
      row++;
    }
  });
  holesBelow(sheet, data, idx, asOf, collegeId, row + 1);
  fitRowHeights(sheet, HEADER_ROW, sheet.rowCount);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: last } };
  return { workbook, cadres: entries.length };
}

/** Printed lines one row of the holes' list holds: a longer list continues on the next rows. */
const HOLE_LINES = 16;

/**
 * Under the table, the grid's holes (issue 26): the classes and 困难生 without a cadre on the date, so a
 * college's summary shows what no row does. Each list in rows across the whole width, starting at `at`.
 */
function holesBelow(
  sheet: ExcelJS.Worksheet,
  data: Datastore,
  idx: Indexes,
  asOf: IsoDate,
  collegeId: string | undefined,
  at: number,
): void {
  const holes = coverageRows(coverage(data, idx, asOf, collegeId === undefined ? null : new Set([collegeId])), idx);
  const last = FORM2_COLUMNS.length;
  const width = WIDTHS.reduce((a, b) => a + b, 0);
  const lists: Array<[string, string[]]> = [
    ['没有联系干部的班级', holes.classes.map((c) => `${c.class}（${c.college}）`)],
    ['无人联系的困难生', holes.students.map((s) => `${s.name}（${s.class}）`)],
  ];
  let row = at;
  const line = (text: string, bold: boolean) => {
    sheet.mergeCells(row, 1, row, last);
    const cell = sheet.getCell(row, 1);
    setText(cell, text);
    cell.font = { name: '宋体', size: 11, bold };
    cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    row++;
  };
  line(
    `网格空缺（截至 ${formDate(asOf)}）：没有联系干部的班级 ${holes.classes.length} 个，无人联系的困难生 ${holes.students.length} 名`,
    true,
  );
  for (const [title, items] of lists) {
    if (items.length === 0) line(`${title}：无`, false);
    const runs: string[] = [];
    for (const item of items) {
      const next = runs.length === 0 ? `${title}：${item}` : `${runs.at(-1)!}、${item}`;
      if (runs.length > 0 && lineCount(next, width) <= HOLE_LINES) runs[runs.length - 1] = next;
      else runs.push(runs.length === 0 ? next : item);
    }
    for (const run of runs) line(run, false);
  }
}

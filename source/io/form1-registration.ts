// 附件1 党员干部“三联系”登记表: one sheet per cadre, the document's grid cell for cell, under its mark
// "附件 1" and dated on the right.
import ExcelJS from 'exceljs';
import type { IsoDate } from '../domain/dates.js';
import { cadreLabel } from '../domain/labels.js';
import { byBuildingAndNumber, dormNote, successionNote, type FormDorm, type FormEntry } from './form-data.js';
import { A4_PORTRAIT_BODY_PT, fitRowHeights, heightFor, printOnA4 } from './print-layout.js';
import { boxed, dateNoteCell, formDate, markCell, phoneLines, setText, sheetName, titleCell } from './xlsx-write.js';

export const FORM1_MARK = '附件 1';
export const FORM1_TITLE = '党员干部“三联系”登记表';
export const FORM1_FOOTNOTE = '注：本表共一式二份，学工部（处）、联系干部各一份。';
/**
 * Column widths: labels of up to four characters a line, a phone such as 0579-85552039 on one line in the
 * fourth column, 困难学生类别 on one line in the fifth, the widest for 备注（混合寝室）; longer values wrap.
 * 96 units are 533 pt in LibreOffice, inside the portrait page: the 11 pt text prints at full size.
 */
const WIDTHS = [12, 15, 10, 19, 15, 25];
/** The smallest share of its size the form's 11 pt text may print at when fitted to one page: 9 pt. */
const LEGIBLE_SCALE = 9 / 11;
/** Rows 1–2, the mark and the title, are repeated on every page of a form that takes more than one. */
const TITLE_ROWS = '1:2';
const COLS = WIDTHS.length;
const TABLE_START = 3;

/** A cell of the grid: text, or a number (寝室人数); a label is bold and centred. */
type Cell = { text: string | number; span?: number; label?: boolean };

function writeRow(sheet: ExcelJS.Worksheet, row: number, cells: Cell[]): void {
  let col = 1;
  for (const c of cells) {
    const span = c.span ?? 1;
    if (span > 1) sheet.mergeCells(row, col, row, col + span - 1);
    for (let k = 0; k < span; k++)
      boxed(sheet.getCell(row, col + k), { bold: c.label, center: c.label || typeof c.text === 'number' });
    const cell = sheet.getCell(row, col);
    if (typeof c.text === 'number') cell.value = c.text;
    else setText(cell, c.text);
    col += span;
  }
}

/** The dorms the cadre covers and the class's mixed dorms another cadre covers (or none), by building and number. */
function formDorms(e: FormEntry): FormDorm[] {
  return [...e.dorms, ...e.otherDorms.filter((d) => d.mixedWith.length > 0)].sort(byBuildingAndNumber);
}

function addForm1Sheet(workbook: ExcelJS.Workbook, e: FormEntry, name: string, asOf: IsoDate): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = WIDTHS.map((width) => ({ width }));
  markCell(sheet.getCell(1, 1), FORM1_MARK);
  sheet.mergeCells(1, 4, 1, COLS);
  dateNoteCell(sheet.getCell(1, 4), `填表日期：${formDate(asOf)}`);
  sheet.getRow(1).height = heightFor(1, 12);
  sheet.mergeCells(2, 1, 2, COLS);
  titleCell(sheet.getCell(2, 1), FORM1_TITLE, 18);
  sheet.getRow(2).height = heightFor(1, 18) + 8;

  const L = (text: string): Cell => ({ text, label: true });
  const { cadre, cls } = e;
  let row = TABLE_START;
  writeRow(sheet, row++, [L('学院'), { text: e.collegeName, span: 2 }, L('班级'), { text: cls?.name ?? '', span: 2 }]);
  writeRow(sheet, row++, [
    L('干部姓名'),
    { text: e.name },
    L('手机短号'),
    { text: phoneLines(cadre.shortPhone) },
    L('政治面貌'),
    { text: cadre.politicalStatus },
  ]);
  writeRow(sheet, row++, [
    L('所在部门'),
    { text: cadre.department },
    L('办公电话'),
    { text: phoneLines(cadre.officePhone) },
    L('职务'),
    { text: cadre.title },
  ]);
  writeRow(sheet, row++, [
    L('联系班级\n班主任'),
    { text: cls?.headTeacher ?? '', span: 2 },
    L('手机短号'),
    { text: phoneLines(cls?.headTeacherPhone ?? ''), span: 2 },
  ]);
  writeRow(sheet, row++, [
    L('辅导员'),
    { text: cls?.counselor ?? '', span: 2 },
    L('手机短号'),
    { text: phoneLines(cls?.counselorPhone ?? ''), span: 2 },
  ]);
  const students = e.students.length > 0 ? e.students : [null];
  for (const s of students) {
    writeRow(sheet, row++, [
      L('困难学生'),
      { text: s?.name ?? '' },
      L('联系方式'),
      { text: phoneLines(s?.contact ?? '') },
      L('困难学生类别'),
      { text: s?.categories.join('、') ?? '' },
    ]);
  }
  const dormStart = row;
  writeRow(sheet, row++, [
    L('联系班级\n寝室情况'),
    L('寝室楼'),
    L('寝室号'),
    L('寝室长'),
    L('寝室人数'),
    L('备注（混合寝室）'),
  ]);
  const dorms = formDorms(e);
  for (const d of dorms.length > 0 ? dorms : [null]) {
    const dorm = d?.dorm;
    writeRow(sheet, row++, [
      { text: '' },
      { text: dorm?.building ?? '' },
      { text: dorm?.number ?? '' },
      { text: dorm?.leader ?? '' },
      { text: dorm?.size ?? '' },
      { text: d ? dormNote(d, e.name) : '' },
    ]);
  }
  sheet.mergeCells(dormStart, 1, row - 1, 1);
  if (e.succession) {
    sheet.mergeCells(row, 1, row, COLS);
    setText(sheet.getCell(row, 1), successionNote(e.succession, asOf));
    sheet.getCell(row++, 1).font = { name: '宋体', size: 11 };
  }
  sheet.mergeCells(row, 1, row, COLS);
  const note = sheet.getCell(row, 1);
  note.value = FORM1_FOOTNOTE;
  note.font = { name: '宋体', size: 10 };
  note.alignment = { vertical: 'middle', horizontal: 'left', wrapText: true };
  fitRowHeights(sheet, TABLE_START, row);
  // One page when the whole form fits on it at a legible size; else every page repeats the title and names the cadre.
  let height = 0;
  for (let r = 1; r <= row; r++) height += sheet.getRow(r).height ?? 0;
  printOnA4(sheet, 'portrait', {
    titleRows: TITLE_ROWS,
    header: { left: `干部：${e.name}`, right: e.collegeName },
    onePage: height * LEGIBLE_SCALE <= A4_PORTRAIT_BODY_PT,
  });
}

/** One sheet per cadre, named after the cadre (namesakes with their 工号). */
export function buildForm1(entries: readonly FormEntry[], asOf: IsoDate): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  const count = new Map<string, number>();
  for (const e of entries) count.set(e.cadre.name, (count.get(e.cadre.name) ?? 0) + 1);
  for (const e of entries) {
    const wanted = (count.get(e.cadre.name) ?? 0) > 1 ? cadreLabel(e.cadre) : e.cadre.name;
    addForm1Sheet(workbook, e, sheetName(wanted, taken), asOf);
  }
  return workbook;
}

// 附件1 党员干部“三联系”登记表: one sheet per cadre, the document's grid cell for cell.
import ExcelJS from 'exceljs';
import type { Indexes } from '../domain/indexes.js';
import type { Cadre } from '../domain/schema.js';
import type { IsoDate } from '../domain/dates.js';
import { entryFor, type FormEntry } from './form-data.js';
import { boxed, setText, sheetName } from './xlsx-write.js';

export const FORM1_TITLE = '党员干部“三联系”登记表';
export const FORM1_FOOTNOTE = '注：本表共一式二份，学工部（处）、联系干部各一份。';
const COLS = 6;

type Cell = { text: string; span?: number; label?: boolean };

function writeRow(sheet: ExcelJS.Worksheet, row: number, cells: Cell[]): void {
  let col = 1;
  for (const c of cells) {
    const span = c.span ?? 1;
    if (span > 1) sheet.mergeCells(row, col, row, col + span - 1);
    for (let k = 0; k < span; k++) boxed(sheet.getCell(row, col + k), { bold: c.label, center: c.label });
    setText(sheet.getCell(row, col), c.text);
    col += span;
  }
  sheet.getRow(row).height = 24;
}

function addForm1Sheet(workbook: ExcelJS.Workbook, e: FormEntry, name: string): void {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  sheet.columns = [16, 14, 14, 14, 14, 18].map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, COLS);
  const title = sheet.getCell(1, 1);
  title.value = FORM1_TITLE;
  title.font = { name: '黑体', size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;
  const L = (text: string): Cell => ({ text, label: true });
  const { cadre, cls } = e;
  writeRow(sheet, 2, [L('学院'), { text: e.collegeName, span: 2 }, L('班级'), { text: cls?.name ?? '', span: 2 }]);
  writeRow(sheet, 3, [L('干部姓名'), { text: cadre.name }, L('手机短号'), { text: cadre.shortPhone }, L('政治面貌'), { text: cadre.politicalStatus }]);
  writeRow(sheet, 4, [L('所在部门'), { text: cadre.department }, L('办公电话'), { text: cadre.officePhone }, L('职务'), { text: cadre.title }]);
  writeRow(sheet, 5, [L('联系班级\n班主任'), { text: cls?.headTeacher ?? '', span: 2 }, L('手机短号'), { text: cls?.headTeacherPhone ?? '', span: 2 }]);
  writeRow(sheet, 6, [L('辅导员'), { text: cls?.counselor ?? '', span: 2 }, L('手机短号'), { text: cls?.counselorPhone ?? '', span: 2 }]);
  let row = 7;
  const students = e.students.length > 0 ? e.students : [null];
  for (const s of students) {
    writeRow(sheet, row++, [L('困难学生'), { text: s?.name ?? '' }, L('联系方式'), { text: s?.contact ?? '' }, L('困难学生\n类别'), { text: s?.categories.join('、') ?? '' }]);
  }
  const dormStart = row;
  writeRow(sheet, row++, [L('联系班级\n寝室情况'), L('寝室楼'), L('寝室号'), L('寝室长'), L('寝室人数'), L('备注（混\n合寝室）')]);
  const dorms = e.dorms.length > 0 ? e.dorms : [null];
  for (const d of dorms) {
    writeRow(sheet, row++, [{ text: '' }, { text: d?.building ?? '' }, { text: d?.number ?? '' }, { text: d?.leader ?? '' }, { text: d?.size === null || d === null ? '' : String(d.size) }, { text: d?.note ?? '' }]);
  }
  sheet.mergeCells(dormStart, 1, row - 1, 1);
  sheet.mergeCells(row, 1, row, COLS);
  const note = sheet.getCell(row, 1);
  note.value = FORM1_FOOTNOTE;
  note.font = { name: '宋体', size: 10 };
  sheet.pageSetup.printArea = `A1:F${row}`;
}

/** One sheet per cadre, named after the cadre. */
export function buildForm1(idx: Indexes, cadres: readonly Cadre[], asOf: IsoDate): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const cadre of cadres) addForm1Sheet(workbook, entryFor(idx, cadre, asOf), sheetName(cadre.name, taken));
  return workbook;
}

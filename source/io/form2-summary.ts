// 附件2 "<学校>党员干部“三联系”汇总表": one row per active assignment, as in the source document, under
// its mark "附件 2" and the date it is as of.
import ExcelJS from 'exceljs';
import type { IsoDate } from '../domain/dates.js';
import { dormKey, type Indexes } from '../domain/indexes.js';
import type { Datastore } from '../domain/schema.js';
import { activeEntries, byBuildingAndNumber, dormNote, successionNote, type FormDorm, type FormEntry } from './form-data.js';
import { fitRowHeights, heightFor, printOnA4 } from './print-layout.js';
import { boxed, dateNoteCell, formDate, markCell, setText, THIN_BORDER, titleCell } from './xlsx-write.js';

export const FORM2_MARK = '附件 2';
export const FORM2_COLUMNS = [
  '序号', '干部教师', '学院', '联系班级', '班主任', '联系班级辅导员', '联系困难生寝室', '联系困难生', '联系方式', '班级其他寝室', '备注',
] as const;
/** Wide enough for every header on one line; values wrap within them. */
const WIDTHS = [6, 12, 16, 16, 14, 16, 16, 14, 16, 20, 12];
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
function remarks(e: FormEntry, asOf: IsoDate): string {
  const mixed = [...e.dorms, ...e.otherDorms].filter((d) => d.mixedWith.length > 0).sort(byBuildingAndNumber);
  return [...(e.succession ? [successionNote(e.succession, asOf)] : []), ...mixed.map((d) => `${dormKey(d.dorm)}：${dormNote(d, e.name)}`)].join('\n');
}

/** Borders of a cell of the cadre's columns, one box around the rows of all the cadre's 困难生. */
function groupBorder(first: boolean, last: boolean): Partial<ExcelJS.Borders> {
  return { left: THIN_BORDER.left, right: THIN_BORDER.right, ...(first ? { top: THIN_BORDER.top } : {}), ...(last ? { bottom: THIN_BORDER.bottom } : {}) };
}

/** The columns of one 困难生: 联系困难生寝室, 联系困难生, 联系方式. */
const STUDENT_FIRST = FORM2_COLUMNS.indexOf('联系困难生寝室') + 1;
const isStudentColumn = (c: number) => c >= STUDENT_FIRST && c < STUDENT_FIRST + 3;

/**
 * The workbook and its number of entries (active assignments). An entry takes one row per 困难生, so each
 * one's dorm, name and phone stay on one line whatever wraps; the cadre's columns are filled on its first
 * row and boxed around all of them.
 */
export function buildForm2(data: Datastore, idx: Indexes, asOf: IsoDate, collegeId?: string): { workbook: ExcelJS.Workbook; rows: number } {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('附件2', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  printOnA4(sheet, 'landscape', `${HEADER_ROW}:${HEADER_ROW}`);
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
      e.cls ? lines([e.cls.headTeacher, e.cls.headTeacherPhone].filter(Boolean)) : '',
      e.cls ? lines([e.cls.counselor, e.cls.counselorPhone].filter(Boolean)) : '',
      '',
      '',
      '',
      lines([...e.dorms.filter((d) => !studentDorms.has(d.dorm.id)), ...e.otherDorms].sort(byBuildingAndNumber).map((d) => otherDormLabel(d, e.name))),
      remarks(e, asOf),
    ];
    const students = e.students.length > 0 ? e.students : [null];
    students.forEach((s, k) => {
      const dorm = s?.dormId ? idx.dormById.get(s.dormId) : undefined;
      const own = [dorm ? dormKey(dorm) : '', s?.name ?? '', s?.contact ?? ''];
      for (let c = 1; c <= last; c++) {
        const cell = sheet.getCell(row, c);
        const value = isStudentColumn(c) ? own[c - STUDENT_FIRST]! : k === 0 ? group[c - 1]! : '';
        if (typeof value === 'number') cell.value = value;
        else setText(cell, value);
        boxed(cell, { center: c === 1 });
        if (!isStudentColumn(c)) cell.border = groupBorder(k === 0, k === students.length - 1);
      }
      row++;
    });
  });
  fitRowHeights(sheet, HEADER_ROW, row - 1);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: last } };
  return { workbook, rows: entries.length };
}

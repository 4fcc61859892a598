// 附件2 "<学校>党员干部“三联系”汇总表": one row per active assignment, as in the source document, under
// its mark "附件 2" and the date it is as of.
import ExcelJS from 'exceljs';
import type { IsoDate } from '../domain/dates.js';
import { dormKey, type Indexes } from '../domain/indexes.js';
import type { Datastore } from '../domain/schema.js';
import { activeEntries, type OtherDorm } from './form-data.js';
import { fitRowHeights, heightFor, printOnA4 } from './print-layout.js';
import { boxed, dateNoteCell, formDate, markCell, setText, titleCell } from './xlsx-write.js';

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

/** 班级其他寝室: a dorm no active assignment covers is 未分配; a mixed dorm another cadre covers says who. */
function otherDormLabel({ dorm, holder }: OtherDorm): string {
  return `${dormKey(dorm)}（${holder ? `${holder.name}联系` : '未分配'}）`;
}

/** The workbook and its number of rows (active assignments). */
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
  entries.forEach((e, i) => {
    const studentDorms = e.students.map((s) => (s.dormId ? dormKey(idx.dormById.get(s.dormId)!) : ''));
    const values = [
      e.cadre.name,
      e.collegeName,
      e.cls?.name ?? '',
      e.cls ? lines([e.cls.headTeacher, e.cls.headTeacherPhone].filter(Boolean)) : '',
      e.cls ? lines([e.cls.counselor, e.cls.counselorPhone].filter(Boolean)) : '',
      lines(studentDorms),
      lines(e.students.map((s) => s.name)),
      lines(e.students.map((s) => s.contact)),
      lines([...e.dorms.map(dormKey).filter((d) => !studentDorms.includes(d)), ...e.otherDorms.map(otherDormLabel)]),
      '',
    ];
    const row = HEADER_ROW + 1 + i;
    const no = sheet.getCell(row, 1);
    no.value = i + 1;
    boxed(no, { center: true });
    values.forEach((v, c) => {
      const cell = sheet.getCell(row, c + 2);
      setText(cell, v);
      boxed(cell);
    });
  });
  fitRowHeights(sheet, HEADER_ROW, HEADER_ROW + entries.length);
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: last } };
  return { workbook, rows: entries.length };
}

// 附件2 "<学校>党员干部“三联系”汇总表": one row per active assignment, as in the source document.
import ExcelJS from 'exceljs';
import type { IsoDate } from '../domain/dates.js';
import { dormKey, type Indexes } from '../domain/indexes.js';
import type { Datastore } from '../domain/schema.js';
import { activeEntries } from './form-data.js';
import { boxed, setText } from './xlsx-write.js';

export const FORM2_COLUMNS = [
  '序号', '干部教师', '学院', '联系班级', '班主任', '联系班级辅导员', '联系困难生寝室', '联系困难生', '联系方式', '班级其他寝室', '备注',
] as const;
const WIDTHS = [6, 12, 16, 18, 12, 14, 16, 16, 16, 18, 14];

export function form2Title(schoolName: string): string {
  return `${schoolName}党员干部“三联系”汇总表`;
}

export function buildForm2(data: Datastore, idx: Indexes, asOf: IsoDate, collegeId?: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('附件2', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, FORM2_COLUMNS.length);
  const title = sheet.getCell(1, 1);
  title.value = form2Title(data.settings.schoolName);
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 30;
  FORM2_COLUMNS.forEach((label, i) => {
    const cell = sheet.getCell(2, i + 1);
    setText(cell, label);
    boxed(cell, { bold: true, center: true });
  });
  const lines = (values: string[]) => values.join('\n');
  activeEntries(data, idx, asOf, collegeId).forEach((e, i) => {
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
      lines([...e.dorms.map(dormKey).filter((d) => !studentDorms.includes(d)), ...e.otherDorms.map((d) => `${dormKey(d)}（未分配）`)]),
      '',
    ];
    const row = 3 + i;
    const no = sheet.getCell(row, 1);
    no.value = i + 1;
    boxed(no, { center: true });
    values.forEach((v, c) => {
      const cell = sheet.getCell(row, c + 2);
      setText(cell, v);
      boxed(cell);
    });
  });
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: FORM2_COLUMNS.length } };
  return workbook;
}

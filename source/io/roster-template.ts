// `template FILE.xlsx`: an empty roster with the headers, grey example rows and drop-down lists.
import ExcelJS from 'exceljs';
import { CADRE_CATEGORIES, CONTACT_FORMS, END_REASONS } from '../domain/vocabulary.js';
import { EXAMPLE_FONT_COLOR, ROSTER_SHEETS } from './roster-sheets.js';
import { saveWorkbook } from './xlsx-write.js';

const LISTS: Record<string, Record<string, readonly string[]>> = {
  干部: { 类别: CADRE_CATEGORIES },
  联系分配: { 结束原因: END_REASONS },
  联系记录: { 类型: ['班级', '寝室', '困难生'], 形式: CONTACT_FORMS },
  规则: { 寝室范围: ['任一', '每个'] },
};

/** The template as a workbook, not yet written. */
export function rosterTemplate(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const spec of ROSTER_SHEETS) {
    const sheet = workbook.addWorksheet(spec.name);
    sheet.columns = spec.headers.map((h) => ({ header: h, width: Math.max(12, h.length * 2 + 4) }));
    sheet.getRow(1).font = { bold: true };
    const example = sheet.addRow(spec.example);
    example.font = { color: { argb: EXAMPLE_FONT_COLOR }, italic: true };
    for (let c = 1; c <= spec.headers.length; c++) sheet.getColumn(c).numFmt = '@';
    for (const [header, values] of Object.entries(LISTS[spec.name] ?? {})) {
      const col = spec.headers.indexOf(header) + 1;
      const letter = sheet.getColumn(col).letter;
      for (let r = 2; r <= 500; r++) {
        sheet.getCell(`${letter}${r}`).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [`"${values.join(',')}"`],
          showErrorMessage: true,
          errorTitle: '无效的值',
          error: `请从列表中选择：${values.join('、')}`,
        };
      }
    }
  }
  return workbook;
}

export async function writeRosterTemplate(file: string, force = true): Promise<void> {
  await saveWorkbook(rosterTemplate(), file, force);
}

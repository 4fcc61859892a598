// A roster workbook as a secretary fills it: the blank template with rows typed below its grey example row.
import type ExcelJS from 'exceljs';
import { rosterTemplate } from '../../source/io/roster-template.js';

export async function fillRoster(file: string, rows: Record<string, unknown[][]>): Promise<string> {
  const wb = rosterTemplate();
  for (const [sheet, values] of Object.entries(rows)) {
    values.forEach((r, i) => {
      wb.getWorksheet(sheet)!.getRow(3 + i).values = r as ExcelJS.CellValue[];
    });
  }
  await wb.xlsx.writeFile(file);
  return file;
}

/** A row of the 干部 sheet in the template's columns: a 普通党员 of 教务处 with no phones. */
export function cadreRow(employeeNo: string, name: string, college: string): string[] {
  return [employeeNo, name, college, '教务处', '科员', '中共党员', '', '', '普通党员'];
}

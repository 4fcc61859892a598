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

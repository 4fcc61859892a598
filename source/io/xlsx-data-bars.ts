// A completion column drawn as data bars (XLSX conditional formatting, issue 25): the bar's length is
// the rate from 0 to 100, the same scale in every report, so the weakest cadres stand out on paper.
import type ExcelJS from 'exceljs';

/** Solid (not gradient) bars print as plainly as the table's borders; a mid blue stays visible in grey. */
const BAR = {
  type: 'dataBar',
  gradient: false,
  showValue: true,
  cfvo: [
    { type: 'num', value: 0 },
    { type: 'num', value: 100 },
  ],
  color: { argb: 'FF4F81BD' },
};

/** Data bars over rows first…last of a 0–100 column (nothing when there are no rows). */
export function completionBars(sheet: ExcelJS.Worksheet, column: number, first: number, last: number): void {
  if (last < first) return;
  const letter = sheet.getColumn(column).letter;
  sheet.addConditionalFormatting({
    ref: `${letter}${first}:${letter}${last}`,
    rules: [{ ...BAR, priority: 1 } as ExcelJS.DataBarRuleType],
  });
}

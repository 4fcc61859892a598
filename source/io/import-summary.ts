// What an import did, per sheet (kept apart from the importer: saying it needs no XLSX modules).
export interface ImportSummary {
  /** By sheet with data rows: rows that added a record, changed one, or matched one field for field. */
  sheets: Record<string, { added: number; updated: number; unchanged: number }>;
  /** The roster sheets the workbook does not hold: their records were left as they are. */
  absent: string[];
}

/** The CLI's and the TUI's lines: `干部 新增 2、更新 1、未变 7` (未变 only when there are some), then the absent sheets. */
export function importSummaryLines(summary: ImportSummary): string[] {
  const lines = Object.entries(summary.sheets).map(
    ([sheet, n]) => `${sheet} 新增 ${n.added}、更新 ${n.updated}${n.unchanged > 0 ? `、未变 ${n.unchanged}` : ''}`,
  );
  if (lines.length === 0) lines.push('没有数据行');
  if (summary.absent.length > 0) lines.push(`未包含（原有数据未动）：${summary.absent.join('、')}`);
  return lines;
}

/** One line: the lines joined by `；`. */
export function describeImport(summary: ImportSummary): string {
  return importSummaryLines(summary).join('；');
}

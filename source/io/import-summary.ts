// What an import did, per sheet (kept apart from the importer: saying it needs no XLSX modules).
export type ImportSummary = Record<string, { added: number; updated: number; unchanged: number }>;

/** One line for the CLI and the TUI: `干部 新增 2、更新 1、未变 7；…` (未变 only when there are some). */
export function describeImport(summary: ImportSummary): string {
  const parts = Object.entries(summary).map(([sheet, n]) => `${sheet} 新增 ${n.added}、更新 ${n.updated}${n.unchanged > 0 ? `、未变 ${n.unchanged}` : ''}`);
  return parts.join('；') || '没有数据行';
}

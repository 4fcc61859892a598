// Plain-text tables for terminals and SSH: columns aligned by display width (汉字 count two).
import { safeText } from '../domain/safe-text.js';

/** Async because string-width (~30 ms to load) is loaded only by the commands that print a table. */
export async function renderTable(headers: string[], rows: string[][]): Promise<string> {
  const { default: stringWidth } = await import('string-width');
  const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - stringWidth(text)));
  const cells = rows.map((r) => r.map(safeText));
  // A loop, not Math.max(...column): spreading 300,000 rows into one call overflows the stack.
  const widths = headers.map((h) => stringWidth(h));
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, stringWidth(c))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

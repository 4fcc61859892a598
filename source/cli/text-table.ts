// Plain-text tables for terminals and SSH: columns aligned by display width (汉字 count two).
import { safeText } from '../domain/safe-text.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Async because string-width (~30 ms to load) is loaded only by the commands that print a table. */
export async function renderTable(headers: string[], rows: string[][]): Promise<string> {
  const { default: stringWidth } = await import('string-width');
  // string-width segments graphemes (~40 µs a cell): dates and ids take the ASCII path, and the names,
  // targets and 形式 that repeat down a 300,000-row `contacts` listing are measured once.
  const known = new Map<string, number>();
  const width = (text: string): number => {
    if (PRINTABLE_ASCII.test(text)) return text.length;
    let w = known.get(text);
    if (w === undefined) known.set(text, (w = stringWidth(text)));
    return w;
  };
  const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - width(text)));
  const cells = rows.map((r) => r.map(safeText));
  // A loop, not Math.max(...column): spreading 300,000 rows into one call overflows the stack.
  const widths = headers.map((h) => width(h));
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

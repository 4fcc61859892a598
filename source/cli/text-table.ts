// Plain-text tables for terminals and SSH: columns aligned by display width (汉字 count two), and
// fitted to the terminal's width when asked, cutting the columns that may be cut with an ellipsis.
import { safeText } from '../domain/safe-text.js';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const GAP = 2;

/** Fit the table into `width` columns by narrowing the `shrink` columns (index → narrowest width). */
export interface TableFit {
  width: number;
  shrink: Record<number, number>;
}

/** Async because string-width (~30 ms to load) is loaded only by the commands that print a table. */
export async function renderTable(headers: string[], rows: string[][], fit?: TableFit): Promise<string> {
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
  let cells = rows.map((r) => r.map(safeText));
  // A loop, not Math.max(...column): spreading 300,000 rows into one call overflows the stack.
  const widths = headers.map((h) => width(h));
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  if (fit && narrow(widths, fit)) {
    const { default: cliTruncate } = await import('cli-truncate');
    const cut = (text: string, w: number) => {
      if (width(text) <= w) return text;
      // cli-truncate keeps a wide character that straddles the limit (one column over): ask for less.
      let out = cliTruncate(text, w, { position: 'end' });
      for (let n = w - 1; width(out) > w && n > 0; n--) out = cliTruncate(text, n, { position: 'end' });
      return out;
    };
    cells = cells.map((r) => r.map((c, i) => cut(c, widths[i]!)));
    headers = headers.map((h, i) => cut(h, widths[i]!));
  }
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i]!))
      .join(' '.repeat(GAP))
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** Narrows the widest shrinkable column, one column at a time, until the line fits; whether any was narrowed. */
function narrow(widths: number[], { width, shrink }: TableFit): boolean {
  let total = widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  let narrowed = false;
  while (total > width) {
    let widest = -1;
    for (const [key, min] of Object.entries(shrink)) {
      const i = Number(key);
      if (widths[i]! > min && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest]! -= 1;
    total -= 1;
    narrowed = true;
  }
  return narrowed;
}

// Plain-text tables for terminals and SSH: columns aligned by display width (汉字 count two).
import stringWidth from 'string-width';
import { safeText } from '../domain/safe-text.js';

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function renderTable(headers: string[], rows: string[][]): string {
  const cells = rows.map((r) => r.map(safeText));
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...cells.map((r) => stringWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

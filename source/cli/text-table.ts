// Plain-text tables for terminals and SSH: columns aligned by display width (汉字 count two).
import stringWidth from 'string-width';

/** Replaces control characters (ANSI escapes included) so names and notes cannot drive the terminal. */
export function safeText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '�');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function renderTable(headers: string[], rows: string[][]): string {
  const cells = rows.map((r) => r.map(safeText));
  const widths = headers.map((h, i) => Math.max(stringWidth(h), ...cells.map((r) => stringWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

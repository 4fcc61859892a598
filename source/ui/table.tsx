// ink-table's role (props data, columns, padding) with widths measured by string-width, so 汉字 align.
// ink-table 3.1.0 itself cannot load with ink 6 on Node 20 (CommonJS require of ink fails with
// ERR_REQUIRE_ASYNC_MODULE) and measures with String.length.
// The table fits the terminal's width: the widest column is narrowed first, and a cut cell ends in
// … (cli-truncate, by display width), so a cut name never reads as a whole one.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';
import { cut } from './components/layout.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';

type Row = Record<string, string | number>;

/** `text` in exactly `width` columns: padded, or cut with … when longer. */
export function fitCell(text: string, width: number): string {
  const out = cut(text, width);
  return out + ' '.repeat(Math.max(0, width - stringWidth(out)));
}

/** Column widths (at most `maxWidth` each) narrowed, widest first, until a line of them fits in `total`. */
export function columnWidths(natural: number[], maxWidth: number, total: number, perColumn: number): number[] {
  const widths = natural.map((w) => Math.min(maxWidth, w));
  const line = () => widths.reduce((sum, w) => sum + w + perColumn, 0) - 1;
  while (line() > total) {
    let widest = 0;
    widths.forEach((w, i) => (w > widths[widest]! ? (widest = i) : undefined));
    // Two columns keep a character and the …; below that nothing is left to narrow.
    if (widths[widest]! <= 2) break;
    widths[widest]! -= 1;
  }
  return widths;
}

interface Props {
  data: Row[];
  columns?: string[];
  padding?: number;
  maxWidth?: number;
  /** The width to fit in; the terminal's by default. */
  width?: number;
}

export function Table({ data, columns, padding = 1, maxWidth = 30, width }: Props) {
  const terminal = useTerminalSize();
  const cols = columns ?? Object.keys(data[0] ?? {});
  const natural = cols.map((c) => Math.max(stringWidth(c), ...data.map((r) => stringWidth(String(r[c] ?? '')))));
  const widths = columnWidths(natural, maxWidth, width ?? terminal.columns, 2 * padding + 1);
  const pad = ' '.repeat(padding);
  const line = (cells: string[]) => cells.map((c, i) => pad + fitCell(c, widths[i]!) + pad).join('│');
  return (
    <Box flexDirection="column">
      <Text bold>{line(cols)}</Text>
      <Text>{widths.map((w) => '─'.repeat(w + 2 * padding)).join('┼')}</Text>
      {data.map((r, i) => (
        <Text key={i}>{line(cols.map((c) => String(r[c] ?? '')))}</Text>
      ))}
    </Box>
  );
}

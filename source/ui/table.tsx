// ink-table's role (props data, columns, padding) with widths measured by string-width, so 汉字 align.
// ink-table 3.1.0 itself cannot load with ink 6 on Node 20 (CommonJS require of ink fails with
// ERR_REQUIRE_ASYNC_MODULE) and measures with String.length.
import { Box, Text } from 'ink';
import stringWidth from 'string-width';

type Row = Record<string, string | number>;

function fit(text: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = stringWidth(ch);
    if (w + cw > width) break;
    out += ch;
    w += cw;
  }
  return out + ' '.repeat(width - w);
}

export function Table({ data, columns, padding = 1, maxWidth = 30 }: { data: Row[]; columns?: string[]; padding?: number; maxWidth?: number }) {
  const cols = columns ?? Object.keys(data[0] ?? {});
  const widths = cols.map((c) => Math.min(maxWidth, Math.max(stringWidth(c), ...data.map((r) => stringWidth(String(r[c] ?? ''))))));
  const pad = ' '.repeat(padding);
  const line = (cells: string[]) => cells.map((c, i) => pad + fit(c, widths[i]!) + pad).join('│');
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

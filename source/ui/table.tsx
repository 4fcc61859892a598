// ink-table's role (props data, columns, padding) with widths measured by string-width, so 汉字 align.
// ink-table 3.1.0 itself cannot load with ink 6 on Node 20 (CommonJS require of ink fails with
// ERR_REQUIRE_ASYNC_MODULE) and measures with String.length.
// The table fits the terminal's width by cutting columns in their order below: notes first, then
// names, then class names; dates, 工号 and 学号, marks and counts are never cut, nor a namesake named
// with its 工号 (李明（T011）) or a dorm (5号楼-301), which cut would leave two alike. A cut cell ends
// in … (cli-truncate, by display width), so a cut name never reads as a whole one.
import { Box, Text } from 'ink';
import { cut } from './components/layout.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { textWidth } from './text-width.js';

type Row = Record<string, string | number>;

/** `text` in exactly `width` columns: padded, or cut with … when longer. */
export function fitCell(text: string, width: number): string {
  const out = cut(text, width);
  return out + ' '.repeat(Math.max(0, width - textWidth(out)));
}

/** When a column is cut: 3 first, then 2, then 1; 0 never (nor narrowed to `maxWidth`). */
export type CutOrder = 0 | 1 | 2 | 3;

/** Each column header's cut order; a header not named here is cut last (1). */
const CUT_ORDER: Record<string, CutOrder> = {
  备注: 3,
  部门: 3,
  寝室长: 3,
  类别: 3,
  姓名: 2,
  干部: 2,
  联系干部: 2,
  班主任: 2,
  辅导员: 2,
  对象: 2,
  归属: 2,
  学院: 2,
  寝室: 2,
  形式: 2,
  ' ': 0,
  日期: 0,
  工号: 0,
  学号: 0,
  最近联系: 0,
  毕业: 0,
  窗口: 0,
  状态: 0,
  类型: 0,
  学期: 0,
  人数: 0,
  本月完成: 0,
  逾期: 0,
  待完成: 0,
};

/** The cut order of a column: the duty grid's month columns (9月, 10月…) are never cut. */
export const cutOrder = (header: string): CutOrder => CUT_ORDER[header] ?? (/^\d{1,2}月$/.test(header) ? 0 : 1);

/** Below this a column is narrowed only when cutting every column to it was not enough. */
const READABLE = 6;

/** A 学号 or 工号 leading a cell (2024010001 王小明): cut after it, never inside it. */
const LEADING_CODE = /^[0-9A-Za-z][0-9A-Za-z-]{3,} /;

/** A name told apart by what ends it: a namesake's （工号）, a dorm's -房间号 (one of them, not a list). */
const TRAILING_CODE = /^[^、]+(?:（[0-9A-Za-z-]+）|-[0-9A-Za-z]+)$/;

/** The narrowest a cell may be cut to: its leading code and the …, all of it when a code ends it, else one character and the …. */
export function cellFloor(text: string): number {
  if (TRAILING_CODE.test(text)) return textWidth(text);
  const code = LEADING_CODE.exec(text);
  return code ? Math.min(textWidth(text), code[0].length) : 2;
}

/**
 * Column widths that fit a line in `total`: each column at most `maxWidth` (but one never cut), widened
 * again while the line has room, then narrowed in cut order, the widest of a rank first, to 6 columns (a short name and its …), then
 * again to `floors` (one character and the …, or a leading code and the …). Columns of order 0 keep
 * their width; a line that still does not fit is left to the caller.
 */
export function columnWidths(
  natural: number[],
  maxWidth: number,
  total: number,
  perColumn: number,
  order: CutOrder[] = natural.map(() => 1),
  floors: number[] = natural.map(() => 2),
): number[] {
  const widths = natural.map((w, i) => (order[i] === 0 ? w : Math.max(Math.min(maxWidth, w), Math.min(w, floors[i]!))));
  const line = () => widths.reduce((sum, w) => sum + w + perColumn, 0) - 1;
  // maxWidth is where a column starts, not a cut when the line has room: the room left goes back to the
  // capped columns, those cut last first, so a 学号 and name or a class name shows whole when it fits.
  for (const rank of [1, 2, 3] as const) {
    widths.forEach((w, i) => {
      if (order[i] === rank && w < natural[i]!) widths[i] = w + Math.max(0, Math.min(natural[i]! - w, total - line()));
    });
  }
  for (const pass of [READABLE, 0]) {
    for (const rank of [3, 2, 1] as const) {
      while (line() > total) {
        let widest = -1;
        widths.forEach((w, i) =>
          order[i] === rank && w > Math.max(pass, floors[i]!) && (widest < 0 || w > widths[widest]!)
            ? (widest = i)
            : undefined,
        );
        if (widest < 0) break;
        widths[widest]! -= 1;
      }
    }
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
  const natural = cols.map((c) => Math.max(textWidth(c), ...data.map((r) => textWidth(String(r[c] ?? '')))));
  const floors = cols.map((c) => Math.max(2, ...data.map((r) => cellFloor(String(r[c] ?? '')))));
  const widths = columnWidths(
    natural,
    maxWidth,
    width ?? terminal.columns,
    2 * padding + 1,
    cols.map(cutOrder),
    floors,
  );
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

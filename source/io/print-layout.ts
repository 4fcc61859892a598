// How the exported sheets print: A4, fitted to the page width, header rows repeated, and row heights
// computed from what each cell holds, so no line prints over its neighbours or is clipped.
//
// Excel and WPS print 宋体: a Chinese character one em wide (two "units", string-width's double width),
// a Latin one half an em, and a column width unit is the default font's digit, 7 px. LibreOffice on a
// Debian server has neither 宋体 nor Calibri: it draws Chinese in Noto CJK and Latin in DejaVu Sans
// (digits 0.6 em), but it also sizes a width unit by DejaVu's digit (7 pt, not 7 px), so every line
// holds more there than in Excel. Wrapping is therefore counted as Excel does; the line height is the
// taller one, LibreOffice's (Noto CJK: about 1.45 em; 宋体 in Excel: 1.3 em).
import type ExcelJS from 'exceljs';
import stringWidth from 'string-width';

/** Points per line, in ems of the font size: above Noto CJK's 1.45 em and Excel's 1.3 em for 宋体. */
const LINE_EM = 1.5;
/** Points above and below the text in every row. */
const ROW_PADDING_PT = 4;
/** Pixels per Excel column-width unit (the default font's digit width) and the cell's inner padding. */
const PX_PER_WIDTH = 7;
const CELL_PADDING_PX = 8;
/** Share of a line counted as usable: room for wide Latin capitals (DejaVu's W, M) and for punctuation moved by line-breaking rules. */
const FILL = 0.9;
/** Pixels per point at 96 dpi. */
const PX_PER_PT = 96 / 72;

export type Orientation = 'portrait' | 'landscape';

/** A4, fitted to one page wide, as many pages long as it takes; `titleRows` ("2:3") repeat on every page. */
export function printOnA4(sheet: ExcelJS.Worksheet, orientation: Orientation, titleRows?: string): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
}

const charWidths = new Map<string, number>();

/**
 * Half-em units a text takes: Chinese 2 a character, Latin 1. Measured a character at a time, each
 * character once (string-width segments its whole input, ~40 µs a call: a school's report has ~100,000
 * tokens); a sequence such as an emoji with joiners counts as the sum of its parts, never less.
 */
function units(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch < '\u007f') {
      n += 1;
      continue;
    }
    let w = charWidths.get(ch);
    if (w === undefined) charWidths.set(ch, (w = stringWidth(ch)));
    n += w;
  }
  return n;
}

/** Half-em units that fit on one line of a cell `width` column units wide, at `fontSize` points. */
function lineCapacity(width: number, fontSize: number): number {
  const px = width * PX_PER_WIDTH + 5 - CELL_PADDING_PX;
  return Math.max(1, (FILL * px) / ((fontSize / 2) * PX_PER_PT));
}

/**
 * Lines a paragraph (no explicit breaks) wraps to: Chinese may break between any two characters,
 * a Latin word only at spaces unless it is longer than a whole line.
 */
function wrappedLines(paragraph: string, capacity: number): number {
  const tokens = paragraph.match(/\s+|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]+|./gu) ?? [];
  let lines = 1;
  let used = 0;
  for (const token of tokens) {
    const w = units(token);
    if (used + w <= capacity) {
      used += w;
    } else if (/^\s+$/.test(token)) {
      used = capacity; // a space at the end of a line is dropped; the next word starts a new line
    } else if (w <= capacity) {
      lines += 1;
      used = w;
    } else {
      // A word wider than the line is cut by characters.
      for (const ch of token) {
        const cw = units(ch);
        if (used + cw > capacity) {
          lines += 1;
          used = 0;
        }
        used += cw;
      }
    }
  }
  return lines;
}

/** Lines a text takes in a cell: its explicit breaks and the wrapping its width forces. */
export function lineCount(text: string, width: number, fontSize = 11): number {
  const capacity = lineCapacity(width, fontSize);
  return text.split('\n').reduce((n, p) => n + wrappedLines(p, capacity), 0);
}

/** Excel's tallest row, in points. */
export const MAX_ROW_PT = 409;

/** Row height in points for `lines` lines at `fontSize` (at most Excel's limit). */
export function heightFor(lines: number, fontSize = 11): number {
  return Math.min(MAX_ROW_PT, Math.ceil(Math.max(1, lines) * fontSize * LINE_EM + ROW_PADDING_PT));
}

function columnWidth(sheet: ExcelJS.Worksheet, col: number): number {
  return sheet.getColumn(col).width ?? 9;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return typeof v === 'object' ? String(cell.text) : String(v);
}

/**
 * Sets each row from `from` to `to` to the height its tallest cell needs. A merged cell is measured
 * across the columns it spans; one spanning several rows is left to those rows (the forms give it
 * fewer lines than the rows it spans hold).
 */
export function fitRowHeights(sheet: ExcelJS.Worksheet, from: number, to: number): void {
  const lastCol = sheet.columnCount;
  for (let r = from; r <= to; r++) {
    let lines = 1;
    let fontSize = 11;
    for (let c = 1; c <= lastCol; c++) {
      const cell = sheet.getCell(r, c);
      if (cell.isMerged && (cell.master !== cell || sheet.getCell(r + 1, c).master === cell)) continue;
      const text = cellText(cell);
      if (text === '') continue;
      let width = columnWidth(sheet, c);
      for (let k = c + 1; k <= lastCol && sheet.getCell(r, k).isMerged && sheet.getCell(r, k).master === cell; k++) width += columnWidth(sheet, k);
      const size = cell.font?.size ?? 11;
      const needed = lineCount(text, width, size);
      if (heightFor(needed, size) > heightFor(lines, fontSize)) {
        lines = needed;
        fontSize = size;
      }
    }
    sheet.getRow(r).height = heightFor(lines, fontSize);
  }
}

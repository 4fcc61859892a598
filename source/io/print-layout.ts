// How the exported sheets print: A4, fitted to the page width, header rows repeated, page numbers in the
// footer, and row heights computed from what each cell holds, so no line prints over its neighbours, is
// clipped, or crosses a border, whichever program prints it.
//
// The programs differ in both directions, so each measure takes the least favourable one. A column-width
// unit is 7 px = 5.25 pt in Excel and gnumeric, 5.55 pt in LibreOffice: lines are counted in the narrower
// one. Without 宋体 on the machine, Latin text is set in DejaVu Sans (LibreOffice, gnumeric), wider than
// 宋体's half-em or Carlito (Calibri's metrics): Latin characters are measured at DejaVu's widths, Chinese
// at one em. Lines are 1.45 em apart in LibreOffice, 1.3 em in Excel and 1.57 em in gnumeric: rows give
// each line the gnumeric pitch. The page is fitted by its width in LibreOffice's wider unit, so the forms'
// column widths are chosen to keep the printed text at the size each form promises.
import type ExcelJS from 'exceljs';
import stringWidth from 'string-width';

/** Points per line, in ems of the font size: above gnumeric's 1.57 em, LibreOffice's 1.45 and Excel's 1.3. */
const LINE_EM = 1.6;
/** Points above and below the text in every row. */
const ROW_PADDING_PT = 4;
/** Points per column-width unit in the narrowest program (Excel, gnumeric: 7 px) and the cell's inner padding. */
const PT_PER_WIDTH = 5.25;
const CELL_PADDING_PT = 3;
/** Share of a line counted as usable: room for punctuation moved by line-breaking rules. */
const FILL = 0.95;

/** Latin characters' widths in DejaVu Sans, in ems, rounded up; bold Latin is a tenth wider. */
const LATIN_EM: Array<[RegExp, number]> = [
  [/[.,:;'|!il]/, 0.34],
  [/[mwMW@%]/, 1],
  [/[0-9]/, 0.64],
  [/[A-Z#&]/, 0.78],
  [/[a-z?_=+<>~$^]/, 0.64],
  [/[-/()[\]{} *"]/, 0.4],
];
const OTHER_LATIN_EM = 0.64;
const BOLD_LATIN = 1.1;

export type Orientation = 'portrait' | 'landscape';

export interface PrintOptions {
  /** Rows repeated at the top of every page ("2:3"). */
  titleRows?: string;
  /** The page header's left and right parts (plain text). */
  header?: { left: string; right: string };
  /** Fit the sheet on one page (its estimated height allows it at a legible size). */
  onePage?: boolean;
}

/** The footer of every form: "第 N 页 共 M 页". */
export const PAGE_FOOTER = '&C第 &P 页 共 &N 页';

/** A header or footer text as Excel's codes read it: & doubled. */
const headerText = (text: string) => text.replace(/&/g, '&&');

/** A4, fitted to one page wide (and tall with `onePage`), numbered pages, `titleRows` repeated, an optional header. */
export function printOnA4(sheet: ExcelJS.Worksheet, orientation: Orientation, options: PrintOptions = {}): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: options.onePage ? 1 : 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(options.titleRows ? { printTitlesRow: options.titleRows } : {}),
  };
  const header = options.header ? `&L${headerText(options.header.left)}&R${headerText(options.header.right)}` : '';
  sheet.headerFooter = { ...sheet.headerFooter, oddHeader: header, oddFooter: PAGE_FOOTER };
}

/** Printable height of a portrait A4 page inside its margins, in points. */
export const A4_PORTRAIT_BODY_PT = (11.69 - 1.2) * 72;

const charWidths = new Map<string, number>();

/** A character's width in ems: Latin at DejaVu Sans's widths; any other one em (Chinese, and the rest to be safe). */
function charEm(ch: string, bold: boolean): number {
  if (ch < '\u007f') {
    const em = LATIN_EM.find(([re]) => re.test(ch))?.[1] ?? OTHER_LATIN_EM;
    return bold ? em * BOLD_LATIN : em;
  }
  let w = charWidths.get(ch);
  if (w === undefined) charWidths.set(ch, (w = stringWidth(ch)));
  return w === 0 ? 0 : 1;
}

/**
 * A text's width in ems. Measured a character at a time, each character once (string-width segments its
 * whole input, ~40 µs a call: a school's report has ~100,000 tokens); a sequence such as an emoji with
 * joiners counts as the sum of its parts, never less.
 */
function ems(text: string, bold: boolean): number {
  let n = 0;
  for (const ch of text) n += charEm(ch, bold);
  return n;
}

/** Ems that fit on one line of a cell `width` column units wide, at `fontSize` points. */
function lineCapacity(width: number, fontSize: number): number {
  return Math.max(0.5, (FILL * (width * PT_PER_WIDTH - 2 * CELL_PADDING_PT)) / fontSize);
}

const IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Punctuation no line ends after (opening) and none starts with (closing). */
const OPENING = /[（“《〈【「『‘([{]/u;
const CLOSING = /[）”》〉】」』’，、。：；！？)\]},.:;!?%]/u;

/**
 * The pieces a paragraph may break between, as gnumeric's line breaking (Pango, Unicode's rules) finds
 * them, or fewer: spaces; between two Chinese characters; never after opening or before closing
 * punctuation. A run of Latin letters, digits and signs stays whole, together with the Chinese characters
 * and punctuation it touches ("区）-702：", "Schmidt-Wolfgang走").
 */
function pieces(paragraph: string): string[] {
  const out: string[] = [];
  let piece = '';
  let prev = '';
  for (const ch of paragraph) {
    const space = /\s/.test(ch);
    const breaks =
      piece !== '' &&
      (space ||
        /\s/.test(prev) ||
        (!OPENING.test(prev) &&
          !CLOSING.test(ch) &&
          (IDEOGRAPH.test(prev) || CLOSING.test(prev)) &&
          (IDEOGRAPH.test(ch) || OPENING.test(ch))));
    if (breaks) {
      out.push(piece);
      piece = '';
    }
    piece += ch;
    prev = ch;
  }
  if (piece !== '') out.push(piece);
  return out;
}

/** Lines a paragraph (no explicit breaks) wraps to: at the breaks `pieces` finds, and inside a piece longer than a line. */
function wrappedLines(paragraph: string, capacity: number, bold: boolean): number {
  let lines = 1;
  let used = 0;
  for (const token of pieces(paragraph)) {
    const w = ems(token, bold);
    if (used + w <= capacity) {
      used += w;
    } else if (/^\s+$/.test(token)) {
      used = capacity; // a space at the end of a line is dropped; the next word starts a new line
    } else if (w <= capacity) {
      lines += 1;
      used = w;
    } else {
      // A piece wider than the line is cut by characters.
      for (const ch of token) {
        const cw = charEm(ch, bold);
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
export function lineCount(text: string, width: number, fontSize = 11, bold = false): number {
  const capacity = lineCapacity(width, fontSize);
  return text.split('\n').reduce((n, p) => n + wrappedLines(p, capacity, bold), 0);
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
      for (let k = c + 1; k <= lastCol && sheet.getCell(r, k).isMerged && sheet.getCell(r, k).master === cell; k++)
        width += columnWidth(sheet, k);
      const size = cell.font?.size ?? 11;
      const needed = lineCount(text, width, size, cell.font?.bold ?? false);
      if (heightFor(needed, size) > heightFor(lines, fontSize)) {
        lines = needed;
        fontSize = size;
      }
    }
    sheet.getRow(r).height = heightFor(lines, fontSize);
  }
}

// Writing exported workbooks: text cells that stay text, thin borders, the forms' marks, titles and
// dates, Excel-safe sheet names, and an atomic, private, no-clobber save.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import type { IsoDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { ExportExistsError } from './export-exists-error.js';
import { writePrivateFile } from '../files/private-files.js';
import { storageProblem } from '../files/storage-errors.js';

export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * Sets a cell to plain text. Strings are never formulas in XLSX, but a text that looks like one
 * (=, +, -, @) also gets the text number format, so re-typing the cell in Excel keeps it text;
 * phone numbers and 学号 stay text with their leading zeros.
 */
export function setText(cell: ExcelJS.Cell, value: string): void {
  cell.value = value;
  cell.numFmt = '@';
}

/**
 * A phone field as the forms print it: each number on its own line ("13800001111 / 0579-85552039" is two),
 * so a line break never falls inside a number (LibreOffice breaks after a hyphen).
 */
export function phoneLines(text: string): string {
  return text
    .split(/\s*[/／,，、;；]\s*/)
    .filter(Boolean)
    .join('\n');
}

export function boxed(cell: ExcelJS.Cell, options: { bold?: boolean; center?: boolean; wrap?: boolean } = {}): void {
  cell.border = THIN_BORDER;
  cell.font = { name: '宋体', size: 11, bold: options.bold ?? false };
  cell.alignment = {
    vertical: 'middle',
    horizontal: options.center ? 'center' : 'left',
    wrapText: options.wrap ?? true,
  };
}

/**
 * Saves a workbook through the store's private-file writer (temp file, fsync, rename, mode 0600);
 * refuses to replace a file without `force`, and never writes through a symbolic link.
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string, force = false): Promise<void> {
  if (!file.toLowerCase().endsWith('.xlsx')) throw new UserError(`导出文件名应以 .xlsx 结尾：${file}`);
  // Excel and WPS keep "~$name.xlsx" beside a workbook while it is open.
  if (existsSync(join(dirname(file), `~$${basename(file)}`))) {
    throw new UserError(`文件 ${file} 正在 Excel/WPS 中打开：请先关闭它再导出`);
  }
  if (existsSync(file) && !force) throw new ExportExistsError(file);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  try {
    await writePrivateFile(file, buffer);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const problem = storageProblem(error, file);
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UserError(
      `未导出：${problem ?? `无法写入 ${file}（${code}）：请检查目录是否存在、文件是否正被 Excel/WPS 打开`}`,
    );
  }
}

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });

/** The longest start of `text` of whole characters (never half a surrogate pair or an accent) within `max` UTF-16 units. */
function cut(text: string, max: number): string {
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out;
}

/**
 * A sheet name Excel accepts: 1–31 characters, none of : \ / ? * [ ], no apostrophe first or last,
 * not "History" (reserved), unique within the workbook ignoring case. `taken` holds the names given so far.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, '_').trim();
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : `(${n})`;
    const name =
      cut(clean, 31 - suffix.length)
        .replace(/^'+|'+$/g, '')
        .trim() + suffix || '表';
    const keys = [name.toLowerCase(), name.toUpperCase()];
    if (keys[0] === 'history' || keys.some((k) => taken.has(k))) continue;
    for (const k of keys) taken.add(k);
    return name;
  }
}

/** A date as the forms write it: 2027-01-21 → 2027年1月21日. */
export function formDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The mark above a form ("附件 1"), as in the document: 黑体, left, alone on the first row. */
export function markCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { name: '黑体', size: 12 };
  cell.alignment = { vertical: 'middle', horizontal: 'left' };
}

/** A right-aligned note beside the mark: the date the form was filled in, or the date its data is as of. */
export function dateNoteCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { name: '宋体', size: 11 };
  cell.alignment = { vertical: 'middle', horizontal: 'right' };
}

/** A title row: 黑体, centred. */
export function titleCell(cell: ExcelJS.Cell, text: string, size: number): void {
  cell.value = text;
  cell.font = { name: '黑体', size, bold: true };
  cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
}

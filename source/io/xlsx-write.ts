// Writing exported workbooks safely: text cells that stay text, thin borders, and an atomic,
// private, no-clobber save.
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../domain/errors.js';

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

export function boxed(cell: ExcelJS.Cell, options: { bold?: boolean; center?: boolean; wrap?: boolean } = {}): void {
  cell.border = THIN_BORDER;
  cell.font = { name: '宋体', size: 11, bold: options.bold ?? false };
  cell.alignment = { vertical: 'middle', horizontal: options.center ? 'center' : 'left', wrapText: options.wrap ?? true };
}

/** Saves a workbook atomically (temp file, fsync, rename) with mode 0600; refuses to replace a file without `force`. */
export async function saveWorkbook(workbook: ExcelJS.Workbook, file: string, force = false): Promise<void> {
  if (!file.toLowerCase().endsWith('.xlsx')) throw new UserError(`导出文件名应以 .xlsx 结尾：${file}`);
  // Excel and WPS keep "~$name.xlsx" beside a workbook while it is open.
  if (existsSync(join(dirname(file), `~$${basename(file)}`))) {
    throw new UserError(`文件 ${file} 正在 Excel/WPS 中打开：请先关闭它再导出`);
  }
  if (existsSync(file) && !force) throw new UserError(`文件 ${file} 已存在：如需覆盖请加 --force（请先在 Excel/WPS 中关闭该文件）`);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  try {
    await writeFileAtomic(file, buffer, { mode: 0o600 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UserError(`无法写入 ${file}（${code}）：请检查目录是否存在、文件是否正被 Excel/WPS 打开`);
  }
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique within the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '_').slice(0, 28) || '表';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}(${n})`;
  taken.add(name);
  return name;
}

// Reading a roster workbook into rows: the file's size and zip checked before exceljs sees it, each
// sheet's header found, the grey example row and empty rows skipped, every cell read as text or a date.
import { existsSync, readFileSync, statSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { UserError } from '../domain/errors.js';
import { cellDate, cellText, readCell } from './roster-cells.js';
import { EXAMPLE_FONT_COLOR, ROSTER_SHEETS } from './roster-sheets.js';
import { MAX_FILE_BYTES, MAX_ROWS, tooBigMessage } from './roster-limits.js';
import { checkXlsxZip } from './roster-zip.js';

export { MAX_FILE_BYTES, MAX_ROWS };

/** A data row of a sheet: its cells by header, as text, or as a date. */
export interface Row {
  sheet: string;
  rowNo: number;
  get: (header: string) => string;
  date: (header: string) => string | null;
}

/** The rows of each roster sheet in the workbook, and the roster sheets it does not hold. */
export interface RowsRead {
  rows: Map<string, Row[]>;
  absent: string[];
}

/** The workbook's bytes: read from `file`, or given (`file` then only names them, as 标准输入). */
function workbookBytes(file: string, given: Buffer | undefined): Buffer {
  if (given !== undefined) return given;
  if (!existsSync(file)) throw new UserError(`找不到文件 ${file}：请检查路径`);
  const stat = statSync(file);
  if (!stat.isFile()) throw new UserError(`${file} 不是文件：请给出 .xlsx 文件的路径`);
  if (stat.size > MAX_FILE_BYTES) throw new UserError(tooBigMessage(file));
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UserError(
      `无法读取文件 ${file}（${(error as NodeJS.ErrnoException).code ?? '读取失败'}）：请检查文件权限`,
    );
  }
}

export async function readRows(file: string, errors: string[], bytes?: Buffer): Promise<RowsRead> {
  const buffer = workbookBytes(file, bytes);
  if (buffer.length > MAX_FILE_BYTES) throw new UserError(tooBigMessage(file));
  await checkXlsxZip(buffer, file, MAX_ROWS);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw new UserError(`无法读取 ${file}：不是有效的 XLSX 文件（${(error as Error).message.slice(0, 80)}）`);
  }
  const out = new Map<string, Row[]>();
  // A workbook may hold only some sheets (SPEC): the others are left as they are.
  const absent = ROSTER_SHEETS.filter((spec) => !workbook.getWorksheet(spec.name)).map((spec) => spec.name);
  if (absent.length === ROSTER_SHEETS.length) {
    throw new UserError(`${file} 中没有花名册的工作表（${absent.join('、')}）：请在 template 命令生成的模板中填写`);
  }
  for (const spec of ROSTER_SHEETS) {
    const sheet = workbook.getWorksheet(spec.name);
    if (!sheet) continue;
    if (sheet.actualRowCount > MAX_ROWS + 1) throw new UserError(`工作表“${spec.name}”超过 ${MAX_ROWS} 行，拒绝导入`);
    const columns = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, col) => columns.set(cellText(cell), col));
    const missing = spec.requiredHeaders.filter((h) => !columns.has(h));
    if (spec.name === '联系分配' || spec.name === '联系记录') {
      if (!columns.has('干部姓名') && !columns.has('工号')) missing.push('干部姓名 或 工号');
    }
    for (const h of missing) errors.push(`${spec.name}, 第1行, ${h}: 缺少表头“${h}”`);
    if (missing.length > 0) continue;
    const rows: Row[] = [];
    sheet.eachRow((row, rowNo) => {
      if (rowNo === 1) return;
      const cellOf = (h: string) => {
        const col = columns.get(h);
        return col === undefined ? null : row.getCell(col);
      };
      const present = spec.headers
        .map((h) => [h, cellOf(h)] as const)
        .filter((p): p is readonly [string, ExcelJS.Cell] => p[1] !== null);
      const texts = new Map<string, string>();
      let problems = false;
      for (const [h, c] of present) {
        const read = readCell(c, h);
        texts.set(h, read.text);
        if (read.problem !== undefined) {
          errors.push(`${spec.name}, 第${rowNo}行, ${h}: ${read.problem}`);
          problems = true;
        }
      }
      if (!problems && [...texts.values()].every((t) => t === '')) return;
      // The template's example row is skipped; a row typed over it keeps its grey font and is data.
      const grey = present.some(([, c]) => c.font?.color?.argb === EXAMPLE_FONT_COLOR);
      if (grey && present.every(([h]) => texts.get(h) === (spec.example[spec.headers.indexOf(h)] ?? ''))) return;
      rows.push({
        sheet: spec.name,
        rowNo,
        get: (h) => texts.get(h) ?? '',
        date: (h) => {
          const c = cellOf(h);
          return c && texts.get(h) !== '' ? cellDate(c) : null;
        },
      });
    });
    out.set(spec.name, rows);
  }
  return { rows: out, absent };
}

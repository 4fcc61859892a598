// An .xlsx is a zip: before exceljs inflates every entry into memory, read the zip's central directory
// with the same library exceljs uses (jszip, so both see the same entries) and refuse zip bombs.
import JSZip from 'jszip';
import { UserError } from '../domain/errors.js';
import { safeText } from '../domain/safe-text.js';
import { MAX_CELLS } from './roster-limits.js';

/** All entries together, inflated. A 50 000-row roster is well under 100 MB of XML. */
export const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Inflated ÷ compressed size of one entry; spreadsheet XML stays far below this. */
export const MAX_COMPRESSION_RATIO = 200;
/** Entries this small are never a bomb, whatever their ratio. */
const RATIO_GRACE_BYTES = 1024 * 1024;
export const MAX_ENTRIES = 10_000;

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

interface EntrySizes {
  compressedSize?: unknown;
  uncompressedSize?: unknown;
}

/** Sizes from the central directory (jszip keeps them on the entry's compressed data). */
function declaredSizes(entry: JSZip.JSZipObject): { compressed: number; uncompressed: number } | null {
  const data = (entry as unknown as { _data?: EntrySizes })._data;
  if (!data || typeof data.compressedSize !== 'number' || typeof data.uncompressedSize !== 'number') return null;
  return { compressed: data.compressedSize, uncompressed: data.uncompressedSize };
}

function bomb(file: string, why: string): UserError {
  return new UserError(
    `文件 ${file} 解压后过大（${why}），疑似“压缩炸弹”，拒绝导入：请在 Excel 中另存为新的 .xlsx 后再导入`,
  );
}

/** Inflates one entry without keeping it, stopping as soon as it passes `limit` bytes. */
function inflatedLength(entry: JSZip.JSZipObject, limit: number): Promise<number> {
  // jszip's stream is an old-style readable (no async iteration): count its 'data' events.
  const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & { destroy?: () => void };
  return new Promise((resolve, reject) => {
    let length = 0;
    const stop = (settle: () => void) => {
      stream.removeAllListeners('data');
      stream.pause();
      stream.destroy?.();
      settle();
    };
    stream.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) stop(() => resolve(length));
    });
    stream.on('end', () => resolve(length));
    stream.on('error', (error: Error) => stop(() => reject(error)));
  });
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const xmlText = (raw: string) =>
  raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (all, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (XML_ENTITIES[e] ?? all),
  );
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Each worksheet entry's sheet name, from xl/workbook.xml and its relationships. */
async function sheetNamesByEntry(zip: JSZip): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (workbook === undefined || rels === undefined) return names;
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id !== undefined && target !== undefined)
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const [tag] of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attr(tag, 'r:id') ?? '');
    const name = attr(tag, 'name');
    if (target !== undefined && name !== undefined) names.set(target, xmlText(name));
  }
  return names;
}

/** Rows that hold a value (a formatted empty row is no row: exceljs's actualRowCount). */
function rowsWithValues(xml: string): number {
  let count = 0;
  for (const m of xml.matchAll(/<row\b[^>]*?(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    if (m[1] !== undefined && /<(?:v|is|f)[\s>]/.test(m[1])) count += 1;
  }
  return count;
}

/**
 * Each worksheet's XML, read once, before exceljs builds the workbook (a 200 000-row sheet took it
 * 7 s and 1 GB): a sheet of more than `maxRows` data rows is refused by its count of rows with
 * values, a workbook of more than MAX_CELLS cells by its count of cells. And a cell of type "s" holds an index into the shared strings; exceljs takes an index past
 * their end for the number itself (a damaged file would import "99999"): refused, naming the cell.
 */
async function checkSheets(zip: JSZip, file: string, maxRows: number): Promise<void> {
  const names = await sheetNamesByEntry(zip);
  const table = zip.file('xl/sharedStrings.xml');
  const count = table ? ((await table.async('string')).match(/<si[\s>/]/g)?.length ?? 0) : 0;
  let cells = 0;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    const xml = await entry.async('string');
    // Every cell, empty or not: exceljs makes an object of each.
    cells += xml.match(/<c[\s>/]/g)?.length ?? 0;
    if (cells > MAX_CELLS) {
      throw new UserError(
        `文件 ${file} 的单元格超过 ${MAX_CELLS} 个（每张表最多 ${maxRows} 行），拒绝导入：请删除多余的行和列，或拆分后分批导入`,
      );
    }
    if (rowsWithValues(xml) > maxRows + 1) {
      throw new UserError(
        `工作表“${safeText(names.get(entry.name) ?? entry.name.slice(14))}”超过 ${maxRows} 行，拒绝导入`,
      );
    }
    for (const m of xml.matchAll(/<c\b([^>]*\bt="s"[^>]*)>\s*<v>\s*(\d+)\s*<\/v>/g)) {
      if (Number(m[2]) < count) continue;
      const ref = /\br="([A-Z]{1,3}\d{1,7})"/.exec(m[1]!)?.[1] ?? '?';
      throw new UserError(
        `文件 ${file} 已损坏：${safeText(entry.name.slice(14, 60))} 的单元格 ${ref} 引用了不存在的共享字符串（第 ${m[2]} 个，文件中只有 ${count} 个）：请在 Excel 中打开并另存为 .xlsx 后再导入`,
      );
    }
  }
}

/**
 * Refuses a file that is not a zip, or whose entries would inflate past MAX_UNCOMPRESSED_BYTES or
 * past MAX_COMPRESSION_RATIO. The declared sizes are checked first, then the real ones (a forged
 * central directory can understate them), entry by entry without keeping the inflated bytes; then
 * each sheet's row count (at most `maxRows` data rows), the count of cells and that every shared-string index points into
 * the table.
 */
export async function checkXlsxZip(buffer: Buffer, file: string, maxRows: number): Promise<void> {
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) {
    const head = buffer.subarray(0, 512).toString('utf8');
    const hint = /[,，\t]/.test(head) && !head.includes('\u0000') ? '看起来是 CSV 或文本文件，' : '';
    throw new UserError(
      `文件 ${file} 不是 XLSX 文件（${hint}XLSX 是 zip 压缩包）：请在 Excel 中“另存为” Excel 工作簿（.xlsx）后再导入`,
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch {
    throw new UserError(
      `文件 ${file} 不是有效的 XLSX 文件（zip 压缩包已损坏）：请在 Excel 中打开并另存为 .xlsx 后再导入`,
    );
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > MAX_ENTRIES) throw bomb(file, `包含 ${entries.length} 个文件`);
  let declaredTotal = 0;
  for (const entry of entries) {
    const sizes = declaredSizes(entry);
    if (!sizes) continue;
    declaredTotal += sizes.uncompressed;
    if (declaredTotal > MAX_UNCOMPRESSED_BYTES) throw bomb(file, `超过 ${MB(MAX_UNCOMPRESSED_BYTES)}`);
    if (sizes.uncompressed > RATIO_GRACE_BYTES && sizes.uncompressed > sizes.compressed * MAX_COMPRESSION_RATIO) {
      throw bomb(file, `其中 ${safeText(entry.name.slice(0, 60))} 压缩比超过 ${MAX_COMPRESSION_RATIO}:1`);
    }
  }
  let total = 0;
  for (const entry of entries) {
    const sizes = declaredSizes(entry);
    const left = MAX_UNCOMPRESSED_BYTES - total;
    const limit = sizes ? Math.min(left, Math.max(RATIO_GRACE_BYTES, sizes.compressed * MAX_COMPRESSION_RATIO)) : left;
    let length: number;
    try {
      length = await inflatedLength(entry, limit);
    } catch {
      throw new UserError(
        `文件 ${file} 不是有效的 XLSX 文件（其中 ${safeText(entry.name.slice(0, 60))} 无法解压）：请在 Excel 中打开并另存为 .xlsx 后再导入`,
      );
    }
    if (length > limit) {
      throw bomb(
        file,
        length > left
          ? `超过 ${MB(MAX_UNCOMPRESSED_BYTES)}`
          : `其中 ${safeText(entry.name.slice(0, 60))} 压缩比超过 ${MAX_COMPRESSION_RATIO}:1`,
      );
    }
    total += length;
  }
  await checkSheets(zip, file, maxRows);
}

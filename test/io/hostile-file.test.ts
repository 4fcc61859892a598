// Hostile roster files at the file level: too big, too many rows, zip bombs, not a zip at all.
// Each is refused with one Chinese message (never a stack), and the datastore is untouched.
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { isUserError } from '../../source/domain/errors.js';
import { importRoster, MAX_FILE_BYTES, MAX_ROWS } from '../../source/io/roster-import.js';
import { MAX_CELLS } from '../../source/io/roster-limits.js';
import { writeRosterTemplate } from '../../source/io/roster-template.js';
import { MAX_UNCOMPRESSED_BYTES } from '../../source/io/roster-zip.js';
import { smallSchool, testContext } from '../helpers/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'slx-hostile-file-'));

/** The message the user sees; fails the test if importing succeeded or threw something else than a UserError. */
async function refusal(file: string): Promise<string> {
  const data = smallSchool();
  const before = structuredClone(data);
  const error = await importRoster(data, file, testContext()).then(
    () => new Error('imported'),
    (e: unknown) => e,
  );
  expect(isUserError(error), String(error)).toBe(true);
  expect(data).toEqual(before);
  const message = (error as Error).message;
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  expect(message).not.toMatch(/\n\s+at /);
  return message;
}

/** A zip holding a real roster template plus `extra` entries. */
async function templateZip(extra: Record<string, Uint8Array | string> = {}): Promise<Buffer> {
  const tpl = join(dir, `tpl-${Math.random()}.xlsx`);
  await writeRosterTemplate(tpl);
  const zip = await JSZip.loadAsync(readFileSync(tpl));
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A workbook of `sheets` in the XML Excel writes (inline strings), built as text: tens of thousands
 * of rows in a fraction of the time exceljs takes to write them. The importer reads it like any other.
 */
async function rawWorkbook(sheets: Record<string, Array<Array<string>>>): Promise<Buffer> {
  const names = Object.keys(sheets);
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
  );
  names.forEach((name, i) => {
    const rows = sheets[name]!.map(
      (cells, r) =>
        `<row r="${r + 1}">${cells.map((c, col) => `<c r="${String.fromCharCode(65 + col)}${r + 1}" t="inlineStr"><is><t>${escapeXml(c)}</t></is></c>`).join('')}</row>`,
    );
    zip.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`,
    );
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Offsets of the central directory records (signature PK\1\2) naming `name`. */
function centralRecord(zip: Buffer, name: string): number {
  for (
    let at = zip.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    at > 0;
    at = zip.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'), at - 1)
  ) {
    const nameLength = zip.readUInt16LE(at + 28);
    if (zip.subarray(at + 46, at + 46 + nameLength).toString('utf8') === name) return at;
  }
  throw new Error(`no central record for ${name}`);
}

describe('hostile files', () => {
  it('refuses a file over 20 MB before reading it', async () => {
    const file = join(dir, 'huge.xlsx');
    writeFileSync(file, '');
    truncateSync(file, MAX_FILE_BYTES + 1);
    expect(await refusal(file)).toMatch(/超过 20 MB，拒绝导入/);
  });

  it(`refuses a sheet of more than ${MAX_ROWS} rows from its XML, before exceljs loads the workbook`, async () => {
    const rows = [['学号', '姓名', '班级', '类别']];
    for (let i = 0; i <= MAX_ROWS; i += 1) rows.push([String(2024000000 + i), '同学', '会计1班', '经济困难']);
    const file = join(dir, 'rows.xlsx');
    // 困难生 second: its XML is sheet2.xml, named through workbook.xml.
    writeFileSync(file, await rawWorkbook({ 班级: [['班级', '入学年份']], 困难生: rows }));
    const load = vi.spyOn(
      Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: () => Promise<unknown> },
      'load',
    );
    try {
      expect(await refusal(file)).toBe(`工作表“困难生”超过 ${MAX_ROWS} 行，拒绝导入`);
      expect(load).not.toHaveBeenCalled();
    } finally {
      load.mockRestore();
    }
  }, 60_000);

  it(`refuses a workbook of more than ${MAX_CELLS} cells from its XML, before exceljs loads it`, async () => {
    // Within the row and size limits, but cells enough to take exceljs past a small server's memory.
    const row = Array.from({ length: MAX_CELLS / MAX_ROWS + 1 }, () => '');
    const file = join(dir, 'cells.xlsx');
    writeFileSync(file, await rawWorkbook({ 困难生: Array.from({ length: MAX_ROWS }, () => row) }));
    const load = vi.spyOn(
      Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: () => Promise<unknown> },
      'load',
    );
    try {
      expect(await refusal(file)).toBe(
        `文件 ${file} 的单元格超过 ${MAX_CELLS} 个（每张表最多 ${MAX_ROWS} 行），拒绝导入：请删除多余的行和列，或拆分后分批导入`,
      );
      expect(load).not.toHaveBeenCalled();
    } finally {
      load.mockRestore();
    }
  }, 60_000);

  it('refuses random bytes, a CSV renamed .xlsx, an empty file and a directory with a plain message', async () => {
    const random = join(dir, 'random.xlsx');
    writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    expect(await refusal(random)).toMatch(
      /不是 XLSX 文件（XLSX 是 zip 压缩包）：请在 Excel 中“另存为” Excel 工作簿（\.xlsx）后再导入/,
    );

    const csv = join(dir, 'roster.csv.xlsx');
    writeFileSync(csv, '工号,干部姓名,类别\nT001,张三,普通党员\n');
    expect(await refusal(csv)).toMatch(/看起来是 CSV 或文本文件/);

    const empty = join(dir, 'empty.xlsx');
    writeFileSync(empty, '');
    expect(await refusal(empty)).toMatch(/不是 XLSX 文件/);

    expect(await refusal(dir)).toMatch(/不是文件/);
  });

  it('refuses a truncated or corrupted zip, and a zip that is not a workbook', async () => {
    const good = await templateZip();
    const truncated = join(dir, 'truncated.xlsx');
    writeFileSync(truncated, good.subarray(0, Math.floor(good.length / 2)));
    expect(await refusal(truncated)).toMatch(/不是有效的 XLSX 文件/);

    const flipped = Buffer.from(good);
    for (let i = 200; i < flipped.length - 400; i += 97) flipped[i] = flipped[i]! ^ 0xff;
    const corrupted = join(dir, 'corrupted.xlsx');
    writeFileSync(corrupted, flipped);
    expect(await refusal(corrupted)).toMatch(/不是有效的 XLSX 文件|无法读取/);

    const zip = new JSZip();
    zip.file('hello.txt', '你好');
    const notBook = join(dir, 'notbook.xlsx');
    writeFileSync(notBook, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(await refusal(notBook)).toMatch(/没有花名册的工作表|不是有效的 XLSX 文件|无法读取/);
  });

  it('refuses a zip bomb: one entry inflating 1000:1', async () => {
    const file = join(dir, 'ratio.xlsx');
    writeFileSync(file, await templateZip({ 'xl/media/pad.bin': new Uint8Array(20 * 1024 * 1024) }));
    expect(await refusal(file)).toMatch(
      /解压后过大（其中 xl\/media\/pad\.bin 压缩比超过 200:1），疑似“压缩炸弹”，拒绝导入/,
    );
  });

  it('refuses a zip whose central directory declares more than the total limit', async () => {
    const zip = await templateZip({ 'xl/media/a.bin': 'a' });
    const at = centralRecord(zip, 'xl/media/a.bin');
    zip.writeUInt32LE(MAX_UNCOMPRESSED_BYTES + 1, at + 24);
    const file = join(dir, 'declared.xlsx');
    writeFileSync(file, zip);
    expect(await refusal(file)).toMatch(/解压后过大（超过 100 MB），疑似“压缩炸弹”/);
  });

  it('refuses a bomb whose central directory lies about its size', async () => {
    const zip = await templateZip({ 'xl/media/pad.bin': new Uint8Array(20 * 1024 * 1024) });
    const at = centralRecord(zip, 'xl/media/pad.bin');
    zip.writeUInt32LE(1000, at + 24);
    const file = join(dir, 'liar.xlsx');
    writeFileSync(file, zip);
    expect(await refusal(file)).toMatch(/（其中 xl\/media\/pad\.bin 压缩比超过 200:1），疑似“压缩炸弹”/);
  });

  it('a full-size legitimate roster sheet is not taken for a bomb', async () => {
    const rows = [['学号', '姓名', '班级', '类别']];
    for (let i = 0; i < 20_000; i += 1) rows.push(['', '', '', '', '', '', '', '']);
    const file = join(dir, 'legit.xlsx');
    writeFileSync(file, await rawWorkbook({ 干部: [], 班级: [], 寝室: [], 困难生: rows }));
    const message = await refusal(file);
    expect(message).not.toMatch(/压缩炸弹/);
    expect(message).toMatch(/缺少表头/);
  }, 60_000);
});

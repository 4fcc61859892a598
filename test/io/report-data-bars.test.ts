// 评议考核's completion columns drawn as data bars (issue 25): the file holds a dataBar rule over exactly
// the cadres' (and the colleges') 完成率 cells, on a fixed 0–100 scale, so a low rate is a short bar.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { exportAssessment } from '../../source/io/exports.js';
import { REPORT_SHEETS } from '../../source/io/report-assessment.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

it('draws 完成率 as data bars from 0 to 100 over the cadres and the colleges', async () => {
  const data = smallSchool([AUTUMN]);
  const ctx = testContext('2026-11-25');
  assign(
    data,
    { cadreId: 'c_zs', classId: 'cls_kj', dormIds: ['d_101'], studentIds: ['s_1'], start: '2026-09-01' },
    ctx,
  );
  assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: [], start: '2026-09-01' }, ctx);
  logContact(data, { cadreId: 'c_ls', duty: 'dorm', targetId: 'd_201', date: '2026-09-03' }, ctx);
  const out = join(mkdtempSync(join(tmpdir(), 'slx-bars-')), '评议考核.xlsx');
  expect(await exportAssessment(data, buildIndexes(data), AUTUMN, { out, asOf: '2026-11-25' })).toBe(2);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const zip = await JSZip.loadAsync(readFileSync(out));
  const expectBars = async (sheetName: string, rateColumn: number) => {
    const sheet = wb.getWorksheet(sheetName)!;
    const rows: number[] = [];
    sheet.eachRow((row, n) => {
      if (typeof row.getCell(rateColumn).value === 'number') rows.push(n);
    });
    expect(rows.length).toBeGreaterThan(0);
    const letter = sheet.getColumn(rateColumn).letter;
    const xml = await zip.file(`xl/worksheets/sheet${sheet.id}.xml`)!.async('string');
    const rule = /<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/.exec(xml);
    expect(rule?.[1]).toBe(`${letter}${rows[0]}:${letter}${rows.at(-1)}`);
    expect(rule?.[2]).toMatch(
      /<cfRule type="dataBar"[^>]*>\s*<dataBar>\s*<cfvo type="num" val="0"\/>\s*<cfvo type="num" val="100"\/>/,
    );
  };
  await expectBars(REPORT_SHEETS.cadres, 10);
  await expectBars(REPORT_SHEETS.colleges, 6);
});

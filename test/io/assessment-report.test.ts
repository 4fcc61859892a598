// 评议考核: the missed windows are the ones `overdue` reports for the same term and date, listed and
// read back from the written workbook.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { assessTerm } from '../../source/domain/assessment.js';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { overdueReport } from '../../source/domain/overdue.js';
import type { Datastore } from '../../source/domain/schema.js';
import { buildDemoData } from '../../source/demo/demo-data.js';
import { exportAssessment } from '../../source/io/exports.js';
import { NO_CONTACTS_NOTE, REPORT_SHEETS } from '../../source/io/report-assessment.js';
import { heightFor, lineCount } from '../../source/io/print-layout.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

let dir: string;
let data: Datastore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slx-report-'));
  data = smallSchool([AUTUMN]);
  const ctx = testContext('2026-11-25');
  assign(
    data,
    { cadreId: 'c_zs', classId: 'cls_kj', dormIds: ['d_101'], studentIds: ['s_1'], start: '2026-09-01' },
    ctx,
  );
  assign(data, { cadreId: 'c_ls', classId: 'cls_rj', studentIds: [], start: '2026-09-01' }, ctx);
});

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** One key per window: who, what, when, and its status and days. */
function missedKeys(d: Datastore, asOf: string): { report: string[]; overdue: string[] } {
  const idx = buildIndexes(d);
  const term = overdueReport(d, idx, asOf).term!;
  const report = assessTerm(d, idx, term, asOf).rows.flatMap((r) =>
    r.missed.map((m) => `${r.cadreId} ${m.duty} ${m.target} ${m.start}~${m.end} ${m.status} ${m.days}`),
  );
  const overdue = overdueReport(d, idx, asOf).rows.map(
    (r) => `${r.cadreId} ${r.duty} ${r.target} ${r.windowStart}~${r.windowEnd} ${r.status} ${r.days}`,
  );
  return { report: report.sort(), overdue: overdue.sort() };
}

describe('评议考核 lists what overdue lists', () => {
  it('on the demo data, the day after the autumn term and mid-term', () => {
    const demo = buildDemoData();
    const after = missedKeys(demo, '2027-01-21');
    expect(after.report).toEqual(after.overdue);
    expect(after.report.length).toBe(184);
    // Windows ending on the term's last day and the term-long class windows are among them.
    expect(after.report.filter((k) => k.includes('~2027-01-20')).length).toBeGreaterThan(0);
    expect(after.report.filter((k) => k.includes(' class ')).length).toBe(3);
    const during = missedKeys(demo, '2026-11-24');
    expect(during.report).toEqual(during.overdue);
    expect(during.report.some((k) => k.includes(' due '))).toBe(true);
  });

  it('writes every missed window: per cadre with 工号 and still-open ones marked, and one per row', async () => {
    logContact(
      data,
      { cadreId: 'c_ls', duty: 'class', targetId: 'cls_rj', date: '2026-09-10' },
      testContext('2026-11-25'),
    );
    for (const date of ['2026-09-10', '2026-10-10'])
      logContact(data, { cadreId: 'c_ls', duty: 'dorm', targetId: 'd_201', date }, testContext('2026-11-25'));
    const out = join(dir, 'report.xlsx');
    expect(await exportAssessment(data, buildIndexes(data), AUTUMN, { out, asOf: '2026-11-01' })).toBe(2);
    const wb = await read(out);
    const sheet = wb.getWorksheet(REPORT_SHEETS.cadres)!;
    expect(sheet.getCell('A1').value).toBe('测试职业技术学院党员干部“三联系”评议考核');
    expect(sheet.getCell('A2').value).toBe(
      '2026-2027学年第一学期（2026-09-01 至 2027-01-20）　全校　截至 2026年11月1日',
    );
    expect(sheet.getCell('A4').value).toBe('干部');
    expect(sheet.getCell('B4').value).toBe('工号');
    expect([sheet.getCell('D4').value, sheet.getCell('D5').value, sheet.getCell('E5').value]).toEqual([
      '班级联系窗口\n（学期）',
      '已完成',
      '应完成',
    ]);
    expect(sheet.getCell('F4').value).toBe('寝室走访窗口\n（月或寝室·月）');
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '4:5',
    });
    const li = sheet.getRow(6);
    expect([li.getCell(1).value, li.getCell(2).value, li.getCell(3).value]).toEqual(['李四', 'T002', '机电信息学院']);
    // Class met (one window, still open but met); dorm Sep+Oct met, Nov open; no students.
    expect([4, 5, 6, 7, 8, 9, 10].map((c) => li.getCell(c).value)).toEqual([1, 1, 2, 3, 0, 0, 75]);
    // Only a window still open is missed: 进行中, not highlighted; 张三 missed September and October: 未完成, red.
    expect(li.getCell(11).value).toBe('进行中');
    expect((li.getCell(1).fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    expect(li.getCell(12).value).toBe('寝室 2号楼-201：11月（进行中）');
    const zs = sheet.getRow(7);
    expect([zs.getCell(1).value, zs.getCell(2).value]).toEqual(['张三', 'T001']);
    expect(String(zs.getCell(12).value).split('\n')).toEqual([
      '班级 会计1班：整学期（进行中）',
      '寝室 1号楼-101：9月、10月、11月（进行中）',
      '困难生 2025001 小明：9月、10月、11月（进行中）',
    ]);
    expect(zs.height).toBe(
      heightFor(
        Math.max(
          ...[...Array(12).keys()].map((i) =>
            lineCount(String(zs.getCell(i + 1).value ?? ''), sheet.getColumn(i + 1).width!),
          ),
        ),
      ),
    );
    expect(zs.getCell(11).value).toBe('未完成');
    expect((zs.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFE0E0');
    const missed = wb.getWorksheet(REPORT_SHEETS.missed)!;
    const idx = buildIndexes(data);
    expect(missed.rowCount - 3).toBe(overdueReport(data, idx, '2026-11-01').rows.length);
    // One row per window, with its dates, status and days, as overdue lists them (overdue first, most days first).
    expect([4, 5, 6, 7, 8, 9].map((c) => missed.getCell(4, c).value)).toEqual([
      '寝室',
      '1号楼-101',
      '2026-09-01',
      '2026-09-30',
      '逾期',
      32,
    ]);
    expect(missed.getCell(missed.rowCount, 8).value).toBe('进行中');
    // A window's row is one line: its dates do not wrap.
    expect(missed.getRow(4).height).toBe(heightFor(1));
    const summary = wb.getWorksheet(REPORT_SHEETS.colleges)!;
    expect([summary.getCell('A4').value, summary.getCell('B4').value]).toEqual(['机电信息学院', 1]);
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: '3:3' });
  });

  it('says so when the term has no contacts at all', async () => {
    const out = join(dir, 'empty.xlsx');
    await exportAssessment(data, buildIndexes(data), AUTUMN, { out, asOf: '2026-12-01' });
    const sheet = (await read(out)).getWorksheet(REPORT_SHEETS.cadres)!;
    expect(sheet.getCell('A4').value).toBe(NO_CONTACTS_NOTE);
    expect(sheet.getCell('A5').value).toBe('干部');
  });
});

// The three forms printed as a secretary prints them: exported from a school of long, multi-line cells,
// converted to PDF by LibreOffice, and the pages read back with poppler. Run by `npm run test:print`
// (and .ci/run), not by `npm test`: LibreOffice takes tens of seconds. Fails when soffice is missing.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexes } from '../source/domain/indexes.js';
import { overlaps, pageSizes, pageWords, toPdf, type PageSize, type Word } from '../source/demo/pdf-tools.js';
import { exportAssessment, exportForm1, exportForm2 } from '../source/io/exports.js';
import { AUTUMN } from './helpers/fixtures.js';
import { LONG_NOTE, PRINT_AS_OF, PRINT_CADRES, printSchool } from './print-school.js';

interface Printed {
  sizes: PageSize[];
  words: Word[][];
}
const printed: Record<'form1' | 'form2' | 'report', Printed> = {} as never;
let form1Sheets = 0;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slx-print-'));
  const data = printSchool();
  const idx = buildIndexes(data);
  const o = { asOf: PRINT_AS_OF };
  const files = { form1: join(dir, 'form1.xlsx'), form2: join(dir, 'form2.xlsx'), report: join(dir, 'report.xlsx') };
  form1Sheets = (await exportForm1(data, idx, { ...o, out: files.form1 })).sheets;
  await exportForm2(data, idx, { ...o, out: files.form2 });
  await exportAssessment(data, idx, AUTUMN, { ...o, out: files.report });
  const pdfs = toPdf(Object.values(files), dir);
  (['form1', 'form2', 'report'] as const).forEach((k, i) => {
    printed[k] = { sizes: pageSizes(pdfs[i]!), words: pageWords(pdfs[i]!) };
  });
}, 600_000);

const A4 = { short: 595.3, long: 841.9 };
const texts = (words: readonly Word[]) => new Set(words.map((w) => w.text));
const describeOverlaps = (pairs: Array<[Word, Word]>) =>
  pairs.slice(0, 5).map(([a, b]) => `“${a.text}”(${a.xMin.toFixed(0)},${a.yMin.toFixed(0)}) × “${b.text}”(${b.xMin.toFixed(0)},${b.yMin.toFixed(0)})`).join('；');

describe.each([
  ['form1', 'portrait'],
  ['form2', 'landscape'],
  ['report', 'landscape'],
] as const)('%s printed by LibreOffice', (form, orientation) => {
  it(`every page is A4 ${orientation}`, () => {
    const { sizes } = printed[form];
    expect(sizes.length).toBeGreaterThan(1);
    for (const s of sizes) {
      const [w, h] = orientation === 'portrait' ? [A4.short, A4.long] : [A4.long, A4.short];
      expect(Math.abs(s.width - w), `${s.width}×${s.height}`).toBeLessThan(1);
      expect(Math.abs(s.height - h), `${s.width}×${s.height}`).toBeLessThan(1);
    }
  });

  it('no two words print over each other on any page', () => {
    printed[form].words.forEach((words, page) => {
      const pairs = overlaps(words);
      expect(pairs, `第 ${page + 1} 页：${describeOverlaps(pairs)}`).toEqual([]);
    });
  });
});

describe('marks, dates and repeated headers', () => {
  const above = (words: readonly Word[], mark: string, title: string) => {
    const m = words.find((w) => w.text === '附件' && words.some((n) => n.text === mark && Math.abs(n.yMin - w.yMin) < 2 && n.xMin > w.xMax));
    const t = words.find((w) => w.text.includes(title));
    return m !== undefined && t !== undefined && m.yMax <= t.yMin;
  };

  it('附件1: the mark above the title on page 1, the date beside it, one form per cadre, the long note whole', () => {
    const page1 = printed.form1.words[0]!;
    expect(above(page1, '1', '登记表')).toBe(true);
    expect(page1.some((w) => w.text.includes('填表日期：2027年1月21日'))).toBe(true);
    expect(form1Sheets).toBe(PRINT_CADRES);
    expect(printed.form1.sizes.length).toBeGreaterThanOrEqual(PRINT_CADRES);
    const all = printed.form1.words.flat().map((w) => w.text).join('');
    expect(all.includes(LONG_NOTE), LONG_NOTE).toBe(true);
  });

  it('附件2: the mark on page 1 and the header on every page', () => {
    expect(above(printed.form2.words[0]!, '2', '汇总表')).toBe(true);
    expect(printed.form2.words[0]!.some((w) => w.text === '2027年1月21日')).toBe(true);
    expect(printed.form2.words.length).toBeGreaterThan(2);
    printed.form2.words.forEach((words, page) => {
      const t = texts(words);
      expect(['序号', '干部教师', '联系困难生寝室', '班级其他寝室'].filter((h) => !t.has(h)), `第 ${page + 1} 页`).toEqual([]);
    });
  });

  it('评议考核: titled with the term and date; every page carries its sheet’s header', () => {
    const page1 = texts(printed.report.words[0]!);
    expect(page1.has('2026-2027学年第一学期（2026-09-01')).toBe(true);
    expect(page1.has('2027年1月21日')).toBe(true);
    printed.report.words.forEach((words, page) => {
      const t = texts(words);
      const header = t.has('工号') && t.has('干部') ? [] : t.has('全部完成人数') ? [] : ['工号 / 全部完成人数'];
      expect(header, `第 ${page + 1} 页`).toEqual([]);
    });
  });
});

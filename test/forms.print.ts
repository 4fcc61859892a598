// The three forms printed as a secretary prints them: exported from a school of long, multi-line cells,
// converted to PDF by LibreOffice (its fonts as installed: DejaVu Sans for Latin, Noto CJK for Chinese;
// and again with Carlito, Excel's Calibri metrics, for Latin) and by gnumeric, and the pages read back
// with poppler. Run by `npm run test:print` (and .ci/run), not by `npm test`. Fails when a tool is missing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndexes } from '../source/domain/indexes.js';
import {
  crossings,
  hanSizes,
  overlaps,
  pageLines,
  pageSizes,
  pageWords,
  toPdf,
  toPdfWithGnumeric,
  type Line,
  type PageSize,
  type Word,
} from '../source/demo/pdf-tools.js';
import { exportAssessment, exportForm1, exportForm2 } from '../source/io/exports.js';
import { form1Entries } from '../source/io/form-data.js';
import { AUTUMN } from './helpers/fixtures.js';
import { BIG, MIXED_NOTE, OVERFLOW, OFFICE_PHONE, PRINT_AS_OF, PRINT_CADRES, printSchool } from './print-school.js';

type Form = 'form1' | 'form2' | 'report';
interface Printed {
  sizes: PageSize[];
  words: Word[][];
  lines: Line[][];
}
type Engine = 'LibreOffice' | 'LibreOffice + Carlito' | 'gnumeric';
/** What each engine prints: gnumeric the two single-sheet-per-page forms. */
const CASES: Array<[Engine, Form]> = [
  ['LibreOffice', 'form1'],
  ['LibreOffice', 'form2'],
  ['LibreOffice', 'report'],
  ['LibreOffice + Carlito', 'form1'],
  ['LibreOffice + Carlito', 'form2'],
  ['LibreOffice + Carlito', 'report'],
  ['gnumeric', 'form2'],
  ['gnumeric', 'report'],
];
/** The smallest Chinese text each form may print: 9 pt on 附件1 and 附件2, 8 pt on the report. */
const FLOOR: Record<Form, number> = { form1: 9, form2: 9, report: 8 };
const ORIENTATION: Record<Form, 'portrait' | 'landscape'> = {
  form1: 'portrait',
  form2: 'landscape',
  report: 'landscape',
};

const printed = new Map<string, Printed>();
const cells: Record<Form, string[]> = { form1: [], form2: [], report: [] };
let cadreNames: string[] = [];
let bigName = '';
let overflowName = '';

/** Latin text in Carlito (Calibri's metrics) where the forms ask for 宋体 or 黑体, Chinese in Noto Sans CJK. */
function carlitoFonts(dir: string): string {
  const file = join(dir, 'carlito.conf');
  const alias = (family: string) =>
    `<alias binding="strong"><family>${family}</family><prefer><family>Carlito</family><family>Noto Sans CJK SC</family></prefer></alias>`;
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>${alias('宋体')}${alias('黑体')}</fontconfig>`,
  );
  return file;
}

function read(pdf: string): Printed {
  return { sizes: pageSizes(pdf), words: pageWords(pdf), lines: pageLines(pdf) };
}

async function cellTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  // A merged cell's text once, from its first cell.
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cell.master === cell && out.push(cell.text))));
  return out;
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'slx-print-'));
  const data = printSchool();
  const idx = buildIndexes(data);
  const o = { asOf: PRINT_AS_OF };
  const files: Record<Form, string> = {
    form1: join(dir, 'form1.xlsx'),
    form2: join(dir, 'form2.xlsx'),
    report: join(dir, 'report.xlsx'),
  };
  await exportForm1(data, idx, { ...o, out: files.form1 });
  await exportForm2(data, idx, { ...o, out: files.form2 });
  await exportAssessment(data, idx, AUTUMN, { ...o, out: files.report });
  const entries = form1Entries(data, idx, PRINT_AS_OF, {});
  cadreNames = entries.map((e) => e.name);
  bigName = entries.find((e) => e.cadre.id === `k${BIG}`)!.name;
  overflowName = entries.find((e) => e.cadre.id === `k${OVERFLOW}`)!.name;
  const forms = ['form1', 'form2', 'report'] as const;
  for (const f of forms) cells[f] = await cellTexts(files[f]);
  const plain = toPdf(Object.values(files), join(dir));
  const carlitoDir = mkdtempSync(join(dir, 'carlito-'));
  const carlito = toPdf(Object.values(files), carlitoDir, { FONTCONFIG_FILE: carlitoFonts(dir) });
  forms.forEach((f, i) => {
    printed.set(`LibreOffice ${f}`, read(plain[i]!));
    printed.set(`LibreOffice + Carlito ${f}`, read(carlito[i]!));
  });
  for (const f of ['form2', 'report'] as const)
    printed.set(`gnumeric ${f}`, read(toPdfWithGnumeric(files[f], join(dir, `gnumeric-${f}.pdf`))));
}, 600_000);

const A4 = { short: 595.3, long: 841.9 };
const PHONES = [OFFICE_PHONE, '13800001111'];
const pageText = (words: readonly Word[]) =>
  words
    .map((w) => w.text)
    .join('')
    .replace(/\s/g, '');
const where = (w: Word) => `“${w.text}”(${w.xMin.toFixed(0)},${w.yMin.toFixed(0)})`;
/** Words of the body: not in the page's top or bottom 0.6 inch, where the header and the footer print. */
const body = (words: readonly Word[], page: PageSize) => words.filter((w) => w.yMin > 43 && w.yMax < page.height - 43);

function charCounts(texts: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of texts) for (const ch of t.replace(/\s/g, '')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

describe.each(CASES)('%s prints %s', (engine, form) => {
  const get = () => printed.get(`${engine} ${form}`)!;

  it(`on A4 ${ORIENTATION[form]}, every page`, () => {
    const { sizes } = get();
    expect(sizes.length).toBeGreaterThan(1);
    const [w, h] = ORIENTATION[form] === 'portrait' ? [A4.short, A4.long] : [A4.long, A4.short];
    for (const s of sizes)
      expect([Math.abs(s.width - w) < 1, Math.abs(s.height - h) < 1], `${s.width}×${s.height}`).toEqual([true, true]);
  });

  it('with no word over another and no border through a word', () => {
    const { words, lines } = get();
    words.forEach((page, i) => {
      expect(
        overlaps(page).map(([a, b]) => `${where(a)} × ${where(b)}`),
        `第 ${i + 1} 页`,
      ).toEqual([]);
      expect(
        crossings(page, lines[i]!)
          .map(([w]) => where(w))
          .slice(0, 5),
        `第 ${i + 1} 页`,
      ).toEqual([]);
    });
  });

  it('with every character of every cell on the pages, and every phone number on one line', () => {
    const { words, sizes } = get();
    const printedCounts = charCounts(words.flatMap((page, i) => body(page, sizes[i]!).map((w) => w.text)));
    const missing = [...charCounts(cells[form])]
      .filter(([ch, n]) => (printedCounts.get(ch) ?? 0) < n)
      .map(([ch, n]) => `${ch}: ${printedCounts.get(ch) ?? 0}/${n}`);
    expect(missing).toEqual([]);
    // A phone broken over two lines prints as two words, each a piece of it.
    const all = words.flat();
    if (form !== 'report') expect(all.filter((w) => w.text.includes(OFFICE_PHONE)).length).toBeGreaterThan(0);
    const piece = (w: Word) =>
      PHONES.some((p) => p !== w.text && w.text.length >= 4 && (p.startsWith(w.text) || p.endsWith(w.text)));
    expect(all.filter(piece).map(where)).toEqual([]);
  });

  it(`with Chinese text at ${FLOOR[form]} pt or more`, () => {
    const sizes = get().words.flatMap(hanSizes);
    expect(sizes.length).toBeGreaterThan(100);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(FLOOR[form] - 0.05);
  });

  it('numbering every page “第 N 页 共 M 页”', () => {
    const { words } = get();
    const m = words.length;
    expect(
      words
        .map((page, i) => pageText(page).includes(`第${i + 1}页共${m}页`) || `第 ${i + 1} 页`)
        .filter((x) => x !== true),
    ).toEqual([]);
  });
});

describe('what each page says', () => {
  it.each(['LibreOffice', 'LibreOffice + Carlito'] as const)(
    '附件1 (%s): the mark and date on the first page, title and cadre on every page, one form a cadre, the mixed note whole',
    (engine) => {
      const { words } = printed.get(`${engine} form1`)!;
      const texts = words.map(pageText);
      expect(texts[0]!.includes('附件1') && texts[0]!.includes('填表日期：2027年1月12日')).toBe(true);
      // The cadre a page names: the longest name after 干部： (欧阳娜娜 is the start of 欧阳娜娜15).
      const named = texts.map(
        (t) =>
          cadreNames.filter((n) => t.includes(`干部：${n.replace(/\s/g, '')}`)).sort((a, b) => b.length - a.length)[0],
      );
      expect(
        texts
          .map((t, i) => (t.includes('党员干部“三联系”登记表') && named[i] !== undefined) || i + 1)
          .filter((x) => x !== true),
      ).toEqual([]);
      // Every cadre has a form; the one of 12 dorms and 6 困难生 on one page.
      expect(new Set(named).size).toBe(cadreNames.length);
      expect(named.filter((n) => n === bigName).length).toBe(1);
      // The one of 24 dorms takes more: each page titled and named (above).
      expect(named.filter((n) => n === overflowName).length).toBeGreaterThan(1);
      expect(texts.join('').includes(MIXED_NOTE.replace(/\s/g, ''))).toBe(true);
      expect(cadreNames.length).toBeGreaterThan(PRINT_CADRES * 0.8);
    },
  );

  // gnumeric does not repeat an XLSX file's header rows (it reads _xlnm.Print_Titles as a plain name): its
  // pages after the first are checked for the rest.
  it.each(['LibreOffice', 'gnumeric'] as const)(
    '附件2 (%s): the mark on page 1, the header on every page, namesakes with 工号, the succession',
    (engine) => {
      const { words } = printed.get(`${engine} form2`)!;
      const texts = words.map(pageText);
      expect(texts[0]!.includes('附件2') && texts[0]!.includes('2027年1月12日')).toBe(true);
      const headed = engine === 'gnumeric' ? texts.slice(0, 1) : texts;
      expect(
        headed
          .map((t, i) =>
            ['序号', '干部教师', '联系困难生寝室', '班级其他寝室'].every((h) => t.includes(h)) ? true : i + 1,
          )
          .filter((x) => x !== true),
      ).toEqual([]);
      const all = texts.join('');
      expect(['T003', 'T004', '11-16起接任'].filter((s) => !all.includes(s))).toEqual([]);
    },
  );

  // Each engine breaks the page where rows fit, often inside a cadre's rows (one per 困难生): the first row
  // of every page names its cadre (grey on her later rows). A row is the band between two borders of the
  // 联系困难生 column, where every row has its own box.
  it.each(['LibreOffice', 'gnumeric'] as const)('附件2 (%s): every page’s first row names its cadre', (engine) => {
    const { words, lines } = printed.get(`${engine} form2`)!;
    // Header words as the engines print them: 序号 may wrap to 序 / 号, 联系困难生寝室 to 联系困难生寝 / 室.
    const header = (text: string) => words[0]!.find((w) => w.text.startsWith(text))!;
    const column = (from: string, to: string) => [header(from).xMax + 1, header(to).xMin - 1] as const;
    const [cadre, student] = [column('序', '学院'), column('联系困难生寝', '联系方式')];
    const unnamed = words.flatMap((page, i) => {
      const below = page.find((w) => w.text === '干部教师')?.yMax ?? 0;
      const borders = [
        ...new Set(
          lines[i]!.filter((l) => Math.abs(l.y1 - l.y2) < 0.5 && Math.min(l.x1, l.x2) < student[0] + 1)
            .filter((l) => Math.max(l.x1, l.x2) > student[1] - 1 && l.y1 > below)
            .map((l) => Math.round(l.y1)),
        ),
      ].sort((a, b) => a - b);
      const [top, bottom] = [borders[0], borders[1]];
      if (top === undefined || bottom === undefined) return [];
      const named = page.some(
        (w) => w.xMin >= cadre[0] && w.xMax <= cadre[1] && w.yMin >= top - 1 && w.yMax <= bottom + 1,
      );
      return named ? [] : [i + 1];
    });
    expect(unnamed).toEqual([]);
  });

  it.each(['LibreOffice', 'gnumeric'] as const)(
    '评议考核 (%s): titled with term and date, every page with its sheet’s header, three states',
    (engine) => {
      const { words } = printed.get(`${engine} report`)!;
      const texts = words.map(pageText);
      expect(texts[0]!.includes('2026-2027学年第一学期（2026-09-01至2027-01-20）')).toBe(true);
      if (engine === 'LibreOffice')
        expect(
          texts
            .map((t, i) => (t.includes('工号') || t.includes('全部完成人数') ? true : i + 1))
            .filter((x) => x !== true),
        ).toEqual([]);
      expect(['已完成', '进行中', '未完成'].filter((s) => !texts.join('').includes(s))).toEqual([]);
    },
  );
});

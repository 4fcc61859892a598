// Property tests of the roster import: workbooks built from arbitrary cell values (control characters,
// emoji, RTL marks, numbers, dates, booleans, empty cells, formulas, rich text, hyperlinks) either import
// into a datastore that passes the schema and the invariants, or are refused with line messages and the
// datastore left exactly as it was.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../source/domain/errors.js';
import { buildIndexes } from '../../source/domain/indexes.js';
import { datastoreProblems } from '../../source/domain/invariants.js';
import { datastoreSchema, type Datastore } from '../../source/domain/schema.js';
import { ImportError, importRoster } from '../../source/io/roster-import.js';
import { ROSTER_SHEETS } from '../../source/io/roster-sheets.js';
import { smallSchool, testContext } from '../helpers/fixtures.js';
import { writeRoster } from '../helpers/hostile-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'slx-fuzz-import-'));
let n = 0;

/** A roster that imports cleanly into smallSchool(), sheet by sheet, in template column order. */
const VALID: Record<string, unknown[][]> = {
  干部: [
    ['T001', '张三', '经济管理学院', '教务处', '科长', '中共党员', '661234', '', '科职以上干部'],
    ['T009', '钱七', '', '图书馆', '', '', '', '', '普通党员'],
  ],
  班级: [['经济管理学院', '会计241班', 2024, '2027-06-30', '王老师', '663333', '赵老师', '664444']],
  寝室: [['7号楼', '301', '会计241班', '钱同学', 6, '']],
  困难生: [['2024010001', '周同学', '会计241班', '7号楼', '301', '经济困难', '13800000000']],
  联系分配: [['钱七', 'T009', '会计241班', '2024010001', '2026-09-01', '', '']],
  联系记录: [['钱七', 'T009', '寝室', '7号楼-301', '2026-09-15', '寝室走访', '检查卫生']],
  学期: [['2026-2027学年第一学期', '2026-09-01', '2027-01-20']],
  规则: [['', 1, 1, '任一', 1, 7]],
};

const HOSTILE_STRINGS = [
  '\u001b[31m红\u001b[0m',
  '\u001b]0;title\u0007',
  'a\rb',
  'a\nb',
  'a\u0000b',
  '\u009b31m',
  '\u007f',
  '\t',
  '\u200f\u202eتەكشۈرۈش',
  '👨‍👩‍👧张三',
  '\ud800',
  'x\udc00',
  '=1+1',
  '+86',
  '-',
  '@SUM(A1)',
  '=HYPERLINK("http://x","y")',
  ' ',
  '　',
  '、、',
  ',,;',
  '0',
  '-1',
  '1e400',
  '2026-02-30',
  '2026-13-01',
  '2026/2/29',
  '2026年9月1日',
  '9999-12-31',
  '0000-01-01',
  '__proto__',
  'constructor',
  'toString',
  '7号楼-301',
  '会计241班, 会计241班',
  '长'.repeat(101),
  'x'.repeat(2001),
];

/** Values a secretary would type, so that some fuzzed files import and reach the invariants. */
const PLAUSIBLE = [
  '张三',
  '钱七',
  'T001',
  'T009',
  '经济管理学院',
  '机电信息学院',
  '会计241班',
  '会计1班',
  '软件1班',
  '7号楼',
  '301',
  '1号楼',
  '101',
  '经济困难',
  '学业困难、心理困惑',
  '科职以上干部',
  '普通党员',
  '班级',
  '寝室',
  '困难生',
  '座谈会',
  '电话',
  '任一',
  '每个',
  '2026-09-01',
  '2026-10-08',
  '2027-01-20',
  '2024010001',
  '2025001',
  '离职',
  '调整',
  '',
  '组织部',
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PLAUSIBLE) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: text },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.integer({ min: -10, max: 3_000_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, 46266, 2024, 1e21, -0),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.date({
      min: new Date(Date.UTC(1900, 0, 1)),
      max: new Date(Date.UTC(2200, 0, 1)),
      noInvalidDate: true,
    }),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        formula: fc.constantFrom('A1', 'TODAY()', 'VLOOKUP(1,A:A,2)', '1+1'),
        result: fc.oneof(text, fc.integer(), fc.constant(undefined), fc.constant({ error: '#N/A' })),
      })
      .map((f) => (f.result === undefined ? { formula: f.formula } : f)),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(text, { minLength: 1, maxLength: 3 })
      .map((parts) => ({ richText: parts.map((t, i) => ({ text: t, font: { bold: i % 2 === 0 } })) })),
  },
  { weight: 1, arbitrary: text.map((t) => ({ text: t, hyperlink: 'https://example.com/' })) },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#REF!' }, { error: '#DIV/0!' }) },
);

/** Per sheet: the valid rows with many cells replaced, then a few arbitrary rows (mostly refused). */
const wildRoster = fc.record(
  Object.fromEntries(
    ROSTER_SHEETS.map((spec) => {
      const valid = VALID[spec.name] ?? [];
      const width = spec.headers.length;
      const edited = fc.tuple(
        ...valid.map((row) =>
          fc
            .array(fc.option(cellValue, { freq: 4 }), { minLength: width, maxLength: width })
            .map((edits) => row.map((v, i) => (edits[i] === null || edits[i] === undefined ? v : edits[i]))),
        ),
      );
      const extra = fc.array(fc.array(cellValue, { minLength: width, maxLength: width }), { maxLength: 2 });
      return [spec.name, fc.tuple(edited, extra).map(([a, b]) => [...a, ...b])];
    }),
  ),
) as fc.Arbitrary<Record<string, unknown[][]>>;

/** The valid roster with at most three cells changed, or a copied row changed: often still importable. */
const nearRoster = fc
  .tuple(
    fc.array(
      fc.record({
        sheet: fc.nat(),
        row: fc.nat(),
        col: fc.nat(),
        value: fc.oneof(fc.constantFrom(...PLAUSIBLE), cellValue),
      }),
      { maxLength: 3 },
    ),
    fc.option(
      fc.record({ sheet: fc.nat(), col: fc.nat(), value: fc.oneof(fc.constantFrom(...PLAUSIBLE), cellValue) }),
      { freq: 2 },
    ),
  )
  .map(([edits, copy]) => {
    const rows = structuredClone(VALID);
    const names = Object.keys(rows);
    if (copy) {
      const sheet = rows[names[copy.sheet % names.length]!]!;
      const row = [...sheet[0]!];
      row[copy.col % row.length] = copy.value;
      sheet.push(row);
    }
    for (const e of edits) {
      const sheet = rows[names[e.sheet % names.length]!]!;
      const row = sheet[e.row % sheet.length]!;
      row[e.col % row.length] = e.value;
    }
    return rows;
  });

const roster = fc.oneof(nearRoster, wildRoster);

// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]|\p{Surrogate}/u;

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      strings(v, out);
    }
  return out;
}

/** How the runs ended, so a run that only ever errors out is noticed. */
const outcomes = { imported: 0, refused: 0 };

/** Imports the rows into smallSchool() and checks either outcome; says which it was, with the data. */
async function importOutcome(
  rows: Record<string, unknown[][]>,
): Promise<{ outcome: 'imported' | 'refused'; data: Datastore; error: unknown }> {
  const file = join(dir, `f${(n += 1)}.xlsx`);
  await writeRoster(file, rows);
  const data: Datastore = smallSchool();
  const before = structuredClone(data);
  let error: unknown = null;
  try {
    await importRoster(data, file, testContext('2026-11-25'));
  } catch (e) {
    error = e;
  }
  if (error === null) {
    const parsed = datastoreSchema.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    expect(datastoreProblems(data, buildIndexes(data))).toEqual([]);
    for (const s of strings(data)) expect(RAW_CONTROL.test(s), JSON.stringify(s)).toBe(false);
    outcomes.imported += 1;
    return { outcome: 'imported', data, error };
  }
  expect(isUserError(error), String((error as Error)?.stack ?? error)).toBe(true);
  expect(data).toEqual(before);
  outcomes.refused += 1;
  const message = (error as Error).message;
  expect(message).toMatch(/[\u4e00-\u9fff]/);
  if (error instanceof ImportError) {
    expect(error.lines.length).toBeGreaterThan(0);
    for (const line of error.lines) {
      expect(line).toMatch(/^[^,]+, 第\d+行, [^:]+: .+/);
      expect(line).not.toMatch(RAW_CONTROL);
      expect(line).not.toContain('\n');
      expect(line).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  }
  return { outcome: 'refused', data, error };
}

describe('fuzz: importRoster', () => {
  it('the valid roster itself imports (a refusal fails it, whatever its message)', async () => {
    const { outcome, data, error } = await importOutcome(VALID);
    expect(outcome, String((error as Error | null)?.message)).toBe('imported');
    expect(data.cadres.find((c) => c.employeeNo === 'T009')).toMatchObject({ name: '钱七', collegeId: null });
    expect(data.contacts.filter((c) => c.note === '检查卫生')).toHaveLength(1);
  });

  it(
    'arbitrary cells in every sheet: a valid datastore, or line errors and the datastore untouched',
    async () => {
      await fc.assert(
        fc.asyncProperty(roster, async (rows) => void (await importOutcome(rows))),
        { numRuns: Number(process.env['FUZZ_RUNS'] ?? 40) },
      );
      if (process.env['FUZZ_RUNS']) console.log('fuzz import outcomes', outcomes);
    },
    180_000 + Number(process.env['FUZZ_RUNS'] ?? 0) * 1_000,
  );
});

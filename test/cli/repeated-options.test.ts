// An option given twice, negated (--no-x), dotted (--x.y) or joined with "=" is read by both parsers
// (the fast one, plain-command.ts, and yargs, general-parser.ts): a single-valued option given more than
// once, with no value or with parts is a mistake the user made — exit 1, one Chinese line, the file as it
// was — never an internal error or a second value taken for the first. A flag given twice is that flag
// (`--count --no-count`: the last one, as yargs reads it).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUTUMN, smallSchool } from '../helpers/fixtures.js';
import { runCli as run } from '../helpers/run-cli.js';

let file: string;
beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'slx-repeat-')), 'data.json');
  writeFileSync(file, JSON.stringify(smallSchool([AUTUMN])));
  expect((await run(['assign', '--cadre', '张三', '--class', '会计1班', '--start', '2026-09-01'], file)).code).toBe(0);
});

/** The line's outcome: a user error of one Chinese line, the file unchanged. */
async function expectMistake(line: string[], message: RegExp): Promise<void> {
  const before = readFileSync(file, 'utf8');
  const r = await run(line, file);
  expect(r.code, line.join(' ')).toBe(1);
  expect(r.stdout, line.join(' ')).toBe('');
  expect(r.stderr.trim().split('\n'), line.join(' ')).toHaveLength(1);
  expect(r.stderr, line.join(' ')).toMatch(message);
  expect(readFileSync(file, 'utf8')).toBe(before);
}

describe('repeated, negated and dotted options', () => {
  it('a single-valued option given twice is refused, naming the option', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['overdue', '--as-of', '2026-09-20', '--as-of', '2026-09-21'], /^选项 --as-of 只能给一次/],
      [['overdue', '--college', '经济管理学院', '--college', '机电信息学院'], /^选项 --college 只能给一次/],
      [['contacts', '--cadre', '张三', '--cadre', '李四'], /^选项 --cadre 只能给一次/],
      [
        ['log', '--cadre', '张三', '--cadre', '李四', '--type', '班级', '--target', '会计1班', '--date', '2026-09-10'],
        /^选项 --cadre 只能给一次/,
      ],
      [['history', '--limit', '1', '--limit', '2'], /^选项 --limit 只能给一次/],
      [['export', 'form2', '--out=-', '--out', 'x.xlsx'], /^选项 --out 只能给一次/],
      [['overdue', '--data', file, '--count'], /^选项 --data 只能给一次/],
    ];
    for (const [line, message] of cases) await expectMistake(line, message);
  });

  it('a value option negated (--no-x) or given without a value is refused', async () => {
    await expectMistake(['export', 'form2', '--out=-', '--no-out'], /^选项 --out 只能给一次/);
    await expectMistake(['export', 'form2', '--no-out'], /^选项 --out 需要一个值/);
    await expectMistake(['overdue', '--no-college'], /^选项 --college 需要一个值/);
    await expectMistake(['history', '--limit', 'abc'], /^选项 --limit 应为数字/);
    // Without a datastore of the test's own: the line is refused before any is opened.
    expect(await run(['overdue', '--no-data'])).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^选项 --data 需要一个值[^\n]*\n$/),
    });
  });

  it('a dotted option is an unknown option', async () => {
    await expectMistake(['overdue', '--data.x', 'y'], /^无法识别的选项：data\.x/);
    await expectMistake(['overdue', '--as-of.x', '2026-09-20'], /^无法识别这些选项：as-of\.x/);
    await expectMistake(['export', 'form2', '--out=-', '--out.x', 'y'], /^无法识别的选项：out\.x/);
    await expectMistake(['export', 'form2', '--out.x', '-'], /^缺少必须的选项：out/);
  });

  it('"=" and a separate value read the same', async () => {
    const spaced = await run(['overdue', '--as-of', '2026-09-20', '--count'], file);
    const joined = await run(['overdue', '--as-of=2026-09-20', '--count'], file);
    expect(spaced).toMatchObject({ code: 0, stderr: '' });
    expect(joined).toEqual(spaced);
  });

  // Both parsers: main.ts gives a plain line to the fast one and any other to yargs.
  it('fuzz: repeated, negated, dotted and "=" options never end in an internal error', async () => {
    const option = fc.constantFrom(
      'as-of',
      'college',
      'cadre',
      'status',
      'json',
      'count',
      'exit-code',
      'data',
      'type',
      'target',
      'date',
      'note',
      'again',
      'out',
      'limit',
      'help',
    );
    const value = fc.constantFrom(
      '2026-09-20',
      '张三',
      '会计1班',
      '经济管理学院',
      '班级',
      'overdue',
      '-',
      '',
      'true',
      'false',
      '1',
      'x.y',
      '-3',
    );
    const word = fc.oneof(
      fc.tuple(option, value).map(([o, v]) => [`--${o}`, v]),
      fc.tuple(option, value).map(([o, v]) => [`--${o}=${v}`]),
      option.map((o) => [`--no-${o}`]),
      option.map((o) => [`--${o}`]),
      fc.tuple(option, fc.constantFrom('x', 'y.z', '0'), value).map(([o, k, v]) => [`--${o}.${k}`, v]),
    );
    const command = fc.constantFrom(
      ['overdue'],
      ['log'],
      ['contacts'],
      ['history'],
      ['export', 'form2'],
      ['check'],
      [],
    );
    await fc.assert(
      fc.asyncProperty(command, fc.array(word, { maxLength: 5 }), async (words, options) => {
        // Help is not asked (it is no mistake), nor a workbook on standard output.
        const line = [...words, ...options.flat().filter((w) => !/^--(no-)?help/.test(w) && !/^--out(=|$)/.test(w))];
        const r = await run(line, file);
        expect(r.code, line.join(' ')).not.toBe(2);
        if (r.code === 1) {
          const [first, ...more] = r.stderr.trim().split('\n');
          expect(first, line.join(' ')).toMatch(/[\u4e00-\u9fff]/);
          // The one message of two lines: the terminal UI asked for outside a terminal (its second line says what to run instead).
          if (!first?.startsWith('终端界面需要在交互式终端中打开')) expect(more, line.join(' ')).toEqual([]);
        }
      }),
      { numRuns: 60, seed: 21 },
    );
  });
});

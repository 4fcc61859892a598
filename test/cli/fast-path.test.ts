// The fast path (plain-command.ts: plainLine) reads a plain line of overdue, log or the terminal UI with
// Node's parser instead of yargs: what it takes, it must read exactly as yargs does, and it must leave
// to yargs every line yargs would refuse or answer otherwise (help, mistakes, unusual forms). main.ts
// gives fast.ts exactly the plain overdue and log lines, telling them from the lines' grammar alone.
import fc from 'fast-check';
import yargs from 'yargs';
import { describe, expect, it } from 'vitest';
import { isFastLine } from '../../source/cli/main.js';
import { DATA_OPTION, plainLine as plainLineOf } from '../../source/cli/plain-command.js';
import { FAST_COMMANDS } from '../../source/cli/program.js';

const plainLine = (argv: string[]) => plainLineOf(argv, FAST_COMMANDS);

type Seen = { command: string; args: Record<string, unknown> } | null;

/** The command yargs runs for the line, with the arguments it hands over (null: it refuses the line). */
async function yargsReading(argv: string[]): Promise<Seen> {
  let seen: Seen = null;
  let parser = yargs(argv)
    .option('data', { ...DATA_OPTION, global: true })
    .strict()
    .help(false)
    .version(false)
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new Error(message);
    });
  for (const command of FAST_COMMANDS) {
    parser = parser.command({ ...command, handler: (args) => void (seen = { command: command.command, args }) });
  }
  try {
    await parser.parseAsync();
  } catch {
    return null;
  }
  return seen;
}

/** The fast path's reading and yargs' agree on the command and every option's value. */
async function expectSameReading(argv: string[]): Promise<void> {
  const plain = plainLine(argv);
  expect(plain, argv.join(' ')).not.toBeNull();
  const general = await yargsReading(argv);
  expect(general?.command, argv.join(' ')).toBe(plain?.command.command);
  const names = ['data', ...Object.keys(plain?.command.options ?? {})];
  const pick = (args: Record<string, unknown> | undefined) => Object.fromEntries(names.map((n) => [n, args?.[n]]));
  expect(pick(plain?.args), argv.join(' ')).toEqual(pick(general?.args));
}

describe('fast path', () => {
  it('reads the everyday lines as yargs does', async () => {
    await expectSameReading(['overdue', '--count', '--as-of', '2026-11-25', '--data', 'school.json']);
    await expectSameReading([
      '--data',
      'school.json',
      'overdue',
      '--json',
      '--college',
      '信息工程学院',
      '--status=逾期',
    ]);
    await expectSameReading(['overdue', '--exit-code', '--cadre', '00123', '--status', 'overdue', '--count']);
    await expectSameReading(['overdue']);
    await expectSameReading([
      'log',
      '--cadre',
      '张三',
      '--type',
      '班级',
      '--target',
      '软件1班',
      '--date',
      '2026-11-20',
      '--note',
      '',
      '--form',
      '电话',
    ]);
    await expectSameReading(['log', '--cadre=T001', '--type=寝室', '--target=1号楼-102', '--date=-3']);
    await expectSameReading(['--as-of', '2026-11-25']);
    await expectSameReading([]);
  });

  it('leaves help, mistakes and unusual forms to yargs', () => {
    const lines = [
      ['overdue', '--help'],
      ['--help'],
      ['overdue', '--json', '--count'],
      ['log', '--cadre', '张三', '--type', '班级'],
      ['overdue', '--no-json'],
      ['overdue', '--count', '--count'],
      ['overdue', '--college', 'a', '--college', 'b'],
      ['log', '--cadre', '张三', '--type', '班级', '--target', '软件1班', '--date', '-3'],
      ['overdue', '--asOf', '2026-11-25'],
      ['overdue', '--count=true'],
      ['overdue', '--as-of'],
      ['overdue', 'extra'],
      ['overdue', '--', '--count'],
      ['contacts'],
      ['log', 'overdue'],
      ['--json', 'overdue'],
      ['-h'],
    ];
    for (const line of lines) expect(plainLine(line), line.join(' ')).toBeNull();
  });

  it('gives fast.ts the plain overdue and log lines only: not the terminal UI, nor an SSH forced command', () => {
    expect(isFastLine(['overdue', '--count', '--as-of', '2026-11-25', '--data', 'school.json'])).toBe(true);
    expect(
      isFastLine(['--data', 'school.json', 'log', '--cadre', 'T001', '--type', '寝室', '--target', '1号楼-102']),
    ).toBe(true);
    expect(isFastLine(['--as-of', '2026-11-25'])).toBe(false);
    expect(isFastLine([])).toBe(false);
    expect(isFastLine(['log', '--help'])).toBe(false);
    expect(isFastLine(['--data', 'school.json', '--user', 'wang'])).toBe(false);
    expect(isFastLine(['overdue', '--count', '--user', 'wang'])).toBe(false);
  });

  it('on random lines, takes only what yargs reads the same way', async () => {
    const names = [
      ...new Set(FAST_COMMANDS.flatMap((c) => Object.keys(c.options))),
      'data',
      'no-json',
      'help',
      'bogus',
    ];
    const value = fc.constantFrom('2026-11-25', '-3', '张三', '', '00123', 'overdue', '--count', '1e3', 'true');
    const token = fc.oneof(
      fc.constantFrom('overdue', 'log', 'contacts', '--', '-h'),
      fc.constantFrom(...names).map((n) => [`--${n}`]),
      fc.tuple(fc.constantFrom(...names), value).map(([n, v]) => [`--${n}`, v]),
      fc.tuple(fc.constantFrom(...names), value).map(([n, v]) => [`--${n}=${v}`]),
    );
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), async (tokens) => {
        const argv = tokens.flat();
        // main.ts sends to fast.ts exactly the plain lines of overdue and log.
        expect(isFastLine(argv), argv.join(' ')).toBe(
          ['overdue', 'log'].includes(plainLine(argv)?.command.command ?? ''),
        );
        if (plainLine(argv) === null) return;
        taken += 1;
        await expectSameReading(argv);
      }),
      { numRuns: 500 },
    );
    // Not vacuous: some of the random lines are plain ones.
    expect(taken).toBeGreaterThan(10);
  });
});

// The fast path: a plain line of overdue, log or the terminal UI (known options, each once, values
// attached as yargs reads them) is parsed by Node's own util.parseArgs and run without loading yargs,
// whose load and setup is most of a short command's start-up. Every other line (--help, a mistake, a
// negated or repeated option, a missing required option, another command) goes to yargs, which gives
// its usual answer; test/cli/fast-path.test.ts holds the two parsers to the same reading.
import { parseArgs } from 'node:util';
import { logCommand } from './commands/log.js';
import { overdueCommand } from './commands/overdue.js';
import { tuiCommand } from './commands/tui.js';
import type { PlainCommand, PlainOption } from './plain-command.js';
import { DATA_OPTION, type GlobalArgs } from './runtime.js';

export const FAST_COMMANDS: readonly PlainCommand<GlobalArgs>[] = [overdueCommand, logCommand, tuiCommand] as unknown as PlainCommand<GlobalArgs>[];

export interface PlainLine {
  command: PlainCommand<GlobalArgs>;
  args: GlobalArgs & Record<string, string | boolean | undefined>;
}

/** The fast command the line runs and its arguments as yargs would give them, or null: yargs' line. */
export function plainLine(argv: readonly string[]): PlainLine | null {
  for (const command of FAST_COMMANDS) {
    const args = parsedFor(command, argv);
    if (args !== null) return { command, args };
  }
  return null;
}

function parsedFor(command: PlainCommand<GlobalArgs>, argv: readonly string[]): PlainLine['args'] | null {
  const options: Record<string, PlainOption> = { data: DATA_OPTION, ...command.options };
  let parsed;
  try {
    const config = Object.fromEntries(Object.entries(options).map(([name, o]) => [name, { type: o.type }]));
    parsed = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: true, tokens: true });
  } catch {
    return null;
  }
  const words = command.command === '$0' ? [] : [command.command];
  if (parsed.positionals.length !== words.length || parsed.positionals.some((p, i) => p !== words[i])) return null;
  // Before the command's word yargs knows only --data: it would read `--json overdue` as json=overdue.
  const word = parsed.tokens.findIndex((t) => t.kind === 'positional');
  if (word !== -1 && parsed.tokens.slice(0, word).some((t) => t.kind === 'option' && t.name !== 'data')) return null;
  const given = parsed.tokens.filter((t) => t.kind === 'option').map((t) => t.name);
  if (new Set(given).size !== given.length || parsed.tokens.some((t) => t.kind === 'option-terminator')) return null;
  const values = { ...parsed.values } as PlainLine['args'];
  for (const [name, option] of Object.entries(options)) {
    if (values[name] !== undefined) continue;
    if (option.demandOption) return null;
    if (option.default !== undefined) values[name] = option.default;
  }
  if (command.conflicts.some(([a, b]) => given.includes(a) && given.includes(b))) return null;
  return values;
}

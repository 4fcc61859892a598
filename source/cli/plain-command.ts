// A command whose options are plain data (strings and flags): yargs builds its parser from them
// (general-parser.ts), and plainLine reads a plain line of it with Node's own parser, without loading
// yargs. The commands used many times a day (overdue, log, the terminal UI) are declared so. This file
// loads nothing but node:util: main.ts reads a line with it before it loads any command.
import { parseArgs } from 'node:util';
import type { ArgumentsCamelCase, Argv, CommandModule, Options } from 'yargs';
import type { GlobalArgs } from './runtime.js';

export interface PlainOption {
  type: 'string' | 'boolean';
  describe: string;
  demandOption?: true;
  default?: boolean;
}

/** --data, an option of every command. */
export const DATA_OPTION = {
  type: 'string',
  describe: '数据文件（默认 $SANLIANXI_DATA 或安装目录下 data/sanlianxi.json）',
} as const;

/** What a plain line of a command is read by: its word and options. */
export interface PlainGrammar {
  /** The command's word, or '$0': the line without one. */
  command: string;
  options: Record<string, PlainOption>;
  /** Pairs of options that may not be given together. */
  conflicts?: readonly (readonly [string, string])[];
}

/** A plain command's line with its help, without its work. */
export interface PlainLineSpec extends PlainGrammar {
  describe: string;
  epilog?: string;
}

export type PlainCommand<A extends GlobalArgs> = CommandModule<GlobalArgs, A> & Required<PlainGrammar>;

export function plainCommand<A extends GlobalArgs>(
  spec: PlainLineSpec & { handler: (args: ArgumentsCamelCase<A>) => void | Promise<void> },
): PlainCommand<A> {
  const conflicts = spec.conflicts ?? [];
  return {
    command: spec.command,
    describe: spec.describe,
    options: spec.options,
    conflicts,
    handler: spec.handler,
    builder: (y: Argv<GlobalArgs>) => {
      let built = y.options(spec.options as Record<string, Options>);
      for (const [a, b] of conflicts) built = built.conflicts(a, b);
      return (spec.epilog === undefined ? built : built.epilog(spec.epilog)) as unknown as Argv<A>;
    },
  };
}

export type PlainArgs = GlobalArgs & Record<string, string | boolean | undefined>;

/**
 * The first of `commands` the line is a plain line of, with its arguments as yargs would give them,
 * or null: a line for yargs. Plain: known options, each once, values attached as yargs reads them;
 * not --help, a mistake, a negated or repeated option, a missing required option or another command
 * (test/cli/fast-path.test.ts holds the two parsers to the same reading).
 */
export function plainLine<C extends PlainGrammar>(
  argv: readonly string[],
  commands: readonly C[],
): { command: C; args: PlainArgs } | null {
  for (const command of commands) {
    const args = parsedFor(command, argv);
    if (args !== null) return { command, args };
  }
  return null;
}

function parsedFor(command: PlainGrammar, argv: readonly string[]): PlainArgs | null {
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
  const values = { ...parsed.values } as PlainArgs;
  for (const [name, option] of Object.entries(options)) {
    if (values[name] !== undefined) continue;
    if (option.demandOption) return null;
    if (option.default !== undefined) values[name] = option.default;
  }
  if ((command.conflicts ?? []).some(([a, b]) => given.includes(a) && given.includes(b))) return null;
  return values;
}

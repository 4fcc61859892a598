// A command whose options are plain data (strings and flags): yargs builds its parser from them
// (general-parser.ts), and fast-path.ts reads a plain line of it with Node's own parser, without
// loading yargs. The commands used many times a day (overdue, log, the terminal UI) are declared so.
import type { ArgumentsCamelCase, Argv, CommandModule, Options } from 'yargs';
import type { GlobalArgs } from './runtime.js';

export interface PlainOption {
  type: 'string' | 'boolean';
  describe: string;
  demandOption?: true;
  default?: boolean;
}

export type PlainCommand<A extends GlobalArgs> = CommandModule<GlobalArgs, A> & {
  /** The command's word, or '$0': the line without one. */
  command: string;
  options: Record<string, PlainOption>;
  /** Pairs of options that may not be given together. */
  conflicts: readonly (readonly [string, string])[];
};

interface Spec<A extends GlobalArgs> {
  command: string;
  describe: string;
  options: Record<string, PlainOption>;
  conflicts?: readonly (readonly [string, string])[];
  epilog?: string;
  handler: (args: ArgumentsCamelCase<A>) => void | Promise<void>;
}

export function plainCommand<A extends GlobalArgs>(spec: Spec<A>): PlainCommand<A> {
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

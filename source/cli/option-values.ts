// yargs reads an option given twice as an array of both values and `--no-x` as x=false, whatever
// the option's type: a command would take an array or false for its one string (internal errors, or
// the wrong record found). Every option's value is checked here against its declared type, once for
// all commands, before any command runs (general-parser.ts).
import { UserError } from '../domain/errors.js';

/** The parts of yargs' own option table (yargs.getOptions()) read here. */
export interface DeclaredOptions {
  string: readonly string[];
  boolean: readonly string[];
  number: readonly string[];
  array: readonly string[];
}

/** Refuses a value that is not one value of its option's type: an option repeated, negated or without a value. */
export function assertOptionValues(argv: Record<string, unknown>, options: DeclaredOptions): void {
  const types = [
    ['string', options.string],
    ['boolean', options.boolean],
    ['number', options.number],
  ] as const;
  for (const [type, names] of types) {
    for (const name of names) {
      const value = argv[name];
      if (value === undefined || options.array.includes(name)) continue;
      if (Array.isArray(value)) throw new UserError(`选项 --${name} 只能给一次：请只保留一个`);
      if (type === 'string' && typeof value !== 'string')
        throw new UserError(`选项 --${name} 需要一个值，如 --${name} 值（不能写成 --no-${name}）`);
      if (type === 'number' && (typeof value !== 'number' || Number.isNaN(value)))
        throw new UserError(`选项 --${name} 应为数字`);
      if (type === 'boolean' && typeof value !== 'boolean')
        throw new UserError(`选项 --${name} 是开关，不带值：写 --${name} 或 --no-${name}`);
    }
  }
}

// What every command shares: the datastore file, today's date and the change context.
import { dirname, join } from 'node:path';
import { randomId, type ChangeContext } from '../domain/context.js';
import { isIsoDate, todayInShanghai, type IsoDate } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import { safeText } from '../domain/safe-text.js';
import { dateField } from '../operations/fields.js';
import { OperationRunner } from '../operations/runner.js';
import { ScopedStore, type Identity, type StoreOptions } from '../operations/scoped-store.js';
import { resolveDataFile } from '../files/paths.js';
import { osUserName } from '../files/os-user.js';

export interface GlobalArgs {
  data?: string;
}

let identity: Identity | null = null;

/** Who runs this process: the OS account, unless an SSH forced command named a registered user (forced-command.ts). */
export function currentIdentity(): Identity {
  identity ??= { login: osUserName(), forced: false };
  return identity;
}

export function setIdentity(who: Identity | null): void {
  identity = who;
}

/** The datastore as the current user may see and change it (scoped-store.ts). */
export function openStore(args: GlobalArgs, options?: StoreOptions): ScopedStore {
  return new ScopedStore(resolveDataFile(args.data), options, currentIdentity());
}

/**
 * A secretary's own folder beside the datastore, where the terminal UI over SSH exports and imports
 * (`exports list|get` fetch from it): never a path she types.
 */
export function userExportsDir(mainFile: string, login: string): string {
  return join(dirname(mainFile), 'exports', login);
}

export function changeContext(today: IsoDate = todayInShanghai()): ChangeContext {
  return { today, now: new Date().toISOString(), user: currentIdentity().login, newId: randomId };
}

/** Runs operations on the command's datastore, `today` being today unless --as-of says otherwise. */
export function operations(args: GlobalArgs, today: IsoDate = todayInShanghai()): OperationRunner {
  return new OperationRunner(openStore(args), {
    via: 'command',
    context: () => changeContext(today),
    notice: sayNotice,
  });
}

/** A saved change's notice (operations/runner.ts), on stderr: stdout keeps what was done. */
export function sayNotice(line: string): void {
  process.stderr.write(`${safeText(line)}\n`);
}

/**
 * A date option (a command's own, like --as-of; an operation's dates are read by the operation). Today
 * is asked for only when needed (no date, or a relative one): the first time-zone formatter of a process
 * (todayInShanghai) costs tens of ms, more than the rest of `overdue --as-of … --count`'s own work.
 */
export function dateArg(value: string | undefined, option: string, fallback?: IsoDate): IsoDate {
  if (value !== undefined && isIsoDate(value.trim())) return value.trim();
  const today = todayInShanghai();
  return dateField(value, `--${option} 的日期`, today, fallback ?? today);
}

/** The width plain-text output fits: $COLUMNS when set, else the terminal's, else 80 (a pipe, a file, cron). */
export function outputColumns(): number {
  const env = Number(process.env['COLUMNS']);
  if (Number.isInteger(env) && env > 0) return env;
  return process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : 80;
}

/** An option that takes one of a few values (a command's own; an operation checks its input itself). */
export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UserError(`--${option} 的值“${value}”无效：应为 ${allowed.join('、')} 之一`);
}

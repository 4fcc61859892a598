#!/usr/bin/env node
// sanlianxi: with no command, the terminal UI; otherwise one command for scripts and SSH.
//
// Two programs, built apart (bundle-cli.ts): fast.ts, one file, runs a plain overdue or log line;
// program.ts, with its chunks, runs every line. This file tells which from the line alone, loading
// no command, and loads exactly one of them: each has its own copy of the modules they share, and
// two copies in one process would split what a module keeps (the user's identity, zod's settings,
// caches, the error classes tested with instanceof).
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { LOG_LINE } from './commands/log-line.js';
import { OVERDUE_LINE } from './commands/overdue-line.js';
import { plainLine } from './plain-command.js';

/**
 * A line for fast.ts: a plain overdue or log line, not an SSH forced command's (--user). program.ts
 * runs such a line as fast.ts does (its rewriting of `-` after --out or import changes none).
 */
export function isFastLine(argv: readonly string[]): boolean {
  return !argv.includes('--user') && plainLine(argv, [OVERDUE_LINE, LOG_LINE]) !== null;
}

/**
 * Runs one command line (without `node main.js`) in this process and returns its exit code: 0 done,
 * 1 a user error (its lines on stderr), 2 an internal error, or a command's own status (overdue
 * --exit-code: 3). Tests call it directly.
 */
export async function run(given: string[]): Promise<number> {
  const program = isFastLine(given) ? await import('./fast.js') : await import('./program.js');
  return program.run(given);
}

/** Run as the program (also through npm's bin link), not imported by a test. */
function isMain(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  // An error exits now with its code; otherwise the process ends when its output is flushed.
  // The arguments after node and this script (yargs' hideBin does the same for node, with yargs-parser loaded).
  const code = await run(process.argv.slice(2));
  if (code === 1 || code === 2) process.exit(code);
  process.exitCode = code;
}

// The service account's ~/.ssh/authorized_keys: sanlianxi owns one marked block of it, one line per
// registered key, each bound to a forced command that names its user (gitolite's model). Lines outside
// the block are kept as they are; the file is replaced atomically, mode 0600, in a 0700 directory.
import { chmod, lstat, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { User } from '../domain/schema.js';
import { ensurePrivateDir, writePrivateFile } from '../files/private-files.js';

export const BLOCK_BEGIN = '# >>> sanlianxi users: written by `sanlianxi users sync-keys`, edits inside are replaced';
export const BLOCK_END = '# <<< sanlianxi users';

/** Paths go into command="…" and through the login shell: only characters that need no quoting. */
const PLAIN_PATH = /^\/[A-Za-z0-9_./+-]*$/;

export function plainPath(path: string, what: string): string {
  if (!PLAIN_PATH.test(path)) {
    throw new UserError(
      `${what} ${path} 含空格或特殊字符，不能写进 authorized_keys 的强制命令：请把程序或数据放在只含字母、数字和 _ . / + - 的绝对路径下`,
    );
  }
  return path;
}

/** One line per key: `command="<program> --data <file> --user <login>",restrict,pty <key> sanlianxi:<login>`. */
export function keyLines(users: readonly User[], program: readonly string[], dataFile: string): string[] {
  const command = [...program, '--data', dataFile].join(' ');
  return users.flatMap((u) =>
    u.keys.map((key) => `command="${command} --user ${u.login}",restrict,pty ${key} sanlianxi:${u.login}`),
  );
}

/** The file's text with the block replaced (or appended), every other line kept. */
export function withBlock(existing: string, lines: readonly string[]): string {
  const all = existing === '' ? [] : existing.replace(/\n$/, '').split('\n');
  const begin = all.indexOf(BLOCK_BEGIN);
  const end = all.indexOf(BLOCK_END, begin + 1);
  if (begin !== -1 && end === -1)
    throw new UserError(
      `authorized_keys 中有 sanlianxi 块的开始行却没有结束行（${BLOCK_END}）：请手工修正后再运行，文件未被改动`,
    );
  const outside = begin === -1 ? all : [...all.slice(0, begin), ...all.slice(end + 1)];
  const at = begin === -1 ? outside.length : begin;
  return `${[...outside.slice(0, at), BLOCK_BEGIN, ...lines, BLOCK_END, ...outside.slice(at)].join('\n')}\n`;
}

export async function syncAuthorizedKeys(file: string, lines: readonly string[]): Promise<void> {
  await ensurePrivateDir(dirname(file));
  const dir = await lstat(dirname(file));
  // sshd's StrictModes refuses keys in a directory others can write.
  if ((dir.mode & 0o022) !== 0) await chmod(dirname(file), 0o700);
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  await writePrivateFile(file, withBlock(existing, lines));
}

// Files that hold personal data: written atomically (unique temp file, fsync, rename) with mode 0600,
// never through a symbolic link (write-file-atomic would replace the file the link points to).
import { lstat, mkdir, open, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../domain/errors.js';

export const PRIVATE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** A symbolic link at `file` is refused: the write would replace another file, the one it points to. */
async function refuseSymlink(file: string): Promise<void> {
  const info = await lstat(file).catch(() => null);
  if (info?.isSymbolicLink()) throw new UserError(`${file} 是符号链接：不会替换它指向的文件，请换一个文件名或先删除该链接`);
}

/** `durable: false` skips the fsync, for files whose loss costs only time (the seal). */
export async function writePrivateFile(file: string, data: string | Buffer, { durable = true } = {}): Promise<void> {
  await refuseSymlink(file);
  // Loaded at the first write: it brings signal-exit and Node's worker_threads, which a read never needs.
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(file, data, { mode: PRIVATE_MODE, fsync: durable });
}

/** A new private file, not replacing anything, without fsync (backup copies: a lost one is re-made). */
export async function writeNewPrivateFile(file: string, data: string | Buffer): Promise<void> {
  await writeFile(file, data, { mode: PRIVATE_MODE, flag: 'wx' });
}

/**
 * Removes the temp files a killed writer left in `dir` (write-file-atomic names them `<file>.<number>`) for the files `owns` accepts. Only under the
 * datastore's lock: no live writer of these files exists then.
 */
export async function sweepTempFiles(dir: string, owns: (name: string) => boolean): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const dot = name.lastIndexOf('.');
    if (dot > 0 && /^\d+$/.test(name.slice(dot + 1)) && owns(name.slice(0, dot))) await rm(join(dir, name), { force: true });
  }
}

/** Makes a completed rename durable: fsync of the directory that holds the file. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync();
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
  } finally {
    await handle.close();
  }
}

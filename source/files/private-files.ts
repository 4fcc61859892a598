// Files that hold personal data: written whole into a temp file beside the target (`<file>.<number>`,
// mode 0600), fsynced, renamed over the target, and the folder fsynced — so the target is the old file
// or the new one, complete and on disk, and a write that fails (a full disk) leaves the old one alone.
// Never through a symbolic link (the rename would replace the link, not the file it points to).
// Not write-file-atomic: it makes one write() and ignores a short count, so on a full disk it renamed a
// file cut at a page boundary into place and reported success (issue 21).
import { randomInt } from 'node:crypto';
import { lstat, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../domain/errors.js';

export const PRIVATE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** A symbolic link at `file` is refused: the write would replace another file, the one it points to. */
async function refuseSymlink(file: string): Promise<void> {
  const info = await lstat(file).catch(() => null);
  if (info?.isSymbolicLink())
    throw new UserError(`${file} 是符号链接：不会替换它指向的文件，请换一个文件名或先删除该链接`);
}

/**
 * A new file at `path` (failing if one exists) holding what `fill` writes through its handle, fsynced.
 * FileHandle.writeFile writes every byte, looping over short writes, or fails (ENOSPC): never less.
 * On any failure the file is removed.
 */
async function writeSynced(path: string, fill: (handle: FileHandle) => Promise<void>): Promise<void> {
  const handle = await open(path, 'wx', PRIVATE_MODE);
  try {
    try {
      await fill(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}

/** Replaces `file` with what `fill` writes (whole, fsynced, renamed into place, the folder fsynced). */
export async function replacePrivateFile(file: string, fill: (handle: FileHandle) => Promise<void>): Promise<void> {
  await refuseSymlink(file);
  const temp = `${file}.${randomInt(2 ** 48 - 1)}`;
  await writeSynced(temp, fill);
  try {
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDir(dirname(file));
}

export async function writePrivateFile(file: string, data: string | Buffer): Promise<void> {
  await replacePrivateFile(file, (handle) => handle.writeFile(data));
}

/** A new private file, not replacing anything: whole and fsynced (a backup's copies; its folder is synced when complete). */
export async function writeNewPrivateFile(file: string, data: string | Buffer): Promise<void> {
  await writeSynced(file, (handle) => handle.writeFile(data));
}

/**
 * Removes the temp files a killed writer left in `dir` (named `<file>.<number>`) for the files `owns` accepts. Only under the
 * datastore's lock: no live writer of these files exists then.
 */
export async function sweepTempFiles(dir: string, owns: (name: string) => boolean): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const dot = name.lastIndexOf('.');
    if (dot > 0 && /^\d+$/.test(name.slice(dot + 1)) && owns(name.slice(0, dot)))
      await rm(join(dir, name), { force: true });
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

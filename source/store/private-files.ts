// Files that hold personal data: written atomically (unique temp file, fsync, rename) with mode 0600.
import { mkdir, open } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

export const PRIVATE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** `durable: false` skips the fsync, for files whose loss costs only time (the seal). */
export async function writePrivateFile(file: string, text: string, { durable = true } = {}): Promise<void> {
  await writeFileAtomic(file, text, { mode: PRIVATE_MODE, fsync: durable });
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

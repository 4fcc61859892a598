// The one lowdb adapter of the store: reads a file's bytes for a parser (which validates, or trusts a
// seal), writes privately and atomically, and remembers the stamp it read and the bytes it wrote.
import { open } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { DatastoreFileError } from './datastore-file-error.js';
import { writePrivateFile } from '../files/private-files.js';
import { sha256, stampOf } from '../files/file-identity.js';
import { storageProblem } from '../files/storage-errors.js';

function unreadable(file: string, error: unknown): DatastoreFileError {
  const why = storageProblem(error, file, '读取') ?? (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new DatastoreFileError(`无法读取数据文件 ${file}：${why}`);
}

export class JsonFileAdapter<T> implements Adapter<T> {
  stamp = '';
  /** What the last write() wrote (a backup copies it from memory, not from the disk), and its SHA-256: its seal. */
  written: { content: string | Buffer; sha256: string } | null = null;
  constructor(
    private readonly file: string,
    /** null for an adapter that only writes. */
    private readonly parse: ((bytes: Buffer) => T | Promise<T>) | null,
  ) {}

  async read(): Promise<T | null> {
    const handle = await open(this.file, 'r').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw unreadable(this.file, error);
    });
    if (handle === null) return null;
    try {
      const info = await handle.stat();
      this.stamp = stampOf(info);
      if (!this.parse) throw new Error(`${this.file}: adapter opened for writing only`);
      const bytes = await handle.readFile().catch((error: unknown) => {
        throw unreadable(this.file, error);
      });
      return await this.parse(bytes);
    } finally {
      await handle.close();
    }
  }

  async write(data: T): Promise<void> {
    const content = Buffer.isBuffer(data) ? data : `${typeof data === 'string' ? data : JSON.stringify(data)}\n`;
    this.written = { content, sha256: sha256(content) };
    await writePrivateFile(this.file, content);
  }
}

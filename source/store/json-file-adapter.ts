// The one lowdb adapter of the store: reads a file's bytes for a parser (which validates, or trusts a
// seal), writes privately and atomically, and remembers the stamp it read and the hash it wrote.
import { open } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { DatastoreFileError } from './datastore-file-error.js';
import { writePrivateFile } from '../files/private-files.js';
import { sha256, stampOf } from '../files/file-identity.js';
import { storageProblem } from '../files/storage-errors.js';

export { stampOf };

function unreadable(file: string, error: unknown): DatastoreFileError {
  const why = storageProblem(error, file, '读取') ?? (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new DatastoreFileError(`无法读取数据文件 ${file}：${why}`);
}

/** lowdb adapter for one file: validated reads, private atomic writes. */
export class JsonFileAdapter<T> implements Adapter<T> {
  stamp = '';
  /** SHA-256 of the bytes the last write() wrote: its seal. */
  written = '';
  /** What the last write() wrote (a backup copies it from memory, not from the disk). */
  writtenContent: string | Buffer = '';
  constructor(
    private readonly file: string,
    /** null for an adapter that only writes (month files and the main file when saving). */
    private readonly parse: ((bytes: Buffer) => T | Promise<T>) | null,
    /** The file's text (a newline is added), or its very bytes. */
    private readonly serialize: (data: T) => string | Buffer = JSON.stringify,
  ) {}

  async read(): Promise<T | null> {
    let handle;
    try {
      handle = await open(this.file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw unreadable(this.file, error);
    }
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
    const serialized = this.serialize(data);
    const content = typeof serialized === 'string' ? `${serialized}\n` : serialized;
    this.written = sha256(content);
    this.writtenContent = content;
    await writePrivateFile(this.file, content);
  }
}

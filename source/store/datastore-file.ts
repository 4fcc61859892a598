// The datastore on disk: one lowdb JSON file, read and validated on load, changed only under a
// cross-process lock, re-read under that lock, and replaced atomically (unique temp file, fsync, rename).
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { mkdirSync } from 'node:fs';
import { Low, type Adapter } from 'lowdb';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { UserError } from '../domain/errors.js';
import { datastoreSchema, type Datastore } from '../domain/schema.js';
import { DatastoreFileError, describeIssues, parseDatastoreText } from './validate.js';

/** lowdb adapter: validated reads, atomic private writes. */
class ValidatedJsonFile implements Adapter<Datastore> {
  constructor(private readonly file: string) {}

  async read(): Promise<Datastore | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new DatastoreFileError(`无法读取数据文件 ${this.file}：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return parseDatastoreText(text, this.file).data;
  }

  async write(data: Datastore): Promise<void> {
    mkdirSync(dirname(this.file), { recursive: true });
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 1)}\n`, { mode: 0o600, fsync: true });
  }
}

const LOCK_OPTIONS = {
  realpath: false,
  stale: 15_000,
  retries: { retries: 200, minTimeout: 10, maxTimeout: 100, randomize: true },
} as const;

/** What a change is, for the journal: the command or screen that made it (e.g. `log`, `界面:记录联系`). */
export interface ChangeMeta {
  action: string;
}

export class DatastoreFile {
  private readonly db: Low<Datastore>;

  constructor(readonly file: string) {
    this.db = new Low<Datastore>(new ValidatedJsonFile(file), null as unknown as Datastore);
  }

  async exists(): Promise<boolean> {
    try {
      await stat(this.file);
      return true;
    } catch {
      return false;
    }
  }

  /** Reads and validates the file; a missing file is a user error that says how to create one. */
  async load(): Promise<Datastore> {
    await this.db.read();
    if (this.db.data === null) {
      throw new UserError(`数据文件 ${this.file} 不存在：请先运行 sanlianxi init，或用 --data 指定已有的数据文件`);
    }
    return this.db.data;
  }

  private async withLock<T>(work: () => Promise<T>): Promise<T> {
    mkdirSync(dirname(this.file), { recursive: true });
    let release: () => Promise<void>;
    try {
      release = await lockfile.lock(this.file, LOCK_OPTIONS);
    } catch {
      throw new UserError(`数据文件 ${this.file} 正被其他进程写入，请稍后重试`);
    }
    try {
      return await work();
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** Writes a new datastore; refuses to replace an existing file. */
  async create(data: Datastore): Promise<void> {
    await this.withLock(async () => {
      if (await this.exists()) throw new UserError(`数据文件 ${this.file} 已存在：不会覆盖；如需重新开始，请用 --data 指定新文件`);
      await this.save(data);
    });
  }

  /**
   * Applies `change` to the current file content under the lock and saves the result.
   * If `change` throws, nothing is written and the error propagates.
   */
  async update<T>(change: (data: Datastore) => T | Promise<T>, _meta: ChangeMeta = { action: '' }): Promise<{ result: T; data: Datastore }> {
    return this.withLock(async () => {
      const data = await this.load();
      const result = await change(data);
      await this.save(data);
      return { result, data };
    });
  }

  private async save(data: Datastore): Promise<void> {
    const checked = datastoreSchema.safeParse(data);
    if (!checked.success) {
      throw new UserError(`修改后的数据无效，未保存：${describeIssues(data, checked.error.issues)}`);
    }
    this.db.data = checked.data;
    await this.db.write();
  }
}

// Reading a snapshot: the main file (trusted when its bytes match the seal, validated otherwise), then
// the months of contacts asked for, each file parsed once per handle (month files never change).
import { join } from 'node:path';
import { Low } from 'lowdb';
import { UserError } from '../domain/errors.js';
import type { Contact } from '../domain/schema.js';
import { listBackups } from './backups.js';
import { DatastoreFileError } from './datastore-file-error.js';
import type { PartRef } from './file-schemas.js';
import { JsonFileAdapter } from './json-file-adapter.js';
import { layoutOf, type DatastoreLayout, type MonthKey } from './layout.js';
import { parseBySeal, parseSealedMainText, parseSealedPartText, readSeal } from './seals.js';
import { collectionsOf, fromMonthOf, groupByMonth, type RangeArg, type Snapshot } from './snapshot.js';
import type { ParsedMainFile } from './validate.js';

/** Field-by-field validation (zod), loaded only when a file matches no seal. */
const validation = () => import('./validate.js');

class MissingPartError extends DatastoreFileError {}

/** Month files parsed by this handle, by file name, with the hash of their bytes. */
export type PartCache = Map<string, { contacts: readonly Contact[]; sha256: string }>;

export class SnapshotReader {
  readonly parts: PartCache = new Map();
  /** The main file's stamp at this handle's last read or write. */
  lastStamp: string | null = null;

  constructor(
    readonly layout: DatastoreLayout,
    /** The datastore as the user named it, for messages. */
    readonly shownFile: string,
    /** Whether files whose bytes match their seal skip field-by-field validation (not for `check`). */
    private readonly trusting: boolean,
  ) {}

  /**
   * Reads without the lock: a writer may replace the main file and delete the month files it no longer
   * names between our two reads, so a missing month file means "read again".
   */
  async read(range: RangeArg): Promise<Snapshot> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readOnce(range);
      } catch (error) {
        if (!(error instanceof MissingPartError) || attempt >= 5) throw error instanceof MissingPartError ? await this.withBackupAdvice(error) : error;
      }
    }
  }

  private async readOnce(range: RangeArg): Promise<Snapshot> {
    const file = this.layout.main;
    const seal = this.trusting ? await readSeal(this.layout.seal) : null;
    let hash = '';
    const adapter = new JsonFileAdapter<ParsedMainFile | null>(file, async (bytes) => {
      const parsed = await parseBySeal(bytes, seal, parseSealedMainText, async (text) => (await validation()).parseMainText(text, this.shownFile));
      hash = parsed.sha256;
      return parsed.value;
    });
    const db = new Low<ParsedMainFile | null>(adapter, null);
    try {
      await db.read();
    } catch (error) {
      throw error instanceof DatastoreFileError ? await this.withBackupAdvice(error) : error;
    }
    if (db.data === null) {
      throw new UserError(`数据文件 ${this.shownFile} 不存在：请先运行 sanlianxi init，或用 --data 指定已有的数据文件`);
    }
    const { main, inlineContacts } = db.data;
    this.lastStamp = adapter.stamp;
    if (inlineContacts) {
      const months = new Map<MonthKey, readonly Contact[]>();
      for (const [m, list] of groupByMonth(inlineContacts)) months.set(m, list.map((c) => Object.freeze(c)));
      return { main, fromMonth: null, months, inline: true, stamp: adapter.stamp, sha256: hash };
    }
    const fromMonth = fromMonthOf(typeof range === 'function' ? range(collectionsOf(main)) : range);
    const months = new Map<MonthKey, readonly Contact[]>();
    const wanted = Object.entries(main.contactParts).filter(([m]) => fromMonth === null || m >= fromMonth);
    try {
      const lists = await Promise.all(wanted.map(([m, ref]) => this.readPart(m, ref)));
      wanted.forEach(([m], i) => months.set(m, lists[i]!));
    } catch (error) {
      throw error instanceof DatastoreFileError && !(error instanceof MissingPartError) ? await this.withBackupAdvice(error) : error;
    }
    return { main, fromMonth, months, inline: false, stamp: adapter.stamp, sha256: hash };
  }

  private async readPart(month: MonthKey, ref: PartRef): Promise<readonly Contact[]> {
    const name = ref.file;
    const seal = this.trusting ? (ref.sha256 ?? null) : null;
    const cached = this.parts.get(name);
    if (cached) return cached.contacts;
    const path = join(this.layout.partsDir, name);
    let hash = '';
    const db = new Low<Contact[] | null>(
      new JsonFileAdapter<Contact[] | null>(path, async (bytes) => {
        const parsed = await parseBySeal(bytes, seal, parseSealedPartText, async (text) => (await validation()).parsePartText(text, path, month));
        hash = parsed.sha256;
        return parsed.value;
      }),
      null,
    );
    await db.read();
    if (db.data === null) throw new MissingPartError(`联系记录文件 ${path} 不见了：数据文件 ${this.shownFile} 引用了它`);
    const list = Object.freeze(db.data.map((c) => Object.freeze(c)));
    this.parts.set(name, { contacts: list, sha256: hash });
    return list;
  }

  /** Names the newest backup that loads, and how to bring it back. */
  private async withBackupAdvice(error: DatastoreFileError): Promise<DatastoreFileError> {
    const backups = (await listBackups(this.layout)).reverse().slice(0, 30);
    for (const b of backups) {
      try {
        await new SnapshotReader(layoutOf(b.mainFile), b.mainFile, true).read('all');
        return new DatastoreFileError(
          `${error.message}。最近的有效备份：${b.id}（${b.time}），恢复：sanlianxi restore ${b.id} --data ${this.shownFile}`,
        );
      } catch {
        // try an older one
      }
    }
    return new DatastoreFileError(`${error.message}。没有找到可用的备份`);
  }
}

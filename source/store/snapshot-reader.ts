// Reading a snapshot (README: reading): the main file, the roster file it names and the months asked
// for, each roster and month file parsed once per handle, since those files never change.
import { join } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { Contact } from '../domain/schema.js';
import { listBackups } from './backups.js';
import { DatastoreFileError } from './datastore-file-error.js';
import type { MainFile, PartRef, RosterRef } from './file-schemas.js';
import { JsonFileAdapter } from './json-file-adapter.js';
import { layoutOf, type DatastoreLayout, type MonthKey } from './layout.js';
import { parseBySeal, parseSealedMainText, parseSealedPartText, parseSealedRosterText, readSeal } from './seals.js';
import { deepFreeze, LazyRoster } from './lazy-roster.js';
import { indexFileName, readRosterIndex } from './roster-index.js';
import { fromMonthOf, groupByMonth, type RangeArg, type Snapshot } from './snapshot.js';

/** Field-by-field validation (zod), loaded only when a file matches no seal. */
const validation = () => import('./validate.js');

class MissingPartError extends DatastoreFileError {}

/** Month files parsed by this handle, by file name, with the hash of their bytes. */
export type PartCache = Map<string, { contacts: readonly Contact[]; sha256: string }>;

export class SnapshotReader {
  readonly parts: PartCache = new Map();
  /** The roster file this handle read or wrote last (every read shares it). */
  roster: LazyRoster | null = null;
  /** The bytes of the last month file this handle parsed: a log's save extends them (month-file-text.ts). */
  lastPart: { file: string; bytes: Buffer } | null = null;
  /** The main file's stamp at this handle's last read or write. */
  lastStamp: string | null = null;

  constructor(
    readonly layout: DatastoreLayout,
    /** The datastore as the user named it, for messages. */
    readonly shownFile: string,
    /** Whether files whose bytes match their seal skip field-by-field validation (not for `check`). */
    private readonly trusting: boolean,
  ) {}

  // Without the lock a writer may remove a month file between our two reads: a missing one means "read again".
  async read(range: RangeArg): Promise<Snapshot> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readOnce(range);
      } catch (error) {
        if (error instanceof MissingPartError && attempt < 5) continue;
        throw error instanceof DatastoreFileError ? await this.withBackupAdvice(error) : error;
      }
    }
  }

  private async readOnce(range: RangeArg): Promise<Snapshot> {
    const seal = this.trusting ? await readSeal(this.layout.seal) : null;
    const adapter = new JsonFileAdapter(this.layout.main, (bytes) =>
      parseBySeal(bytes, seal, parseSealedMainText, async (text) =>
        (await validation()).parseMainText(text, this.shownFile),
      ),
    );
    const read = await adapter.read();
    if (read === null)
      throw new UserError(`数据文件 ${this.shownFile} 不存在：请先运行 sanlianxi init，或用 --data 指定已有的数据文件`);
    this.lastStamp = adapter.stamp;
    const { head, inline } = read.value;
    const file = { stamp: adapter.stamp, sha256: read.sha256 };
    if (inline?.contacts) {
      const months = groupByMonth(inline.contacts.map((c) => Object.freeze(c)));
      return { main: deepFreeze(inline.main), roster: null, fromMonth: null, months, inline: true, ...file };
    }
    const contactParts = (head ?? inline!.main).contactParts;
    // The months are read beside the roster, unless which months depends on its settings.
    const early = typeof range === 'function' ? null : this.readMonths(contactParts, fromMonthOf(range));
    early?.catch(() => undefined);
    const roster = head && (await this.readRoster(head.roster));
    const main: MainFile = head ? roster!.with({ revision: head.revision, contactParts }) : deepFreeze(inline!.main);
    const fromMonth = fromMonthOf(typeof range === 'function' ? range(main) : range);
    const months = await (early ?? this.readMonths(contactParts, fromMonth));
    return { main, roster: roster?.ref ?? null, fromMonth, months, inline: false, ...file };
  }

  private async readMonths(contactParts: MainFile['contactParts'], fromMonth: MonthKey | null) {
    const wanted = Object.entries(contactParts).filter(([m]) => fromMonth === null || m >= fromMonth);
    const lists = await Promise.all(wanted.map(([m, ref]) => this.readPart(m, ref)));
    return new Map(wanted.map(([m], i) => [m, lists[i]!]));
  }

  // A roster edited after its save matches no seal: validated, it is held under its hash now, which the next save records.
  private async readRoster(ref: RosterRef): Promise<LazyRoster> {
    if (this.roster?.ref.file === ref.file && this.roster.ref.sha256 === ref.sha256) return this.roster;
    const path = join(this.layout.partsDir, ref.file);
    // The index is read beside the roster; only a roster whose bytes match their seal is read through it.
    const index = readRosterIndex(join(this.layout.partsDir, indexFileName(ref.file)), ref.sha256);
    const trusted = async (text: string) => {
      const found = await index;
      return (found && LazyRoster.read(ref, text, found)) ?? parseSealedRosterText(text);
    };
    const validated = async (text: string) => (await validation()).parseRosterText(text, path);
    const { value, sha256 } = await this.readNamedFile(path, ref.sha256, trusted, validated, '名册文件');
    this.roster = value instanceof LazyRoster ? value : LazyRoster.whole({ file: ref.file, sha256 }, value);
    return this.roster;
  }

  private async readPart(month: MonthKey, ref: PartRef): Promise<readonly Contact[]> {
    const cached = this.parts.get(ref.file);
    if (cached) return cached.contacts;
    const path = join(this.layout.partsDir, ref.file);
    const { value, sha256, bytes } = await this.readNamedFile(
      path,
      ref.sha256,
      parseSealedPartText,
      async (text) => (await validation()).parsePartText(text, path, month),
      '联系记录文件',
    );
    this.lastPart = { file: ref.file, bytes };
    const list = Object.freeze(value.map((c) => Object.freeze(c)));
    this.parts.set(ref.file, { contacts: list, sha256 });
    return list;
  }

  /** A file the main file names: parsed by `trusted` when its bytes match `seal` (if trusting seals), else `validated`. */
  private async readNamedFile<T>(
    path: string,
    seal: string | undefined,
    trusted: (text: string) => T | Promise<T>,
    validated: (text: string) => Promise<T>,
    what: string,
  ): Promise<{ value: T; sha256: string; bytes: Buffer }> {
    const adapter = new JsonFileAdapter(path, async (bytes) => ({
      ...(await parseBySeal(bytes, this.trusting ? (seal ?? null) : null, trusted, validated)),
      bytes,
    }));
    const parsed = await adapter.read();
    if (parsed === null) throw new MissingPartError(`${what} ${path} 不见了：数据文件 ${this.shownFile} 引用了它`);
    return parsed;
  }

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

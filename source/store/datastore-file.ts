// The datastore on disk. The main file holds everything but contacts and names one immutable file per
// month of contacts; a save writes the changed months as new files, then replaces the main file
// atomically — the commit point — so a crash leaves the old or the new datastore, never a mix.
// Every change runs under a cross-process lock on a fresh re-read, is backed up, and journalled.
import { readdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import lockfile from 'proper-lockfile';
import type { IsoDate } from '../domain/dates.js';
import { todayInShanghai } from '../domain/dates.js';
import { UserError } from '../domain/errors.js';
import type { Contact, Datastore } from '../domain/schema.js';
import { backUp, listBackups, pruneBackups, type BackupInfo } from './backups.js';
import type { MainCollections, MainFile, PartFile, PartRef } from './file-schemas.js';
import { appendEntry, latestEntries, newestEntries, summarizeChanges, type JournalEntry } from './journal.js';
import { checkChange, type ChangeBase } from './checked-change.js';
import { describeEntry, earliestContactDate, revertEntry, undoCandidate } from './undo.js';
import { buildIndexes } from '../domain/indexes.js';
import { datastoreProblems } from '../domain/invariants.js';
import { layoutOf, monthOf, partFileName, PART_FILE_PATTERN, type DatastoreLayout, type MonthKey } from './layout.js';
import { ensurePrivateDir, syncDir } from './private-files.js';
import { JsonFileAdapter, stampOf } from './json-file-adapter.js';
import { DatastoreFileError } from './datastore-file-error.js';
import { parseMainText, parsePartText, parseSealedMainText, parseSealedPartText, type ParsedMainFile } from './validate.js';
import { osUserName } from './os-user.js';
import { asciiJson } from './ascii-json.js';
import { parseBySeal, readSeal, writeSeal } from './seals.js';

/** Which contacts to read: all, none, or those dated in the month of a date and later. */
export type ContactRange = 'all' | 'none' | IsoDate;

/** A range, or one chosen from the settings (e.g. the reporting term's start). */
export type RangeArg = ContactRange | ((main: MainCollections) => ContactRange);

/** What a change is, for the journal: the command or screen that made it (e.g. `log`, `界面:记录联系`). */
export interface ChangeMeta {
  action: string;
  /** Contacts the change needs to see; more are read automatically if it adds earlier ones. */
  contacts?: RangeArg;
  /**
   * 'contacts': the change only adds or edits contacts (`log`). Everything else is frozen while it
   * runs, so a stray write throws instead of being saved unjournalled, and the copy and diff the store
   * keeps for undo cover the contacts alone.
   */
  changes?: 'contacts';
  /** Set by undo and restore. */
  undoOf?: number;
  undoable?: boolean;
}

interface Snapshot {
  main: MainFile;
  /** Months at or after this one were read; null: all of them. */
  fromMonth: MonthKey | null;
  /** Each month's contacts as read (frozen records). */
  months: Map<MonthKey, readonly Contact[]>;
  /** Contacts were inside a version-1 main file: the next save writes every month. */
  inline: boolean;
  stamp: string;
}

class MissingPartError extends DatastoreFileError {}

const LOCK_OPTIONS = {
  realpath: false,
  // A writer killed while holding the lock blocks others for this long; proper-lockfile refreshes it every stale/2.
  stale: 5_000,
  retries: { retries: 300, minTimeout: 10, maxTimeout: 100, randomize: true },
} as const;

function fromMonthOf(range: ContactRange): MonthKey | null {
  return range === 'all' ? null : range === 'none' ? '9999-99' : monthOf(range);
}

function groupByMonth(contacts: readonly Contact[]): Map<MonthKey, Contact[]> {
  const months = new Map<MonthKey, Contact[]>();
  for (const c of contacts) {
    const m = monthOf(c.date);
    const list = months.get(m);
    if (list) list.push(c);
    else months.set(m, [c]);
  }
  return months;
}

function sameRecords(a: readonly Contact[] | undefined, b: readonly Contact[] | undefined): boolean {
  if (!a || !b) return a === b || (a?.length ?? 0) + (b?.length ?? 0) === 0;
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function collectionsOf(main: MainFile): MainCollections {
  const { revision: _r, contactParts: _p, ...collections } = main;
  return collections;
}

function assemble(snapshot: Snapshot): Datastore {
  const months = [...snapshot.months.keys()].sort();
  return { ...collectionsOf(snapshot.main), contacts: months.flatMap((m) => snapshot.months.get(m) ?? []) };
}

export interface StoreOptions {
  /** Which contacts load() and update() read unless told otherwise. */
  contacts: RangeArg;
  /** 'full': validate every record even of files whose seal matches (`check`). Default 'sealed'. */
  verify?: 'sealed' | 'full';
}

export interface Saved<T> {
  result: T;
  data: Datastore;
  revision: number;
}

export class DatastoreFile {
  readonly layout: DatastoreLayout;
  /** Parsed month files by file name: the files never change, so the cache never goes stale. */
  private readonly parts = new Map<string, { contacts: readonly Contact[]; sha256: string }>();
  private lastStamp: string | null = null;

  /** `contacts`: which contacts load() and update() read unless told otherwise. */
  constructor(
    readonly file: string,
    private readonly defaults: StoreOptions = { contacts: 'all' },
  ) {
    this.layout = layoutOf(file);
  }

  async exists(): Promise<boolean> {
    try {
      await stat(this.file);
      return true;
    } catch {
      return false;
    }
  }

  /** Reads and validates; a missing file is a user error that says how to create one. */
  async load(contacts: RangeArg = this.defaults.contacts): Promise<Datastore> {
    return assemble(await this.read(contacts));
  }

  /** The files the datastore consists of now: the main file and its month files. */
  async files(): Promise<string[]> {
    const { main } = await this.read('none');
    return [this.file, ...Object.values(main.contactParts).map((p) => join(this.layout.partsDir, p.file))];
  }

  /** Has another process saved since this handle last read or wrote? */
  async changedOnDisk(): Promise<boolean> {
    try {
      const info = await stat(this.file);
      return this.lastStamp !== null && stampOf(info) !== this.lastStamp;
    } catch {
      return false;
    }
  }

  /**
   * Reads without the lock: a writer may replace the main file and delete the month files it no longer
   * names between our two reads, so a missing month file means "read again".
   */
  private async read(range: RangeArg): Promise<Snapshot> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.readOnce(range);
      } catch (error) {
        if (!(error instanceof MissingPartError) || attempt >= 5) throw error instanceof MissingPartError ? await this.withBackupAdvice(error) : error;
      }
    }
  }

  private async readOnce(range: RangeArg): Promise<Snapshot> {
    const seal = this.trusting() ? await readSeal(this.layout.seal) : null;
    const adapter = new JsonFileAdapter<ParsedMainFile | null>(
      this.file,
      (bytes) => parseBySeal(bytes, seal, parseSealedMainText, (text) => parseMainText(text, this.file)).value,
    );
    const db = new Low<ParsedMainFile | null>(adapter, null);
    try {
      await db.read();
    } catch (error) {
      throw error instanceof DatastoreFileError ? await this.withBackupAdvice(error) : error;
    }
    if (db.data === null) {
      throw new UserError(`数据文件 ${this.file} 不存在：请先运行 sanlianxi init，或用 --data 指定已有的数据文件`);
    }
    const { main, inlineContacts } = db.data;
    this.lastStamp = adapter.stamp;
    if (inlineContacts) {
      const months = new Map<MonthKey, readonly Contact[]>();
      for (const [m, list] of groupByMonth(inlineContacts)) months.set(m, list.map((c) => Object.freeze(c)));
      return { main, fromMonth: null, months, inline: true, stamp: adapter.stamp };
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
    return { main, fromMonth, months, inline: false, stamp: adapter.stamp };
  }

  /** Whether files whose bytes match their seal skip field-by-field validation (not for `check`). */
  private trusting(): boolean {
    return this.defaults.verify !== 'full';
  }

  private async readPart(month: MonthKey, ref: PartRef): Promise<readonly Contact[]> {
    const name = ref.file;
    const seal = this.trusting() ? (ref.sha256 ?? null) : null;
    const cached = this.parts.get(name);
    if (cached) return cached.contacts;
    const path = join(this.layout.partsDir, name);
    let hash = '';
    const db = new Low<Contact[] | null>(
      new JsonFileAdapter<Contact[] | null>(path, (bytes) => {
        const parsed = parseBySeal(bytes, seal, parseSealedPartText, (text) => parsePartText(text, path, month));
        hash = parsed.sha256;
        return parsed.value;
      }),
      null,
    );
    await db.read();
    if (db.data === null) throw new MissingPartError(`联系记录文件 ${path} 不见了：数据文件 ${this.file} 引用了它`);
    const list = Object.freeze(db.data.map((c) => Object.freeze(c)));
    this.parts.set(name, { contacts: list, sha256: hash });
    return list;
  }

  /** Names the newest backup that loads, and how to bring it back. */
  private async withBackupAdvice(error: DatastoreFileError): Promise<DatastoreFileError> {
    const backups = (await listBackups(this.layout)).reverse().slice(0, 30);
    for (const b of backups) {
      try {
        await new DatastoreFile(b.mainFile).read('all');
        return new DatastoreFileError(
          `${error.message}。最近的有效备份：${b.id}（${b.time}），恢复：sanlianxi restore ${b.id}${this.dataFlag()}`,
        );
      } catch {
        // try an older one
      }
    }
    return new DatastoreFileError(`${error.message}。没有找到可用的备份`);
  }

  private dataFlag(): string {
    return ` --data ${this.file}`;
  }

  private async withLock<T>(work: () => Promise<T>): Promise<T> {
    await ensurePrivateDir(dirname(this.file));
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
      const { contacts: _contacts, ...collections } = data;
      const empty: Snapshot = {
        main: { ...collections, revision: 0, contactParts: {} },
        fromMonth: null,
        months: new Map(),
        inline: false,
        stamp: '',
      };
      await this.save(empty, data, { action: 'init', undoable: false }, null);
    });
  }

  /**
   * Applies `change` to the current content under the lock and saves the result. If `change` throws,
   * nothing is written and the error propagates. The change sees the contacts of `meta.contacts`
   * (default: this handle's); if it adds contacts dated earlier, it is run again on a wider read.
   */
  async update<T>(change: (data: Datastore) => T | Promise<T>, meta: ChangeMeta = { action: '' }): Promise<Saved<T>> {
    return this.withLock(() => this.applyLocked(change, meta));
  }

  private async applyLocked<T>(change: (data: Datastore) => T | Promise<T>, meta: ChangeMeta): Promise<Saved<T>> {
    let range: RangeArg = meta.contacts ?? this.defaults.contacts;
    for (;;) {
      const snapshot = await this.read(range);
      const collections = collectionsOf(snapshot.main);
      const before = meta.changes === 'contacts' ? deepFreeze(collections) : structuredClone(collections);
      const data = assemble(snapshot);
      const beforeContacts = data.contacts.slice();
      const result = await change(data);
      const earliest = this.earliestUnread(snapshot, data.contacts);
      if (earliest !== null) {
        range = earliest;
        continue;
      }
      const saved = await this.save(snapshot, data, meta, meta.undoable === false ? null : { before, beforeContacts });
      return { result, data: assemble(saved), revision: saved.main.revision };
    }
  }

  /** Reverts the latest change not yet undone (or the given revision), if nothing later depends on it. */
  async undo(meta: { action: string }, revision?: number): Promise<Saved<string>> {
    return this.withLock(async () => {
      const { main } = await this.read('none');
      const { entry, later } = await undoCandidate(newestEntries(this.layout.journal, main.revision), revision);
      return this.applyLocked(
        (data) => {
          const problemsBefore = new Set(datastoreProblems(data, buildIndexes(data)));
          revertEntry(data, entry, later);
          const introduced = datastoreProblems(data, buildIndexes(data)).filter((p) => !problemsBefore.has(p));
          if (introduced.length > 0) throw new UserError(`无法撤销${describeEntry(entry)}：撤销后${introduced.slice(0, 3).join('；')}`);
          return `已撤销${describeEntry(entry)}`;
        },
        { action: meta.action, contacts: earliestContactDate(entry) ?? 'none', undoOf: entry.revision },
      );
    });
  }

  /** The latest `limit` entries of the journal, oldest first. */
  async history(limit = Number.POSITIVE_INFINITY): Promise<JournalEntry[]> {
    const { main } = await this.read('none');
    return latestEntries(this.layout.journal, main.revision, limit);
  }

  async backups(): Promise<BackupInfo[]> {
    return listBackups(this.layout);
  }

  /** Brings back a backup as a new revision; the state it replaces is backed up like before any save. */
  async restore(id: string, meta: { action: string }): Promise<Saved<BackupInfo>> {
    const backup = (await this.backups()).find((b) => b.id === id);
    if (!backup) throw new UserError(`找不到备份“${id}”：用 sanlianxi backups 查看可用的备份`);
    const source = await new DatastoreFile(backup.mainFile).load('all');
    const replace = (data: Datastore) => {
      Object.assign(data, source);
      return backup;
    };
    return this.withLock(async () => {
      const current = await this.read('none').catch((error: unknown) => {
        if (error instanceof DatastoreFileError) return null;
        throw error;
      });
      if (current) return this.applyLocked(replace, { action: meta.action, contacts: 'all', undoable: false });
      // The current files cannot be read: they are kept aside, never overwritten, and the backup becomes
      // a new revision numbered after every one seen so far.
      const aside = `${this.file}.corrupt-${Date.now()}`;
      await rename(this.file, aside).catch(() => undefined);
      await rename(this.layout.partsDir, `${aside}.contacts`).catch(() => undefined);
      const revision = Math.max(0, ...(await listBackups(this.layout)).map((b) => b.revision)) + 1;
      const { contacts: _contacts, ...collections } = source;
      const fresh: Snapshot = { main: { ...collections, revision, contactParts: {} }, fromMonth: null, months: new Map(), inline: false, stamp: '' };
      const saved = await this.save(fresh, source, { action: `${meta.action}（原文件已移到 ${aside}）`, undoable: false }, null);
      return { result: backup, data: assemble(saved), revision: saved.main.revision };
    });
  }

  private earliestUnread(snapshot: Snapshot, contacts: readonly Contact[]): IsoDate | null {
    if (snapshot.fromMonth === null) return null;
    let earliest: IsoDate | null = null;
    for (const c of contacts) if (monthOf(c.date) < snapshot.fromMonth && (earliest === null || c.date < earliest)) earliest = c.date;
    return earliest;
  }

  private async save(
    snapshot: Snapshot,
    data: Datastore,
    meta: ChangeMeta,
    diffBase: ChangeBase | null,
  ): Promise<Snapshot> {
    const { collections, contacts, changes } = checkChange(data, diffBase);
    const revision = snapshot.main.revision + 1;
    const grouped = groupByMonth(contacts);
    const contactParts = { ...snapshot.main.contactParts };
    const months = new Map(snapshot.months);
    const writes: { month: MonthKey; list: Contact[] }[] = [];
    for (const month of new Set([...grouped.keys(), ...snapshot.months.keys()])) {
      const list = grouped.get(month) ?? [];
      if (snapshot.inline || !sameRecords(list, snapshot.months.get(month))) writes.push({ month, list });
    }

    const now = new Date();
    if (snapshot.stamp !== '') await backUp(this.layout, snapshot.main, now);
    await ensurePrivateDir(this.layout.partsDir);
    for (const { month, list } of writes) {
      if (list.length === 0) {
        delete contactParts[month];
        months.delete(month);
        continue;
      }
      const name = partFileName(month, revision);
      const part = new JsonFileAdapter<PartFile>(join(this.layout.partsDir, name), null, asciiJson);
      await new Low(part, { month, contacts: list }).write();
      const frozen = Object.freeze(list.map((c) => Object.freeze(c)));
      this.parts.set(name, { contacts: frozen, sha256: part.written });
      contactParts[month] = { file: name, count: list.length, sha256: part.written };
      months.set(month, frozen);
    }
    if (writes.length > 0) await syncDir(this.layout.partsDir);
    // Month files from before seals get theirs once this handle has read and validated them.
    for (const [month, ref] of Object.entries(contactParts)) {
      const read = ref.sha256 === undefined ? this.parts.get(ref.file) : undefined;
      if (read) contactParts[month] = { ...ref, sha256: read.sha256 };
    }

    const saved: Snapshot = { main: { ...collections, revision, contactParts }, fromMonth: snapshot.fromMonth, months, inline: false, stamp: '' };
    const main = saved.main;
    const entry: JournalEntry = {
      revision,
      at: now.toISOString(),
      user: osUserName(),
      action: meta.action,
      summary: changes ? summarizeChanges(changes) : meta.action,
      changes,
      ...(meta.undoOf === undefined ? {} : { undoOf: meta.undoOf }),
    };
    // Written before the commit: an entry whose save never committed is superseded by the next one.
    await appendEntry(this.layout.journal, entry);
    const adapter = new JsonFileAdapter<MainFile>(this.file, null);
    await new Low(adapter, main).write();
    await syncDir(dirname(this.file));
    await writeSeal(this.layout.seal, adapter.written);
    const info = await stat(this.file);
    this.lastStamp = stampOf(info);

    await this.removeUnreferencedParts(contactParts);
    await pruneBackups(this.layout, todayInShanghai(now));
    return { ...saved, stamp: this.lastStamp };
  }

  /** Month files no revision on disk names any more (backups keep their own links). */
  private async removeUnreferencedParts(contactParts: MainFile['contactParts']): Promise<void> {
    const live = new Set(Object.values(contactParts).map((p) => p.file));
    const names = await readdir(this.layout.partsDir).catch(() => [] as string[]);
    for (const name of names) {
      if (PART_FILE_PATTERN.test(name) && !live.has(name)) {
        await unlink(join(this.layout.partsDir, name)).catch(() => undefined);
        this.parts.delete(name);
      }
    }
  }
}

// The store's one entry point (README.md): reads, and every change under the lock on a fresh read.
import { realpathSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../domain/errors.js';
import type { IsoDate } from '../domain/dates.js';
import { buildIndexes, LazyIndexes } from '../domain/indexes.js';
import { overdueDigest, type OverdueDigest } from '../domain/overdue-digest.js';
import type { Datastore } from '../domain/schema.js';
import { reportingTerm } from '../domain/terms.js';
import { filesOf, listBackups, type BackupInfo } from './backups.js';
import { readDigest, writeDigest } from './digest-file.js';
import type { JournalEntry } from '../domain/journal-entry.js';
import type { RestoredBackup } from './restore.js';
import { stampOf } from '../files/file-identity.js';
import { layoutOf, type DatastoreLayout } from './layout.js';
import { collectionsOf, indexesFor, joined, writableCopy } from './lazy-roster.js';
import { assemble, earliestUnread, type RangeArg } from './snapshot.js';
import { SnapshotReader } from './snapshot-reader.js';
import type { HeldLock } from './store-lock.js';
import type { Change, ChangeMeta, Saved, StoreOptions } from './store-types.js';

// Loaded when first used: a command that only reads starts without the lock, the writer and zod.
const locking = () => import('./store-lock.js');
const saving = () => import('./save-revision.js');
const journal = () => import('./journal.js');

export type { ContactRange, RangeArg } from './snapshot.js';
export type { Change, ChangeGuard, ChangeMeta, ChangeStart, Saved, StoreOptions } from './store-types.js';

// The main file's real path (its folder's, for a file not yet created): a datastore reached by two paths
// (a symbolic link) is one, with one lock, and its backups copy files, not links.
function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return join(realpathSync(dirname(file)), basename(file));
    } catch {
      return file;
    }
  }
}

export class DatastoreFile {
  readonly layout: DatastoreLayout;
  private readonly reader: SnapshotReader;
  /** Locked operations (every save) of this handle: started ever, and running now. */
  private ownStarted = 0;
  private ownRunning = 0;

  constructor(
    readonly file: string,
    private readonly defaults: StoreOptions = { contacts: 'all' },
  ) {
    this.layout = layoutOf(realPathOf(file));
    this.reader = new SnapshotReader(this.layout, file, defaults.verify !== 'full');
  }

  async exists(): Promise<boolean> {
    return stat(this.layout.main).then(
      () => true,
      () => false,
    );
  }

  /** Reads and validates; a missing file is a user error that says how to create one. */
  async load(contacts: RangeArg = this.defaults.contacts): Promise<Datastore> {
    return assemble(await this.reader.read(contacts));
  }

  /** The whole school's digest of the term `asOf` reports on (null: none): the derived file, else built and written. */
  async overdueDigest(asOf: IsoDate): Promise<OverdueDigest | null> {
    const kept = await readDigest(this.layout, asOf);
    if (kept) return kept;
    const snapshot = await this.reader.read((main) => reportingTerm(main.settings.terms, asOf)?.start ?? 'none');
    const data = assemble(snapshot);
    const term = reportingTerm(data.settings.terms, asOf);
    if (!term) return null;
    const digest = overdueDigest(data, buildIndexes(data), term);
    await writeDigest(this.layout, snapshot, this.reader.parts, digest).catch(() => undefined);
    return digest;
  }

  /** The digest on disk when believed for `asOf`, else null, never built: for a caller that reads the data anyway. */
  async keptOverdueDigest(asOf: IsoDate): Promise<OverdueDigest | null> {
    return readDigest(this.layout, asOf);
  }

  /** The files the datastore consists of now: the main file, its roster file and its month files. */
  async files(): Promise<string[]> {
    const { main, roster } = await this.reader.read('none');
    return [
      this.layout.main,
      ...filesOf({ roster, contactParts: main.contactParts }).map((p) => join(this.layout.partsDir, p.file)),
    ];
  }

  /** The month (YYYY-MM) of the earliest contact on disk, or null when there is none. */
  async firstContactMonth(): Promise<string | null> {
    const { main, months } = await this.reader.read('none');
    const all = [...Object.keys(main.contactParts), ...months.keys()].sort();
    return all[0] ?? null;
  }

  /** Has another process saved since this handle last read or wrote? */
  async changedOnDisk(): Promise<boolean> {
    const info = await stat(this.layout.main).catch(() => null);
    return info !== null && this.reader.lastStamp !== null && stampOf(info) !== this.reader.lastStamp;
  }

  /**
   * The datastore as another process saved it, or null. A save through this handle while we look also means
   * null: until it notes its new stamp its own file looks changed, and a read from before it is older than its data.
   */
  async reloadIfChanged(): Promise<Datastore | null> {
    const started = this.ownStarted;
    const quiet = () => this.ownRunning === 0 && this.ownStarted === started;
    if (!quiet() || !(await this.changedOnDisk()) || !quiet()) return null;
    const data = await this.load();
    return quiet() ? data : null;
  }

  private async withLock<T>(work: (lock: HeldLock) => Promise<T>): Promise<T> {
    this.ownStarted += 1;
    this.ownRunning += 1;
    try {
      return await (await locking()).withStoreLock(this.layout.main, this.file, work);
    } finally {
      this.ownRunning -= 1;
    }
  }

  /** Writes a new datastore, never over an existing file; the notice of a step after the commit left undone, or null. */
  async create(data: Datastore): Promise<string | null> {
    const { saveWhole } = await saving();
    return this.withLock(async (lock) => {
      if (await this.exists())
        throw new UserError(`数据文件 ${this.file} 已存在：不会覆盖；如需重新开始，请用 --data 指定新文件`);
      return (await saveWhole(this.reader, lock, data, 1, { action: 'init' })).notice ?? null;
    });
  }

  /** Applies `change` under the lock and saves the result; if it throws, nothing is written. */
  async update<T>(change: Change<T>, meta: ChangeMeta = { action: '' }): Promise<Saved<T>> {
    return this.withLock((lock) => this.applyLocked(lock, change, meta));
  }

  /** Runs `change` as update() would and saves nothing; `revision` is the one read. */
  async preview<T>(change: Change<T>, meta: ChangeMeta = { action: '' }): Promise<Saved<T>> {
    return this.applyLocked(null, change, meta);
  }

  /** `lock` null: a preview. A change that adds contacts dated earlier than read runs again on a wider read. */
  private async applyLocked<T>(
    lock: HeldLock | null,
    change: Change<T>,
    meta: ChangeMeta,
    undoing?: JournalEntry,
  ): Promise<Saved<T>> {
    const guard = this.defaults.guard;
    let range: RangeArg = meta.contacts ?? this.defaults.contacts;
    for (;;) {
      const snapshot = await this.reader.read(range);
      // The roster as read is frozen: a contacts-only change works on it, so it cannot alter what its save
      // will not write; any other change on a copy.
      const before = collectionsOf(snapshot.main);
      const frozen = meta.changes === 'contacts';
      const read = assemble(snapshot);
      const data = frozen ? read : { ...writableCopy(before), contacts: read.contacts };
      const beforeContacts = data.contacts.slice();
      // A view the guard makes of the data gets lookups of its own.
      const bound = (d: Datastore) => change(d, d === data ? indexesFor(data) : new LazyIndexes(d));
      const start = { before: joined(before, { contacts: beforeContacts }), frozen, ...(undoing && { undoing }) };
      const result = guard ? await guard(bound, data, start) : await bound(data);
      const earliest = earliestUnread(snapshot, data.contacts);
      if (earliest !== null) {
        range = earliest;
        continue;
      }
      if (!lock) return { result, data, revision: snapshot.main.revision };
      const { saveRevision } = await saving();
      return { result, ...(await saveRevision(this.reader, lock, snapshot, data, meta, { before, beforeContacts })) };
    }
  }

  /** Reverts the latest change not yet undone (or the given revision), if nothing later depends on it. */
  async undo(meta: { action: string; user?: string }, revision?: number): Promise<Saved<string>> {
    const [{ plannedUndo }, { newestEntries }] = await Promise.all([import('../domain/undo.js'), journal()]);
    return this.withLock(async (lock) => {
      const { main } = await this.reader.read('none');
      const newest = newestEntries(this.layout.journal, main.revision);
      const { entry, change, contacts } = await plannedUndo(newest, main.revision, revision);
      return this.applyLocked(lock, change, { ...meta, contacts, undoOf: entry.revision }, entry);
    });
  }

  /** The latest `limit` entries of the journal, oldest first. */
  async history(limit = Number.POSITIVE_INFINITY): Promise<JournalEntry[]> {
    const { main } = await this.reader.read('none');
    return (await journal()).latestEntries(this.layout.journal, main.revision, limit);
  }

  async backups(): Promise<BackupInfo[]> {
    return listBackups(this.layout);
  }

  /** The users who judge who may restore: the datastore's now or, when it cannot be read, those of backup `id`. */
  async restoringUsers(id: string): Promise<Pick<Datastore, 'users'>> {
    const { readable, readBackup } = await import('./restore.js');
    return (await readable(this.reader))?.main ?? (await readBackup(this.reader, id)).source;
  }

  /** Brings back a backup as a new revision; the state it replaces is backed up like before any save. */
  async restore(id: string, meta: { action: string; user?: string }): Promise<Saved<RestoredBackup>> {
    const { readBackup, restoreLocked } = await import('./restore.js');
    const backup = await readBackup(this.reader, id);
    return this.withLock((lock) => restoreLocked(this.reader, lock, backup, meta));
  }
}

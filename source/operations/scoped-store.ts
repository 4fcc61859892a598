// The datastore as one user may use it (issue 14): every read is cut to her colleges, every change is
// checked against her role and colleges under the store's lock, on the data it changes — whichever
// client (command, terminal UI, SSH) and whichever operation asked. Refused changes save nothing.
// The clients (operations, cli, ui) reach the datastore only through this class (eslint.config.js): it
// holds the DatastoreFile, so a read added there is out of their reach until it is written here, scoped.
import { isDeepStrictEqual } from 'node:util';
import type { IsoDate } from '../domain/dates.js';
import { isUserError, UserError } from '../domain/errors.js';
import type { OverdueDigest } from '../domain/overdue-digest.js';
import type { Datastore } from '../domain/schema.js';
import { actorLabel, assertMayChange, scopeOf, scopedView, type Actor } from '../domain/scope.js';
import { journalRecordSeen } from '../domain/scope-journal.js';
import { NotFoundError } from '../domain/lookup.js';
import { assertMayUndo, assertWithinScope, hiddenConflict } from '../domain/scope-check.js';
import { heldElsewhere, outOfScope } from '../domain/scope-miss.js';
import { ImportError } from '../io/import-error.js';
import {
  DatastoreFile,
  type Change,
  type ChangeGuard,
  type ChangeMeta,
  type ChangeStart,
  type RangeArg,
  type Saved,
  type StoreOptions,
} from '../store/datastore-file.js';
import type { BackupInfo } from '../store/backups.js';
import type { RestoredBackup } from '../store/restore.js';
import { summarizeChanges, type JournalEntry } from '../domain/journal-entry.js';

export type { Change, ContactRange, RangeArg, Saved, StoreOptions } from '../store/datastore-file.js';

/**
 * Who runs the program. `forced`: named by an SSH forced command (authorized_keys' command=), so the
 * login must be a registered user; otherwise the OS account, a registered user's role if one is
 * registered under that login, else the service account's administrator (no limits).
 */
export interface Identity {
  login: string;
  forced: boolean;
}

export function actorIn(data: Pick<Datastore, 'users'>, who: Identity): Actor {
  const user = data.users.find((u) => u.login === who.login) ?? null;
  if (user === null && who.forced)
    throw new UserError(`用户 ${who.login} 未登记或已被删除：请联系管理员（sanlianxi users list）`);
  return user;
}

/** Her roster's lines that found nothing in her part of `data` and name a record the whole school holds say so. */
function rosterInScope(error: ImportError, data: Datastore): ImportError {
  let changed = false;
  const lines = error.lines.map((line) => {
    const found = error.misses.get(line);
    const held = found && heldElsewhere(data, found.miss);
    if (!held) return line;
    changed = true;
    return `${found.place}: ${held}（只能导入本学院的记录）`;
  });
  return changed ? new ImportError(lines, error.attempted) : error;
}

export class ScopedStore {
  readonly #store: DatastoreFile;

  /** `options.contacts`: which contacts load() and update() read unless told otherwise (default all). */
  constructor(
    file: string,
    options: Omit<StoreOptions, 'guard'> | undefined,
    readonly who: Identity,
  ) {
    const guard: ChangeGuard = (change, data, start) => this.#guard(change, data, start);
    this.#store = new DatastoreFile(file, { contacts: 'all', ...options, guard });
  }

  get file(): string {
    return this.#store.file;
  }

  /** Where the datastore's files are: paths, no data. */
  get layout() {
    return this.#store.layout;
  }

  /** The actor as the datastore registers her now. */
  async actor(): Promise<Actor> {
    return actorIn(await this.#store.load('none'), this.who);
  }

  /** The colleges whose records she may change, judged on `data` as the guard judges her (null: all). */
  changingColleges(data: Datastore): ReadonlySet<string> | null {
    return scopeOf(actorIn(data, this.who));
  }

  async load(contacts?: RangeArg): Promise<Datastore> {
    return this.#view(await this.#store.load(contacts));
  }

  /**
   * A lookup in her part of the data (what `load` gave): a record she named that only the whole school
   * holds is refused as outside her scope, not reported missing.
   */
  async find<T>(lookup: () => T): Promise<T> {
    try {
      return lookup();
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      const data = await this.#store.load('none');
      const actor = actorIn(data, this.who);
      throw (scopeOf(actor) !== null && actor !== null && outOfScope(actor, data, error, '查看')) || error;
    }
  }

  /** The whole school's digest: only for a user who may see the whole school (null otherwise, as for no term). */
  async overdueDigest(asOf: IsoDate): Promise<OverdueDigest | null> {
    return this.#wholeSchool(await this.#store.overdueDigest(asOf));
  }

  /** Likewise, the digest on disk when it still holds (never built). */
  async keptOverdueDigest(asOf: IsoDate): Promise<OverdueDigest | null> {
    return this.#wholeSchool(await this.#store.keptOverdueDigest(asOf));
  }

  /** The month of the earliest contact on disk: a month, no record (whether her lists are complete). */
  async firstContactMonth(): Promise<string | null> {
    return this.#store.firstContactMonth();
  }

  async changedOnDisk(): Promise<boolean> {
    return this.#store.changedOnDisk();
  }

  async reloadIfChanged(): Promise<Datastore | null> {
    const data = await this.#store.reloadIfChanged();
    return data === null ? null : this.#view(data);
  }

  /** A new datastore (`init`): refused when the file exists, so nobody's data is reached. */
  async create(data: Datastore): Promise<string | null> {
    return this.#store.create(data);
  }

  async update<T>(change: Change<T>, meta: ChangeMeta = { action: '' }): Promise<Saved<T>> {
    const user = actorLabel(await this.actor(), this.who.login);
    return this.#viewOf(await this.#store.update(change, { ...meta, user }));
  }

  async preview<T>(change: Change<T>, meta: ChangeMeta = { action: '' }): Promise<Saved<T>> {
    return this.#viewOf(await this.#store.preview(change, meta));
  }

  async undo(meta: { action: string }, revision?: number): Promise<Saved<string>> {
    const user = actorLabel(await this.actor(), this.who.login);
    return this.#viewOf(await this.#store.undo({ ...meta, user }, revision));
  }

  /**
   * A college user sees the changes to her part of the data only (the journal keeps every record's
   * content): each record as she sees it, and an entry when something she sees changed, summed up by that.
   */
  async history(limit?: number): Promise<JournalEntry[]> {
    const data = await this.#store.load('none');
    const scope = scopeOf(actorIn(data, this.who));
    if (scope === null) return this.#store.history(limit);
    const seen = journalRecordSeen(scope, data);
    const shown: JournalEntry[] = [];
    for (const entry of await this.#store.history()) {
      const changes = (entry.changes ?? [])
        .map((c) => ({ ...c, before: seen(c.collection, c.before), after: seen(c.collection, c.after) }))
        .filter((c) => !isDeepStrictEqual(c.before, c.after));
      if (changes.length > 0) shown.push({ ...entry, summary: summarizeChanges(changes), changes });
    }
    return limit === undefined ? shown : shown.slice(Math.max(0, shown.length - limit));
  }

  /** The backups' names, times and revisions: no data. */
  async backups(): Promise<BackupInfo[]> {
    return this.#store.backups();
  }

  async restore(id: string, meta: { action: string }): Promise<Saved<RestoredBackup>> {
    const actor = actorIn(await this.#store.restoringUsers(id), this.who);
    if (actor !== null && actor.role !== 'school') {
      throw new UserError(
        `${actor.name}（${actor.login}）无权恢复备份：恢复会改动所有学院的数据，请由组织部/学工部或服务器管理员操作，未做任何改动`,
      );
    }
    return this.#store.restore(id, { ...meta, user: actorLabel(actor, this.who.login) });
  }

  #view(data: Datastore): Datastore {
    return scopedView(data, actorIn(data, this.who));
  }

  #viewOf<T>(saved: Saved<T>): Saved<T> {
    return { ...saved, data: this.#view(saved.data) };
  }

  #wholeSchool(digest: OverdueDigest | null): OverdueDigest | null {
    return digest !== null && scopeOf(actorIn(digest, this.who)) === null ? digest : null;
  }

  /** Every change (update, preview, undo), under the store's lock on the data it changes. */
  async #guard<T>(
    change: (data: Datastore) => T | Promise<T>,
    data: Datastore,
    { before, frozen, undoing }: ChangeStart,
  ): Promise<T> {
    const actor = actorIn(data, this.who);
    assertMayChange(actor);
    if (scopeOf(actor) === null || actor === null) return change(data);
    // Her part of the data cannot show whether an undo reaches another college: the entry can.
    if (undoing !== undefined) assertMayUndo(actor, undoing.revision, undoing.changes ?? [], data);
    // First on her part of the data alone, saved nowhere: a change that fails there fails with a message
    // about her records only (找不到班级…), never one naming another college's cadres or classes. A view
    // of frozen records needs no copy: the change can only replace them in the view's own arrays.
    const view = scopedView(data, actor);
    try {
      await change(frozen ? view : structuredClone(view));
    } catch (error) {
      // A record she named that the whole school holds is outside her scope, not missing.
      if (error instanceof ImportError) throw rosterInScope(error, data);
      throw (error instanceof NotFoundError && outOfScope(actor, data, error, '修改')) || error;
    }
    let result: T;
    try {
      result = await change(data);
    } catch (error) {
      if (!isUserError(error)) throw error;
      // What her roster would have made of the whole school says which of its records she reached.
      if (error instanceof ImportError && error.attempted !== undefined)
        assertWithinScope(actor, before, error.attempted);
      throw hiddenConflict(actor, data, error.message);
    }
    // Compared with the store's own copy of the data as it was (no second copy of the whole school).
    assertWithinScope(actor, before, data);
    return result;
  }
}

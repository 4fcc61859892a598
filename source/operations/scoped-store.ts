// The datastore as one user may use it (issue 14): every read is cut to her colleges, every change is
// checked against her role and colleges under the store's lock, on the data it changes — whichever
// client (command, terminal UI, SSH) and whichever operation asked. Refused changes save nothing.
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
  type ChangeMeta,
  type ChangeStart,
  type RangeArg,
  type Saved,
  type StoreOptions,
} from '../store/datastore-file.js';
import type { RestoredBackup } from '../store/restore.js';
import type { JournalEntry } from '../store/journal.js';

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

/** The colleges whose records the store's user may change, judged on `data` as its guard judges her (null: all). */
export function changingColleges(store: DatastoreFile, data: Datastore): ReadonlySet<string> | null {
  return store instanceof ScopedStore ? scopeOf(actorIn(data, store.who)) : null;
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

export class ScopedStore extends DatastoreFile {
  constructor(
    file: string,
    options: StoreOptions | undefined,
    readonly who: Identity,
  ) {
    super(file, options);
  }

  /** The actor as the datastore registers her now. */
  async actor(): Promise<Actor> {
    return actorIn(await super.load('none'), this.who);
  }

  override async load(contacts?: RangeArg): Promise<Datastore> {
    const data = await super.load(contacts);
    return scopedView(data, actorIn(data, this.who));
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
      const data = await super.load('none');
      const actor = actorIn(data, this.who);
      throw (scopeOf(actor) !== null && actor !== null && outOfScope(actor, data, error, '查看')) || error;
    }
  }

  /** The whole school's digest: only for a user who may see the whole school (null otherwise, as for no term). */
  override async overdueDigest(asOf: IsoDate): Promise<OverdueDigest | null> {
    const digest = await super.overdueDigest(asOf);
    return digest !== null && scopeOf(actorIn(digest, this.who)) === null ? digest : null;
  }

  /** Likewise: only for a user who may see the whole school. */
  override async keptOverdueDigest(asOf: IsoDate): Promise<OverdueDigest | null> {
    const digest = await super.keptOverdueDigest(asOf);
    return digest !== null && scopeOf(actorIn(digest, this.who)) === null ? digest : null;
  }

  override async reloadIfChanged(): Promise<Datastore | null> {
    const data = await super.reloadIfChanged();
    return data === null ? null : scopedView(data, actorIn(data, this.who));
  }

  protected override guardChange<T>(
    change: (data: Datastore) => T | Promise<T>,
  ): (data: Datastore, start: ChangeStart) => Promise<T> {
    return async (data, { before, frozen, undoing }) => {
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
    };
  }

  override async update<T>(change: Change<T>, meta: ChangeMeta = { action: '' }): Promise<Saved<T>> {
    const actor = await this.actor();
    const saved = await super.update(change, { ...meta, user: actorLabel(actor, this.who.login) });
    return { ...saved, data: scopedView(saved.data, actorIn(saved.data, this.who)) };
  }

  override async preview<T>(change: Change<T>, meta: ChangeMeta = { action: '' }): Promise<Saved<T>> {
    const saved = await super.preview(change, meta);
    return { ...saved, data: scopedView(saved.data, actorIn(saved.data, this.who)) };
  }

  override async undo(meta: { action: string }, revision?: number): Promise<Saved<string>> {
    const actor = await this.actor();
    const saved = await super.undo({ ...meta, user: actorLabel(actor, this.who.login) }, revision);
    return { ...saved, data: scopedView(saved.data, actorIn(saved.data, this.who)) };
  }

  /**
   * A college user sees the changes to her part of the data only (the journal keeps every record's
   * content): each record as she sees it, and an entry when something she sees changed, summed up by that.
   */
  override async history(limit?: number): Promise<JournalEntry[]> {
    const data = await super.load('none');
    const scope = scopeOf(actorIn(data, this.who));
    if (scope === null) return super.history(limit);
    const seen = journalRecordSeen(scope, data);
    // Loaded as the store loads the journal: only when read.
    const { summarizeChanges } = await import('../store/journal.js');
    const shown: JournalEntry[] = [];
    for (const entry of await super.history()) {
      const changes = (entry.changes ?? [])
        .map((c) => ({ ...c, before: seen(c.collection, c.before), after: seen(c.collection, c.after) }))
        .filter((c) => !isDeepStrictEqual(c.before, c.after));
      if (changes.length > 0) shown.push({ ...entry, summary: summarizeChanges(changes), changes });
    }
    return limit === undefined ? shown : shown.slice(Math.max(0, shown.length - limit));
  }

  override async restore(id: string, meta: { action: string }): Promise<Saved<RestoredBackup>> {
    const actor = actorIn(await this.restoringUsers(id), this.who);
    if (actor !== null && actor.role !== 'school') {
      throw new UserError(
        `${actor.name}（${actor.login}）无权恢复备份：恢复会改动所有学院的数据，请由组织部/学工部或服务器管理员操作，未做任何改动`,
      );
    }
    return super.restore(id, { ...meta, user: actorLabel(actor, this.who.login) });
  }
}

// An operation is one change a user can make, named once for every client (command line and terminal
// UI): its journal name, what it must read, how it applies, what it asks first and what it says after.
// Clients parse what the user typed into the operation's input and show the text it returns.
import type { ChangeContext } from '../domain/context.js';
import type { Indexes } from '../domain/indexes.js';
import type { Datastore } from '../domain/schema.js';
import { widerRange } from './ranges.js';
import type { Change, RangeArg, Saved, ScopedStore } from './scoped-store.js';

/** What the store needs to know to run a change cheaply (the rest of its ChangeMeta is the journal name). */
export interface StoreHints {
  /** The contacts the change must see (the store widens the read when it adds earlier ones). */
  contacts: RangeArg;
  /** The change only adds or edits contacts: everything else is frozen while it runs. */
  changes?: 'contacts';
}

export interface Operation<I, R> {
  /** The change as the journal and `history` name it (Chinese). */
  readonly name: string;
  /** Applies the change under the store's lock and saves it. */
  run(store: ScopedStore, input: I, ctx: ChangeContext, how: RunOptions): Promise<Saved<R>>;
  /** The same change on the same read, saved nowhere: what run would do now. */
  preview?(store: ScopedStore, input: I, ctx: ChangeContext, how: RunOptions): Promise<Saved<R>>;
  /** The y/n question before the change, from a preview's result. */
  question?(result: R): string;
  /** What was done, said after the save. */
  done(result: R): string;
}

export interface RunOptions {
  /** The journal's name for this run: the operation's name, with the client that ran it. */
  action: string;
  /** Contacts the client shows and wants back after the save, besides those the change needs. */
  view?: RangeArg;
}

/** What the store gives a change besides the data. */
export interface ChangeAids {
  /** Lookups into the data, as the store found them: through the roster's index when it can. */
  indexes: Indexes;
  /** The colleges whose records the user may change, as the store judges her on the data (null: all). */
  colleges: ReadonlySet<string> | null;
}

/** The common kind: a function of the data, run by store.update (and by store.preview for a preview). */
export interface ChangeSpec<I, R> {
  name: string;
  hints(input: I, ctx: ChangeContext): StoreHints;
  apply(data: Datastore, input: I, ctx: ChangeContext, aids: ChangeAids): R | Promise<R>;
  question?(result: R): string;
  done(result: R): string;
}

export function changeOperation<I, R>(spec: ChangeSpec<I, R>): Operation<I, R> & { apply: ChangeSpec<I, R>['apply'] } {
  return {
    name: spec.name,
    apply: spec.apply,
    run: (store, input, ctx, how) => store.update(applied(spec, store, input, ctx), meta(spec, input, ctx, how)),
    preview: (store, input, ctx, how) => store.preview(applied(spec, store, input, ctx), meta(spec, input, ctx, how)),
    ...(spec.question ? { question: spec.question } : {}),
    done: spec.done,
  };
}

function applied<I, R>(spec: ChangeSpec<I, R>, store: ScopedStore, input: I, ctx: ChangeContext): Change<R> {
  return (data, indexes) => spec.apply(data, input, ctx, { indexes, colleges: store.changingColleges(data) });
}

function meta<I, R>(spec: ChangeSpec<I, R>, input: I, ctx: ChangeContext, how: RunOptions) {
  const hints = spec.hints(input, ctx);
  return { ...hints, action: how.action, contacts: widerRange(hints.contacts, how.view) };
}

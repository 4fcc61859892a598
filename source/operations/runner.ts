// Runs operations for one client (the command line or the terminal UI): the same change, journal
// name, store hints and messages for both; the client only says who it is and what it shows.
import type { ChangeContext } from '../domain/context.js';
import type { Datastore } from '../domain/schema.js';
import { safeLines } from '../domain/safe-text.js';
import type { Operation } from './operation.js';
import type { RangeArg, ScopedStore } from './scoped-store.js';

export interface Client {
  /** Said after the operation's name in the journal: the terminal UI's changes read e.g. 记录联系（界面）. */
  via: 'command' | 'tui';
  context: () => ChangeContext;
  /** The contacts the client shows (the TUI: its reporting term); read back with every save. */
  view?: RangeArg;
  /** Says a saved change's notice (a step after the save left undone: no backup…) where the client says such things. */
  notice?: (line: string) => void;
}

export interface Done<R> {
  result: R;
  /** What was done, for the user: names it repeats neutralised for a terminal (safe-text.ts). */
  message: string;
  /** Saved, but a step after the save was left undone (e.g. its backup): one line for the user, else null. */
  notice: string | null;
  /** The datastore as saved (its contacts: those the change read, and the client's view). */
  data: Datastore;
  revision: number;
}

export interface Previewed<R> {
  result: R;
  /** The question to ask before running it (the operation's, else its message). */
  question: string;
  /** What the run would leave, saved nowhere. */
  data: Datastore;
}

export class OperationRunner {
  constructor(
    readonly store: ScopedStore,
    private readonly client: Client,
  ) {}

  async run<I, R>(op: Operation<I, R>, input: I): Promise<Done<R>> {
    const saved = await op.run(this.store, input, this.client.context(), this.options(op));
    const notice = saved.notice ?? null;
    if (notice !== null) this.client.notice?.(notice);
    return {
      result: saved.result,
      message: safeLines(op.done(saved.result)),
      notice,
      data: saved.data,
      revision: saved.revision,
    };
  }

  /** The operation on the store as it is now, saved nowhere; throws what the run would throw. */
  async preview<I, R>(op: Operation<I, R>, input: I): Promise<Previewed<R>> {
    if (!op.preview) throw new Error(`操作“${op.name}”没有预览`);
    const { result, data } = await op.preview(this.store, input, this.client.context(), this.options(op));
    return { result, question: safeLines(op.question ? op.question(result) : op.done(result)), data };
  }

  private options(op: Operation<unknown, unknown>) {
    return { action: this.client.via === 'tui' ? `${op.name}（界面）` : op.name, view: this.client.view };
  }
}

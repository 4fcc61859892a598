// What every screen shares: the loaded data with its indexes and overdue report, `run` and
// `preview` through which every change reaches the store, navigation and the message line.
import { createContext, useContext } from 'react';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import { isUserError } from '../domain/errors.js';
import type { Indexes } from '../domain/indexes.js';
import type { LastContacts } from '../domain/last-contact.js';
import type { OverdueReport } from '../domain/overdue.js';
import type { OverdueDigest } from '../domain/overdue-digest.js';
import type { Datastore } from '../domain/schema.js';
import type { Operation } from '../operations/operation.js';
import type { Previewed } from '../operations/runner.js';
import type { Route } from './routes.js';

export interface Message {
  text: string;
  error: boolean;
}

export type ApplyOutcome<T> = { ok: true; result: T } | { ok: false; error: unknown };
export type PreviewOutcome<R> = ({ ok: true } & Previewed<R>) | { ok: false; error: unknown };

/** A failed change as the message line says it: a UserError says what to fix; anything else is still shown. */
export function failureText(error: unknown): string {
  return isUserError(error) ? error.message : `保存失败：${(error as Error).message}`;
}

export interface Ui {
  data: Datastore;
  idx: Indexes;
  report: OverdueReport;
  /** The overdue digest `report` was read from, while it answers for `data` (首页 reads its figures from it too). */
  digest: OverdueDigest | null;
  /** When each cadre last made, and each class, dorm and student last had, a contact (of those loaded). */
  last: LastContacts;
  /** Whether every contact on disk is loaded: a record without one was never contacted (从未), not just not this term. */
  contactsComplete: boolean;
  /** The datastore's full path, shown in the header and on 首页 (which file is open, over SSH too). */
  dataFile: string;
  /** The main file's real path: where the 催办 send lock lives (send-lock.ts). */
  mainFile: string;
  /** Over SSH: the secretary's own folder; the transfer screen takes file names in it, not paths. */
  exportsDir?: string;
  /** A viewer: nothing that changes data is offered or obeyed (keys.ts: CHANGING). */
  readOnly: boolean;
  /**
   * A college secretary's colleges, null for the whole school: her part of the data also holds cadres of
   * other colleges once assigned to her classes, who are not hers to pair (coverage.ts).
   */
  scope: ReadonlySet<string> | null;
  today: IsoDate;
  context: () => ChangeContext;
  /** Runs an operation, replaces the data with what was saved and says what was done (or why not). */
  run: <I, R>(op: Operation<I, R>, input: I) => Promise<ApplyOutcome<R>>;
  /** The operation on the file as it is now, saved nowhere; or why it would fail (the screen says it). */
  preview: <I, R>(op: Operation<I, R>, input: I) => Promise<PreviewOutcome<R>>;
  /** Shows a message on the status line ('' clears it). */
  say: (text: string, error?: boolean) => void;
  message: Message | null;
  go: (route: Route) => void;
  /** Leaves the screen, and its message unless `keepMessage` (the screen's work is done and the message says so). */
  back: (keepMessage?: boolean) => void;
}

export const UiContext = createContext<Ui | null>(null);

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi outside <App>');
  return ui;
}

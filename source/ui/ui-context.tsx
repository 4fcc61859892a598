// What every screen shares: the loaded data with its indexes and overdue report, `apply` through
// which every change reaches the store, navigation, the message line and whether a field has the keyboard.
import { createContext, useContext } from 'react';
import type { ChangeContext } from '../domain/context.js';
import type { IsoDate } from '../domain/dates.js';
import type { Indexes } from '../domain/indexes.js';
import type { OverdueReport } from '../domain/overdue.js';
import type { Datastore } from '../domain/schema.js';
import type { ChangeMeta } from '../store/datastore-file.js';
import type { Route } from './routes.js';

export interface Message {
  text: string;
  error: boolean;
}

export type ApplyOutcome<T> = { ok: true; result: T } | { ok: false };

export interface Ui {
  data: Datastore;
  idx: Indexes;
  report: OverdueReport;
  today: IsoDate;
  context: () => ChangeContext;
  /** Runs `change` through store.update, replaces the data with what was saved, and reports the outcome. */
  /** `action` names the change in the journal (`界面:…`), or is the store's whole ChangeMeta. */
  apply: <T>(change: (data: Datastore) => T | Promise<T>, action: string | ChangeMeta, done: (result: T) => string) => Promise<ApplyOutcome<T>>;
  say: (text: string, error?: boolean) => void;
  message: Message | null;
  go: (route: Route) => void;
  back: () => void;
  /** Marks a field or form as having the keyboard (q and ? are typed, not obeyed) until the returned release is called. */
  claimKeyboard: () => () => void;
  /** False while the help overlay covers the screen. */
  active: boolean;
}

export const UiContext = createContext<Ui | null>(null);

export function useUi(): Ui {
  const ui = useContext(UiContext);
  if (!ui) throw new Error('useUi outside <App>');
  return ui;
}

// The screens and what each can be opened with.
import type { IsoDate } from '../domain/dates.js';
import type { Duty } from '../domain/vocabulary.js';

export interface LogPreset {
  cadreId?: string;
  duty?: Duty;
  targetId?: string;
  /** An overdue row's window: the date starts on its last day, so the contact counts for that row. */
  window?: { start: IsoDate; end: IsoDate };
}

export type Route =
  | { name: 'home' }
  | { name: 'overdue' }
  | { name: 'remind' }
  | { name: 'cadres'; cadreId?: string }
  | { name: 'classes' }
  | { name: 'dorms' }
  | { name: 'students' }
  | { name: 'log'; preset?: LogPreset }
  | { name: 'assign'; classId?: string; freeFirst?: true }
  | { name: 'grid' }
  | { name: 'pair'; start?: IsoDate }
  | { name: 'transfer' }
  | { name: 'settings' };

export type ScreenName = Route['name'];

/** Every screen can be opened without parameters. */
export function routeTo(name: ScreenName): Route {
  return { name } as Route;
}

import { randomBytes } from 'node:crypto';
import type { IsoDate } from './dates.js';

/** What a change needs to know about its moment and author; injected so tests and demo data are deterministic. */
export interface ChangeContext {
  today: IsoDate;
  /** ISO timestamp of the change. */
  now: string;
  /** Who made it (the OS user). */
  user: string;
  newId: (prefix: string) => string;
}

export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** Ids p_1, p_2, … per prefix: for generated data and tests. */
export function sequentialIds(): (prefix: string) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    const n = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, n);
    return `${prefix}_${n}`;
  };
}

// Contact ranges as the store reads them ('all', 'none', or from a date's month on), combined.
import type { IsoDate } from '../domain/dates.js';
import { reportingTerm } from '../domain/terms.js';
import type { MainCollections } from '../store/file-schemas.js';
import type { ContactRange, RangeArg } from './scoped-store.js';

function resolved(range: RangeArg, main: MainCollections): ContactRange {
  return typeof range === 'function' ? range(main) : range;
}

function earlier(a: ContactRange, b: ContactRange): ContactRange {
  if (a === 'all' || b === 'all') return 'all';
  if (a === 'none') return b;
  if (b === 'none') return a;
  return a < b ? a : b;
}

/** The range covering both: what a change needs and what the client shows. */
export function widerRange(need: RangeArg, view: RangeArg | undefined): RangeArg {
  if (view === undefined) return need;
  if (typeof need !== 'function' && typeof view !== 'function') return earlier(need, view);
  return (main) => earlier(resolved(need, main), resolved(view, main));
}

/** The contacts of the term reporting on `today` (the terminal UI shows these); none outside a term. */
export function reportingTermContacts(today: IsoDate): RangeArg {
  return (main) => reportingTerm(main.settings.terms, today)?.start ?? 'none';
}

// The overdue report's input for one term, boiled down: every owed window of the term with the dates
// of the contacts that count for it, and the names the rows show. Built once from the whole school
// (overdueDigest), it answers overdueReport for any date the term reports on (overdueFromDigest) without
// the roster, the assignments or the contacts: the store keeps it as a derived file (store/digest-file.ts).
import type { IsoDate } from './dates.js';
import { contactDatesOf, type Indexes } from './indexes.js';
import { cadreName, collegeName, targetLabel } from './labels.js';
import { nameRanks, overdueOrder, type OverdueFilter, type OverdueReport, type OverdueRow } from './overdue.js';
import { rulesFor } from './rules.js';
import type { College, Contact, Datastore, Term, User } from './schema.js';
import type { Duty } from './vocabulary.js';
import { reportingTerm } from './terms.js';
import { assignmentWindows, countedUpTo, statusOf, windowDays, type WindowStatus } from './windows.js';

/**
 * The owed windows of one cadre for one target (or one set of dorms) under one duty, e.g. a 困难生's
 * months. `windows` is flat — for each window: start, end, required, n, then the n sorted dates of the
 * counted contacts in [start, end] — all as day numbers (dayNumber): one array per line, not one per
 * window and date, is what keeps reading the digest cheap (parsing and collecting garbage).
 */
export interface DigestLine {
  cadreId: string;
  collegeId: string;
  duty: Duty;
  /** The row's 对象: the targets' labels joined as overdueReport joins them. */
  target: string;
  /** The targets' ids: a contact with any of them counts in the line's windows (digestWithContacts). */
  targetIds: string[];
  windows: number[];
}

export interface DigestCadre {
  /** As the row shows it (null: a cadre id no cadre has, shown as the id). */
  name: string | null;
  employeeNo: string | null;
  /** cadreName: the name, with the 工号 when a namesake exists (the text table). */
  label: string;
  /** Where the row's 干部 (its name, else the id) sorts among the digest's cadres: compareOverdueRows by numbers. */
  rank: number;
}

export interface OverdueDigest {
  term: Term;
  /** The settings' terms: which term a date reports on. */
  terms: Term[];
  /** Who may read it (the caller checks the scope as on any read). */
  users: User[];
  /** For --college: the colleges as `findCollege` knows them. */
  colleges: College[];
  collegeNames: Record<string, string>;
  cadres: Record<string, DigestCadre>;
  /** In the order of the lines' first windows in termWindows. */
  lines: DigestLine[];
}

/** One window as DigestLine.windows holds it: start, end, required, the number of dates, the dates. */
function windowEntry(start: number, end: number, required: number, dates: readonly number[]): number[] {
  return [start, end, required, dates.length, ...dates];
}

/** Each window of a line's flat `windows`: its start, end and required count, and where its dates are (w[from] to w[to - 1]). */
function walkWindows(
  w: readonly number[],
  visit: (start: number, end: number, required: number, from: number, to: number) => void,
): void {
  for (let i = 0; i < w.length; i += 4 + w[i + 3]!) visit(w[i]!, w[i + 1]!, w[i + 2]!, i + 4, i + 4 + w[i + 3]!);
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date. */
export function dayNumber(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export const isoOfDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Merges sorted lists' dates within [from, to] into one sorted list of day numbers. */
function datesIn(lists: ReadonlyArray<readonly IsoDate[] | undefined>, from: IsoDate, to: IsoDate): number[] {
  const out: number[] = [];
  for (const list of lists) if (list) for (const d of list) if (from <= d && d <= to) out.push(dayNumber(d));
  return lists.length > 1 ? out.sort((a, b) => a - b) : out;
}

/** The digest of `term` from the whole school's data with (at least) the contacts of the term. */
export function overdueDigest(data: Datastore, idx: Indexes, term: Term): OverdueDigest {
  const lines: DigestLine[] = [];
  const byKey = new Map<string, DigestLine>();
  const cadres: Record<string, DigestCadre> = {};
  const collegeNames: Record<string, string> = {};
  for (const assignment of data.assignments) {
    const cls = idx.classById.get(assignment.classId);
    if (!cls) continue;
    for (const w of assignmentWindows(assignment, cls, rulesFor(data.settings, cls.collegeId), term, idx, term.end)) {
      const cadre = idx.cadreById.get(w.cadreId);
      cadres[w.cadreId] ??= {
        name: cadre?.name ?? null,
        employeeNo: cadre?.employeeNo ?? null,
        label: cadre ? cadreName(idx, cadre) : w.cadreId,
        rank: 0,
      };
      collegeNames[w.collegeId] ??= collegeName(idx, w.collegeId);
      const target = w.targetIds.map((t) => targetLabel(idx, w.duty, t)).join('、');
      const dates = datesIn(
        w.targetIds.map((t) => contactDatesOf(idx, w.cadreId, w.duty, t)),
        w.start,
        w.end,
      );
      const window = windowEntry(dayNumber(w.start), dayNumber(w.end), w.required, dates);
      const key = `${w.cadreId}\u0000${w.collegeId}\u0000${w.duty}\u0000${target}\u0000${w.targetIds.join('\u0000')}`;
      const line = byKey.get(key);
      if (line) line.windows.push(...window);
      else {
        const added: DigestLine = {
          cadreId: w.cadreId,
          collegeId: w.collegeId,
          duty: w.duty,
          target,
          targetIds: [...w.targetIds],
          windows: window,
        };
        byKey.set(key, added);
        lines.push(added);
      }
    }
  }
  const ranks = nameRanks(Object.entries(cadres).map(([id, c]) => c.name ?? id));
  for (const [id, c] of Object.entries(cadres)) c.rank = ranks.get(c.name ?? id)!;
  return { term, terms: data.settings.terms, users: data.users, colleges: data.colleges, collegeNames, cadres, lines };
}

/** What of a contact counts in the digest. */
export type DigestContact = Pick<Contact, 'cadreId' | 'duty' | 'targetId' | 'date'>;

/**
 * The digest of the same data with `contacts` added (the roster unchanged): each counts in the windows
 * of its cadre, duty and target that hold its date, as overdueDigest counts it. The contacts `log` saved
 * since the digest was built are added this way when it is read (store/digest-file.ts).
 */
export function digestWithContacts(digest: OverdueDigest, contacts: readonly DigestContact[]): OverdueDigest {
  if (contacts.length === 0) return digest;
  // By cadre and duty: up to 1,000 contacts against the term's ~3,000 lines, each line looks at its own.
  const byCadre = new Map<string, Array<Pick<DigestContact, 'targetId' | 'date'>>>();
  for (const c of contacts) {
    const key = `${c.cadreId}\u0000${c.duty}`;
    const list = byCadre.get(key);
    if (list) list.push(c);
    else byCadre.set(key, [c]);
  }
  const lines = digest.lines.map((line) => {
    const mine = byCadre.get(`${line.cadreId}\u0000${line.duty}`);
    const days = mine ? mine.filter((c) => line.targetIds.includes(c.targetId)).map((c) => dayNumber(c.date)) : [];
    if (days.length === 0) return line;
    const w = line.windows;
    const windows: number[] = [];
    walkWindows(w, (start, end, required, from, to) => {
      const dates = [...w.slice(from, to), ...days.filter((d) => start <= d && d <= end)].sort((a, b) => a - b);
      windows.push(...windowEntry(start, end, required, dates));
    });
    return { ...line, windows };
  });
  return { ...digest, lines };
}

/** Does the digest answer for `asOf`: is its term the one `asOf` reports on? */
export function digestAnswers(digest: OverdueDigest, asOf: IsoDate): boolean {
  const term = reportingTerm(digest.terms, asOf);
  return (
    term !== null && term.name === digest.term.name && term.start === digest.term.start && term.end === digest.term.end
  );
}

type DigestFilter = Omit<OverdueFilter, 'cadreId'>;

/**
 * Calls `visit` for each window of `line`: its start and end (day numbers) and its status on `today` (a
 * day number), its contacts counted and judged by the rule of windows.ts.
 */
export function eachWindow(
  line: DigestLine,
  today: number,
  visit: (start: number, end: number, status: WindowStatus) => void,
): void {
  const w = line.windows;
  walkWindows(w, (start, end, required, from, to) => {
    const upTo = countedUpTo(end, today);
    let done = 0;
    for (let j = from; j < to; j++) if (start <= w[j]! && w[j]! <= upTo) done++;
    visit(start, end, statusOf(start, end, required, done, today));
  });
}

/** Calls `found` for each window the filter selects that is overdue or due on `asOf`, in the digest's order. */
function eachOwed(
  digest: OverdueDigest,
  asOf: IsoDate,
  filter: DigestFilter,
  found: (line: DigestLine, start: number, end: number, status: 'overdue' | 'due') => void,
): void {
  const today = dayNumber(asOf);
  for (const line of digest.lines) {
    if ((filter.collegeId && line.collegeId !== filter.collegeId) || (filter.duty && line.duty !== filter.duty))
      continue;
    eachWindow(line, today, (start, end, status) => {
      if (status !== 'overdue' && status !== 'due') return;
      if (!filter.status || status === filter.status) found(line, start, end, status);
    });
  }
}

/** overdueReport's rows counted by college id and status, without building them (首页's columns). */
export function overdueCountsByCollege(
  digest: OverdueDigest,
  asOf: IsoDate,
): Map<string, { overdue: number; due: number }> {
  const counts = new Map<string, { overdue: number; due: number }>();
  eachOwed(digest, asOf, {}, (line, _start, _end, status) => {
    let row = counts.get(line.collegeId);
    if (!row) counts.set(line.collegeId, (row = { overdue: 0, due: 0 }));
    row[status] += 1;
  });
  return counts;
}

/** overdueReport(…).rows.length, without building the rows. */
export function overdueCountFromDigest(digest: OverdueDigest, asOf: IsoDate, filter: DigestFilter = {}): number {
  let n = 0;
  eachOwed(digest, asOf, filter, () => n++);
  return n;
}

/** overdueReport(data, idx, asOf, filter) for a date the digest answers (digestAnswers). */
export function overdueFromDigest(digest: OverdueDigest, asOf: IsoDate, filter: DigestFilter = {}): OverdueReport {
  const rows: OverdueRow[] = [];
  const today = dayNumber(asOf);
  eachOwed(digest, asOf, filter, (line, start, end, status) => {
    const cadre = digest.cadres[line.cadreId];
    rows.push({
      cadre: cadre?.name ?? line.cadreId,
      cadreId: line.cadreId,
      employeeNo: cadre?.employeeNo ?? null,
      college: digest.collegeNames[line.collegeId] ?? line.collegeId,
      duty: line.duty,
      target: line.target,
      windowStart: isoOfDay(start),
      windowEnd: isoOfDay(end),
      status,
      days: windowDays({ end }, status, today),
    });
  });
  const rank = (r: OverdueRow) => digest.cadres[r.cadreId]?.rank ?? 0;
  rows.sort(overdueOrder((a, b) => rank(a) - rank(b)));
  return { term: digest.term, asOf, rows };
}

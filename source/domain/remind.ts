// 催办 (issue 25): per college, per cadre, the windows she is late on (and those ending soon) — what a
// secretary posts to the college's group. A group is no place for a student's private data: a 困难生 is
// named by name alone, never by category, phone or 学号.
import { addDays, type IsoDate } from './dates.js';
import { dormKey, type Indexes } from './indexes.js';
import { collegeName } from './labels.js';
import type { Datastore, Term } from './schema.js';
import { reportingTerm } from './terms.js';
import type { Duty } from './vocabulary.js';
import { termWindows, windowStatus } from './windows.js';

export interface ReminderItem {
  duty: Duty;
  /** 班级名称 | 寝室楼-寝室号 (several joined by 、) | the student's name alone. */
  target: string;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  status: 'overdue' | 'due';
}

export interface CadreReminder {
  cadre: string;
  cadreId: string;
  employeeNo: string | null;
  items: ReminderItem[];
}

export interface CollegeReminder {
  college: string;
  collegeId: string;
  cadres: CadreReminder[];
}

export interface Reminders {
  term: Term | null;
  asOf: IsoDate;
  colleges: CollegeReminder[];
}

export interface ReminderFilter {
  collegeId?: string;
  cadreId?: string;
  /** Also the windows still open that end within this many days of the as-of date. */
  soon?: number;
}

let collator: Intl.Collator | null = null;
const byName = (a: string, b: string) => (collator ??= new Intl.Collator('zh-CN')).compare(a, b);
const DUTY_ORDER: Record<Duty, number> = { class: 0, dorm: 1, student: 2 };

function privateTarget(idx: Indexes, duty: Duty, targetId: string): string {
  if (duty === 'class') return idx.classById.get(targetId)?.name ?? targetId;
  if (duty === 'dorm') {
    const dorm = idx.dormById.get(targetId);
    return dorm ? dormKey(dorm) : targetId;
  }
  return idx.studentById.get(targetId)?.name ?? '';
}

/** Every college (of `data`, in its order) with the cadres it has to chase; colleges with none have no cadres. */
export function reminders(data: Datastore, idx: Indexes, asOf: IsoDate, filter: ReminderFilter = {}): Reminders {
  const term = reportingTerm(data.settings.terms, asOf);
  const colleges = data.colleges.filter((c) => filter.collegeId === undefined || c.id === filter.collegeId);
  const byCollege = new Map<string, Map<string, CadreReminder>>(colleges.map((c) => [c.id, new Map()]));
  const soonEnd = filter.soon === undefined ? null : addDays(asOf, filter.soon);
  for (const w of term ? termWindows(data, idx, term, asOf) : []) {
    if (filter.cadreId !== undefined && w.cadreId !== filter.cadreId) continue;
    const cadres = byCollege.get(w.collegeId);
    if (!cadres) continue;
    const status = windowStatus(w, asOf);
    if (status !== 'overdue' && !(status === 'due' && soonEnd !== null && w.end <= soonEnd)) continue;
    let entry = cadres.get(w.cadreId);
    if (!entry) {
      const cadre = idx.cadreById.get(w.cadreId);
      entry = { cadre: cadre?.name ?? w.cadreId, cadreId: w.cadreId, employeeNo: cadre?.employeeNo ?? null, items: [] };
      cadres.set(w.cadreId, entry);
    }
    const target = w.targetIds.map((t) => privateTarget(idx, w.duty, t)).join('、');
    entry.items.push({ duty: w.duty, target, windowStart: w.start, windowEnd: w.end, status });
  }
  return {
    term,
    asOf,
    colleges: colleges.map((c) => ({
      college: collegeName(idx, c.id),
      collegeId: c.id,
      cadres: [...byCollege.get(c.id)!.values()]
        .sort((a, b) => byName(a.cadre, b.cadre) || (a.employeeNo ?? '').localeCompare(b.employeeNo ?? ''))
        .map((r) => ({
          ...r,
          items: r.items.sort((a, b) =>
            a.windowStart < b.windowStart
              ? -1
              : a.windowStart > b.windowStart
                ? 1
                : DUTY_ORDER[a.duty] - DUTY_ORDER[b.duty],
          ),
        })),
    })),
  };
}

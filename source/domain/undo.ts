// Undo (README: Backups, journal, undo, restore): which change to revert, and the change that puts its
// records back. The store runs it like any other change, under the lock; a refusal names the later change in the way.
import { isDeepStrictEqual } from 'node:util';
import { shanghaiDateTime } from './dates.js';
import { UserError } from './errors.js';
import { buildIndexes } from './indexes.js';
import { datastoreProblems } from './invariants.js';
import { COLLECTION_LABELS, type JournalEntry, type RecordChange } from './journal-entry.js';
import { journalSettings } from './robots.js';
import type { Datastore, Settings } from './schema.js';

/**
 * Of the journal's entries, newest first: the entry to undo, the change that reverts it (refused if it adds
 * a problem) and the contacts it must read.
 */
export async function plannedUndo(newest: AsyncIterable<JournalEntry>, currentRevision: number, revision?: number) {
  const { entry, later } = await undoCandidate(newest, currentRevision, revision);
  const change = (data: Datastore): string => {
    const problemsBefore = new Set(datastoreProblems(data, buildIndexes(data)));
    revertEntry(data, entry, later);
    const introduced = datastoreProblems(data, buildIndexes(data)).filter((p) => !problemsBefore.has(p));
    if (introduced.length > 0)
      throw new UserError(`无法撤销${describeEntry(entry)}：撤销后${introduced.slice(0, 3).join('；')}`);
    return `已撤销${describeEntry(entry)}`;
  };
  return { entry, change, contacts: earliestContactDate(entry) ?? 'none' };
}

const BY_RESTORE = '如需回到之前的状态，请用 sanlianxi backups 找到备份并 restore';

/**
 * The latest change not yet undone (or `revision`) and the entries after it, oldest first. Reading newest
 * first stops there: an undo names an earlier revision, so every undo of the candidate has been met.
 */
export async function undoCandidate(newest: AsyncIterable<JournalEntry>, currentRevision: number, revision?: number) {
  const undone = new Set<number>();
  const later: JournalEntry[] = [];
  let entry: JournalEntry | undefined;
  for await (const e of newest) {
    if (revision === undefined ? e.undoOf === undefined && !undone.has(e.revision) : e.revision === revision) {
      entry = e;
      break;
    }
    if (e.undoOf !== undefined) undone.add(e.undoOf);
    later.push(e);
  }
  if (!entry)
    throw new UserError(
      revision === undefined ? '没有可以撤销的修改' : `日志中没有第 ${revision} 号修改：用 sanlianxi history 查看`,
    );
  if (entry.undoOf !== undefined) throw new UserError(`第 ${entry.revision} 号修改本身是撤销操作，不能再撤销`);
  if (undone.has(entry.revision)) throw new UserError(`第 ${entry.revision} 号修改已经撤销过了`);
  // A revision after the candidate without its entry (a line torn by a crash or a full disk) may be
  // the real latest change, or may have undone the candidate: refuse rather than guess.
  const present = new Set(later.map((e) => e.revision));
  for (let r = currentRevision; r > entry.revision; r--) {
    if (!present.has(r))
      throw new UserError(
        `修改日志中缺少第 ${r} 号修改的记录（日志的这一行已损坏）：无法确定哪次修改在先，未撤销任何修改；${BY_RESTORE}`,
      );
  }
  if (entry.changes === null)
    throw new UserError(`第 ${entry.revision} 号修改（${entry.action}）不能撤销：${BY_RESTORE}`);
  return { entry, later: later.reverse() };
}

/** The latest change of `entries` (oldest first) not yet undone, for the question before an undo; null: none. */
export function latestUndoable(entries: readonly JournalEntry[]): JournalEntry | null {
  const undone = new Set(entries.flatMap((e) => (e.undoOf === undefined ? [] : [e.undoOf])));
  return [...entries].reverse().find((e) => e.undoOf === undefined && !undone.has(e.revision)) ?? null;
}

/** 第 N 号修改（time user action：summary）. */
export function describeEntry(e: JournalEntry): string {
  return `第 ${e.revision} 号修改（${shanghaiDateTime(new Date(e.at))} ${e.user} ${e.action}：${e.summary}）`;
}

function recordLabel(change: RecordChange): string {
  const record = (change.after ?? change.before) as Record<string, unknown> | null;
  const name =
    record?.['name'] ?? record?.['studentNo'] ?? (record?.['date'] ? `${String(record['date'])} 的记录` : undefined);
  return `${COLLECTION_LABELS[change.collection]}${typeof name === 'string' ? ` ${name}` : ` ${change.id}`}`;
}

type Table = { id: string }[];

/** The earliest contact date the entry touched: the contacts undo must read. */
function earliestContactDate(entry: JournalEntry): string | undefined {
  const contacts = (entry.changes ?? []).filter((c) => c.collection === 'contacts');
  const records = contacts.flatMap((c) => [c.before, c.after] as ({ date: string } | null)[]);
  return records.flatMap((r) => r?.date ?? []).sort()[0];
}

/** Puts back every record the entry changed; refuses when a later change touched one of them. */
function revertEntry(data: Datastore, entry: JournalEntry, later: readonly JournalEntry[]): void {
  for (const change of entry.changes ?? []) {
    const current =
      change.collection === 'settings'
        ? journalSettings(data.settings)
        : ((data[change.collection] as Table).find((r) => r.id === change.id) ?? null);
    if (
      change.collection === 'settings' &&
      !isDeepStrictEqual((change.before as Settings).robots, (change.after as Settings).robots)
    ) {
      throw new UserError(
        `无法撤销${describeEntry(entry)}：它改动了群机器人，日志只存遮盖后的地址；请用 sanlianxi webhook set 或 webhook remove 改回`,
      );
    }
    if (!isDeepStrictEqual(current, change.after)) {
      const touches = (e: JournalEntry) =>
        e.changes === null || e.changes.some((c) => c.collection === change.collection && c.id === change.id);
      const blame = [...later].reverse().find(touches);
      throw new UserError(
        `无法撤销${describeEntry(entry)}：${recordLabel(change)} 之后${blame ? `又被${describeEntry(blame)}改动` : '已被改动'}；请先撤销后来的修改`,
      );
    }
  }
  for (const change of [...(entry.changes ?? [])].reverse()) {
    if (change.collection === 'settings') {
      const { robots: _masked, ...before } = change.before as Settings;
      data.settings = data.settings.robots === undefined ? before : { ...before, robots: data.settings.robots };
      continue;
    }
    const table = data[change.collection] as Table;
    const at = table.findIndex((r) => r.id === change.id);
    if (change.before === null) table.splice(at, 1);
    else if (at >= 0) table[at] = change.before as Table[number];
    else table.push(change.before as Table[number]);
  }
}

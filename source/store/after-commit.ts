// The steps after a save's commit point (README: saving). None can unsave the change, so one failing does
// not stop the others; she is told once which did not get done, above all a backup.
import { readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { backUp, filesOf, pruneBackups } from './backups.js';
import type { HeadFile } from './file-schemas.js';
import { compactJournal } from './journal.js';
import { isStoreFileName, type DatastoreLayout } from './layout.js';
import { sweepTempFiles } from '../files/private-files.js';
import { indexFileName, writeRosterIndex, indexedRosterText, type RosterIndex } from './roster-index.js';
import { writeSeal } from './seals.js';
import type { SnapshotReader } from './snapshot-reader.js';
import { isStorageError } from '../files/storage-errors.js';
import { sweepReleasedLocks } from './store-lock.js';

export interface AfterCommitStep {
  /** What the step makes, as the notice names it (e.g. 备份). */
  name: string;
  run: () => Promise<unknown>;
}

/** Why a step failed, in a few words for the notice (storage-errors.ts says the whole problem). */
const REASONS: Record<string, string> = {
  ENOSPC: '磁盘已满',
  EDQUOT: '磁盘已满',
  EROFS: '存储是只读的',
  EACCES: '没有写入权限',
  EPERM: '没有写入权限',
  EIO: '磁盘 I/O 错误',
};
const reasonOf = (error: unknown): string =>
  isStorageError(error) ? (REASONS[error.code!] ?? error.code!) : ((error as Error)?.message ?? String(error));

/** Runs every step in order; the one line to tell the secretary when any failed, else null. */
export async function runAfterCommit(steps: readonly AfterCommitStep[]): Promise<string | null> {
  const failed: string[] = [];
  const reasons = new Set<string>();
  for (const step of steps) {
    try {
      await step.run();
    } catch (error) {
      failed.push(step.name);
      reasons.add(reasonOf(error));
    }
  }
  if (failed.length === 0) return null;
  return `已保存，但${failed.join('、')}未完成（${[...reasons].join('；')}）：下次保存时重做`;
}

/** What a save committed, for the steps after it. */
export interface CommittedRevision {
  head: HeadFile;
  now: Date;
  /** The main file written (its SHA-256 is its seal), and the roster and month files, by name. */
  main: { content: string | Buffer; sha256: string };
  parts: Map<string, string | Buffer>;
  /** The index of a roster file the save wrote (null: it kept the roster). */
  index: RosterIndex | null;
}

/** The steps after a commit, in order: each one's failure leaves the change saved and is said once. */
export function afterCommitSteps(reader: SnapshotReader, saved: CommittedRevision): AfterCommitStep[] {
  const { layout } = reader;
  const { head, now } = saved;
  return [
    { name: '校验值', run: () => writeSeal(layout.seal, saved.main.sha256) },
    { name: '名册索引', run: () => indexRoster(reader, saved.index) },
    { name: '旧文件清理', run: () => removeUnreferencedParts(reader, head).then(() => sweepTemps(layout)) },
    {
      name: '备份',
      run: () => backUp(layout, head.revision, filesOf(head), { main: saved.main.content, parts: saved.parts }, now),
    },
    { name: '旧备份轮换', run: () => pruneBackups(layout) },
    { name: '日志整理', run: () => compactJournal(layout.journal, now) },
  ];
}

/**
 * The roster's index beside it (roster-index.ts), once per roster file: the one made with a roster just
 * written, or made now for a roster this handle read whole (one from before indexes, or whose index was lost).
 */
async function indexRoster(reader: SnapshotReader, written: RosterIndex | null): Promise<void> {
  const roster = reader.roster;
  if (roster === null || roster.indexed) return;
  const file = join(reader.layout.partsDir, roster.ref.file);
  let index = written;
  if (index === null) {
    // Only for the very text on disk: a roster written by another version may differ in its bytes.
    const built = indexedRosterText(roster.collections);
    if ((await readFile(file, 'latin1')) !== `${built.text}\n`) return;
    index = built.index;
  }
  await writeRosterIndex(join(reader.layout.partsDir, indexFileName(roster.ref.file)), roster.ref.sha256, index);
  roster.indexed = true;
}

/** Roster and month files (and roster indexes) no revision on disk names any more (backups keep their own copies). */
async function removeUnreferencedParts(reader: SnapshotReader, head: HeadFile): Promise<void> {
  const live = new Set([...filesOf(head).map((f) => f.file), indexFileName(head.roster.file)]);
  const names = await readdir(reader.layout.partsDir).catch(() => [] as string[]);
  for (const name of names) {
    if (isStoreFileName(name) && !live.has(name)) {
      await unlink(join(reader.layout.partsDir, name)).catch(() => undefined);
      reader.parts.delete(name);
    }
  }
}

/** Temp files of writers killed mid-write (main file, seal, digest, journal compaction, roster and month files, a released lock directory). */
async function sweepTemps(layout: DatastoreLayout): Promise<void> {
  await sweepReleasedLocks(layout.main);
  const own = new Set([layout.main, layout.seal, layout.digest, layout.journal].map((f) => basename(f)));
  await sweepTempFiles(dirname(layout.main), (name) => own.has(name));
  await sweepTempFiles(layout.partsDir, isStoreFileName);
}

// The steps after a save's commit point (README: saving): none can unsave the change, so each runs.
import { readdir, readFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { backUp, filesOf, pruneBackups } from './backups.js';
import type { HeadFile } from './file-schemas.js';
import { compactJournal } from './journal.js';
import { isStoreFileName } from './layout.js';
import { sweepTempFiles } from '../files/private-files.js';
import { indexFileName, writeRosterIndex, indexedRosterText, type RosterIndex } from './roster-index.js';
import { writeSeal } from './seals.js';
import type { SnapshotReader } from './snapshot-reader.js';
import { isStorageError } from '../files/storage-errors.js';
import { sweepReleasedLocks } from './store-lock.js';

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

/** Runs each step, named as the notice names it; the one line to say when any failed, else null. */
export async function afterCommit(reader: SnapshotReader, saved: CommittedRevision): Promise<string | null> {
  const { layout } = reader;
  const { head, now, main } = saved;
  const steps: [name: string, run: () => Promise<unknown>][] = [
    ['校验值', () => writeSeal(layout.seal, main.sha256)],
    ['名册索引', () => indexRoster(reader, saved.index)],
    ['旧文件清理', () => sweepOldFiles(reader, head)],
    ['备份', () => backUp(layout, head.revision, filesOf(head), { main: main.content, parts: saved.parts }, now)],
    ['旧备份轮换', () => pruneBackups(layout)],
    ['日志整理', () => compactJournal(layout.journal, now)],
  ];
  const failed: string[] = [];
  const reasons = new Set<string>();
  for (const [name, run] of steps) {
    try {
      await run();
    } catch (error) {
      failed.push(name);
      reasons.add(reasonOf(error));
    }
  }
  return failed.length === 0
    ? null
    : `已保存，但${failed.join('、')}未完成（${[...reasons].join('；')}）：下次保存时重做`;
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

/** Roster and month files and indexes no revision names (backups keep their own), temp files of killed writers, released locks. */
async function sweepOldFiles(reader: SnapshotReader, head: HeadFile): Promise<void> {
  const { layout } = reader;
  const live = new Set([...filesOf(head).map((f) => f.file), indexFileName(head.roster.file)]);
  for (const name of await readdir(layout.partsDir).catch(() => [] as string[])) {
    if (isStoreFileName(name) && !live.has(name)) {
      await unlink(join(layout.partsDir, name)).catch(() => undefined);
      reader.parts.delete(name);
    }
  }
  await sweepReleasedLocks(layout.main);
  const own = new Set([layout.main, layout.seal, layout.digest, layout.journal].map((f) => basename(f)));
  await sweepTempFiles(dirname(layout.main), (name) => own.has(name));
  await sweepTempFiles(layout.partsDir, isStoreFileName);
}

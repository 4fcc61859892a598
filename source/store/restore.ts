// Restore (README: Backups): every month written afresh, so it also rebuilds missing or damaged month files.
import { readFile, rename, rmdir, stat } from 'node:fs/promises';
import { UserError } from '../domain/errors.js';
import type { Datastore } from '../domain/schema.js';
import { backUp, filesOf, listBackups, type BackupInfo } from './backups.js';
import { DatastoreFileError } from './datastore-file-error.js';
import { latestEntries } from './journal.js';
import { layoutOf } from './layout.js';
import { saveWhole } from './save-revision.js';
import { assemble } from './snapshot.js';
import { SnapshotReader } from './snapshot-reader.js';
import type { HeldLock } from './store-lock.js';
import type { Saved } from './store-types.js';

/** A backup brought back; `aside`: where the files of a datastore that could not be read were moved. */
export interface RestoredBackup {
  backup: BackupInfo;
  aside: string[];
}

/** The backup named `id` and its content, read in full; a user error when there is none. */
export async function readBackup(reader: SnapshotReader, id: string) {
  const backup = (await listBackups(reader.layout)).find((b) => b.id === id);
  if (!backup) throw new UserError(`找不到备份“${id}”：用 sanlianxi backups 查看可用的备份`);
  const source = assemble(await new SnapshotReader(layoutOf(backup.mainFile), backup.mainFile, true).read('all'));
  return { backup, source };
}

/** The datastore as read now, or null when it cannot be read: damaged, or its main file missing. */
export async function readable(reader: SnapshotReader) {
  try {
    return await reader.read('none');
  } catch (error) {
    if (error instanceof DatastoreFileError || (await stat(reader.layout.main).catch(() => null)) === null) return null;
    throw error;
  }
}

/** Under the lock: replaces the datastore's content with `source`, the content of `backup`; the revision it replaces keeps its backup. */
export async function restoreLocked(
  reader: SnapshotReader,
  lock: HeldLock,
  { backup, source }: { backup: BackupInfo; source: Datastore },
  meta: { action: string; user?: string },
): Promise<Saved<RestoredBackup>> {
  const { layout } = reader;
  const current = await readable(reader);
  const backups = await listBackups(layout);
  // Made now if an older version left none.
  if (current && !backups.some((b) => b.revision === current.main.revision)) {
    const files = filesOf({ roster: current.roster, contactParts: current.main.contactParts });
    const texts = { main: await readFile(layout.main), parts: new Map() };
    await backUp(layout, current.main.revision, files, texts, new Date()).catch(() => undefined);
  }
  // Numbered after every revision seen (the journal's too: an unreadable main file's own is unknown),
  // so no month file name or journal entry of a revision replaced is reused.
  const journalled = current
    ? 0
    : ((await latestEntries(layout.journal, Number.MAX_SAFE_INTEGER, 1))[0]?.revision ?? 0);
  const revision = Math.max(current?.main.revision ?? 0, journalled, ...backups.map((b) => b.revision)) + 1;
  // A datastore that cannot be read is what restore is for: its main file and contacts folder are moved
  // aside (when there), never overwritten, and put back if the restore is refused.
  const moved: [from: string, to: string][] = [];
  const corrupt = `${layout.main}.corrupt-${Date.now()}`;
  for (const from of current ? [] : [layout.main, layout.partsDir]) {
    const to = from === layout.main ? corrupt : `${corrupt}.contacts`;
    await rename(from, to)
      .then(() => moved.push([from, to]))
      .catch(() => undefined);
  }
  const aside = moved.map(([, to]) => to);
  const action = aside.length > 0 ? `${meta.action}（原文件已移到 ${aside.join('、')}）` : meta.action;
  try {
    return { result: { backup, aside }, ...(await saveWhole(reader, lock, source, revision, { ...meta, action })) };
  } catch (error) {
    // Over what the refused save left there: nothing, or an empty contacts folder.
    for (const [from, to] of moved) {
      await rmdir(from).catch(() => undefined);
      await rename(to, from).catch(() => undefined);
    }
    throw error;
  }
}

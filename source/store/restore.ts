// Restore: a backup brought back as a new revision whose every month is written afresh from the backup,
// so it also rebuilds a datastore whose month files are missing or damaged. The revision it replaces
// has its backup (made after its save; made now if an older version left none); a main file that cannot
// be read is moved aside, never overwritten.
import { readFile, rename } from 'node:fs/promises';
import { UserError } from '../domain/errors.js';
import type { Datastore } from '../domain/schema.js';
import { backUp, filesOf, listBackups, type BackupInfo } from './backups.js';
import { DatastoreFileError } from './datastore-file-error.js';
import { layoutOf } from './layout.js';
import { saveRevision } from './save-revision.js';
import { assemble, freshSnapshot } from './snapshot.js';
import { SnapshotReader } from './snapshot-reader.js';
import type { HeldLock } from './store-lock.js';
import type { Saved } from './store-types.js';

/** The backup named `id` and its content, read in full; a user error when there is none. */
export async function readBackup(reader: SnapshotReader, id: string): Promise<{ backup: BackupInfo; source: Datastore }> {
  const backup = (await listBackups(reader.layout)).find((b) => b.id === id);
  if (!backup) throw new UserError(`找不到备份“${id}”：用 sanlianxi backups 查看可用的备份`);
  const source = assemble(await new SnapshotReader(layoutOf(backup.mainFile), backup.mainFile, true).read('all'));
  return { backup, source };
}

/** Under the lock: replaces the datastore's content with `source`, the content of `backup`. */
export async function restoreLocked(
  reader: SnapshotReader,
  lock: HeldLock,
  { backup, source }: { backup: BackupInfo; source: Datastore },
  action: string,
): Promise<Saved<BackupInfo>> {
  const { layout } = reader;
  const current = await reader.read('none').catch((error: unknown) => {
    if (error instanceof DatastoreFileError) return null;
    throw error;
  });
  const backups = await listBackups(layout);
  let journalled = action;
  if (current && !backups.some((b) => b.revision === current.main.revision)) {
    const text = await readFile(layout.main, 'utf8');
    const files = filesOf({ roster: current.roster, contactParts: current.main.contactParts });
    await backUp(layout, current.main.revision, files, { main: text, parts: new Map() }, new Date()).catch(() => undefined);
  }
  if (!current) {
    const aside = `${layout.main}.corrupt-${Date.now()}`;
    await rename(layout.main, aside).catch(() => undefined);
    await rename(layout.partsDir, `${aside}.contacts`).catch(() => undefined);
    journalled = `${action}（原文件已移到 ${aside}）`;
  }
  // Numbered after every revision seen, so no month file name of the revision replaced is reused.
  const revision = Math.max(current?.main.revision ?? 0, ...backups.map((b) => b.revision)) + 1;
  const { contacts: _contacts, ...collections } = source;
  const saved = await saveRevision(
    reader,
    lock,
    freshSnapshot({ ...collections, revision: revision - 1, contactParts: {} }),
    source,
    { action: journalled, undoable: false },
    null,
  );
  return { result: backup, data: assemble(saved), revision: saved.main.revision };
}

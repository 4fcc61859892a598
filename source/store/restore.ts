// Restore: a backup brought back as a new revision. The state it replaces is backed up like before any
// save; current files that cannot be read are moved aside, never overwritten.
import { rename } from 'node:fs/promises';
import { UserError } from '../domain/errors.js';
import type { Datastore } from '../domain/schema.js';
import { listBackups, type BackupInfo } from './backups.js';
import { DatastoreFileError } from './datastore-file-error.js';
import { layoutOf } from './layout.js';
import { saveRevision } from './save-revision.js';
import { assemble, freshSnapshot } from './snapshot.js';
import { SnapshotReader } from './snapshot-reader.js';
import type { ChangeMeta, Saved } from './store-types.js';

type ApplyLocked = (change: (data: Datastore) => BackupInfo, meta: ChangeMeta) => Promise<Saved<BackupInfo>>;

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
  { backup, source }: { backup: BackupInfo; source: Datastore },
  action: string,
  applyLocked: ApplyLocked,
): Promise<Saved<BackupInfo>> {
  const replace = (data: Datastore) => {
    Object.assign(data, source);
    return backup;
  };
  const current = await reader.read('none').catch((error: unknown) => {
    if (error instanceof DatastoreFileError) return null;
    throw error;
  });
  if (current) return applyLocked(replace, { action, contacts: 'all', undoable: false });
  // The current files cannot be read: they are kept aside, never overwritten, and the backup becomes
  // a new revision numbered after every one seen so far.
  const { layout } = reader;
  const aside = `${layout.main}.corrupt-${Date.now()}`;
  await rename(layout.main, aside).catch(() => undefined);
  await rename(layout.partsDir, `${aside}.contacts`).catch(() => undefined);
  const revision = Math.max(0, ...(await listBackups(layout)).map((b) => b.revision)) + 1;
  const { contacts: _contacts, ...collections } = source;
  const saved = await saveRevision(
    reader,
    freshSnapshot({ ...collections, revision, contactParts: {} }),
    source,
    { action: `${action}（原文件已移到 ${aside}）`, undoable: false },
    null,
  );
  return { result: backup, data: assemble(saved), revision: saved.main.revision };
}

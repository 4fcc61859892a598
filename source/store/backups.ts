// README: Backups. Copies, never links to live files: damage to a live file cannot reach one. Ordered by
// revision, never by the time in the name (a clock can be set wrong).
import { link, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { shanghaiDateTime } from '../domain/dates.js';
import { PRIVATE_DIR_MODE, syncDir, writeNewPrivateFile } from '../files/private-files.js';
import { sha256 } from '../files/file-identity.js';
import type { PartRef } from './file-schemas.js';
import type { DatastoreLayout } from './layout.js';
import { backupsToDrop } from './retention.js';

const PARTIAL = '.partial';

const ID_PATTERN = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-r(\d+)(?:-\d+)?$/;

export type BackupInfo = NonNullable<ReturnType<typeof infoOf>>;

function infoOf(layout: DatastoreLayout, id: string) {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  const dir = join(layout.backupsDir, id);
  return {
    id,
    dir,
    /** The backup's copy of the main file: open it like any datastore. */
    mainFile: join(dir, basename(layout.main)),
    /** Shanghai local time `2026-11-25 14:30:05`. */
    time: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`,
    day: `${m[1]}-${m[2]}-${m[3]}`,
    revision: Number(m[8]),
  };
}

/** By revision, oldest first. */
export async function listBackups(layout: DatastoreLayout): Promise<BackupInfo[]> {
  return (await readdir(layout.backupsDir).catch(() => [] as string[]))
    .flatMap((n) => infoOf(layout, n) ?? [])
    .sort((a, b) => a.revision - b.revision || (a.id < b.id ? -1 : 1));
}

/** A roster or month file the save did not write: an earlier backup's copy, else the live file if it matches its seal. */
async function backUpPart(layout: DatastoreLayout, backups: readonly BackupInfo[], ref: NamedFile, to: string) {
  const live = join(layout.partsDir, ref.file);
  const liveInfo = await stat(live).catch(() => null);
  for (const b of [...backups].reverse()) {
    const copy = join(b.dir, basename(layout.partsDir), ref.file);
    const info = await stat(copy).catch(() => null);
    // Backups made by older versions hard-linked the live file: the same inode is no copy. Copies are
    // never rewritten, so another backup may link to one.
    if (info && (liveInfo === null || info.ino !== liveInfo.ino || info.dev !== liveInfo.dev))
      return link(copy, to).catch(async () => writeNewPrivateFile(to, await readFile(copy)));
  }
  const bytes = await readFile(live);
  if (ref.sha256 !== undefined && sha256(bytes) !== ref.sha256) throw new Error(`${live} 与校验值不符，不作为备份`);
  await writeNewPrivateFile(to, bytes);
}

/** A roster or month file a main file names. */
type NamedFile = Pick<PartRef, 'file' | 'sha256'>;

/** Its roster file (version 4 on) and its month files. */
export function filesOf(main: { roster?: NamedFile | null; contactParts: Record<string, NamedFile> }): NamedFile[] {
  return [...(main.roster ? [main.roster] : []), ...Object.values(main.contactParts)];
}

/** Backs up `revision`, just committed: its main file and the files it names; `texts.parts` by name. */
export async function backUp(
  layout: DatastoreLayout,
  revision: number,
  files: readonly NamedFile[],
  texts: { main: string | Buffer; parts: ReadonlyMap<string, string | Buffer> },
  now: Date,
): Promise<BackupInfo> {
  await mkdir(layout.backupsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const backups = await listBackups(layout);
  // Under the lock: a partial backup is one a killed writer left.
  for (const name of await readdir(layout.backupsDir))
    if (name.endsWith(PARTIAL)) await rm(join(layout.backupsDir, name), { recursive: true, force: true });
  const time = shanghaiDateTime(now).replace(/-|:/g, '').replace(' ', '-');
  const base = `${time}-${String(now.getUTCMilliseconds()).padStart(3, '0')}-r${revision}`;
  let id = base;
  for (let n = 2; backups.some((b) => b.id === id); n++) id = `${base}-${n}`;
  const info = infoOf(layout, id)!;
  const partial = `${info.dir}${PARTIAL}`;
  try {
    await mkdir(partial, { mode: PRIVATE_DIR_MODE });
    await writeNewPrivateFile(join(partial, basename(layout.main)), texts.main);
    if (files.length > 0) {
      const partsDir = join(partial, basename(layout.partsDir));
      await mkdir(partsDir, { mode: PRIVATE_DIR_MODE });
      // At once: one after another, a link per month took most of a log's backup.
      await Promise.all(
        files.map(async (ref) => {
          const to = join(partsDir, ref.file);
          const text = texts.parts.get(ref.file);
          if (text === undefined) await backUpPart(layout, backups, ref, to);
          else await writeNewPrivateFile(to, text);
        }),
      );
      await syncDir(partsDir);
    }
    await syncDir(partial);
    await rename(partial, info.dir);
    await syncDir(layout.backupsDir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
  return info;
}

export async function pruneBackups(layout: DatastoreLayout): Promise<void> {
  for (const b of backupsToDrop(await listBackups(layout))) await rm(b.dir, { recursive: true, force: true });
}

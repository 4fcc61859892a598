// Rotating backups beside the datastore: before every save, the files of the current revision are
// hard-linked (copied where links are impossible) into `<name>.backups/<time>-r<revision>/`. Contact
// files are immutable, so a backup costs a few links. Kept: the last 20, and the newest of each of the
// last 30 days.
import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PRIVATE_DIR_MODE } from './private-files.js';
import type { DatastoreLayout } from './layout.js';
import type { MainFile } from './file-schemas.js';

export const KEEP_LAST = 20;
export const KEEP_DAYS = 30;

export interface BackupInfo {
  id: string;
  dir: string;
  /** The backup's copy of the main file: open it like any datastore. */
  mainFile: string;
  /** Shanghai local time `2026-11-25 14:30:05`. */
  time: string;
  day: string;
  revision: number;
}

const ID_PATTERN = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})-r(\d+)(?:-\d+)?$/;

const shanghai = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function backupId(now: Date, revision: number): string {
  const p = Object.fromEntries(shanghai.formatToParts(now).map((x) => [x.type, x.value]));
  const ms = String(now.getUTCMilliseconds()).padStart(3, '0');
  return `${p['year']}${p['month']}${p['day']}-${p['hour']}${p['minute']}${p['second']}-${ms}-r${revision}`;
}

function infoOf(layout: DatastoreLayout, id: string): BackupInfo | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  const dir = join(layout.backupsDir, id);
  return {
    id,
    dir,
    mainFile: join(dir, basename(layout.main)),
    time: `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}`,
    day: `${m[1]}-${m[2]}-${m[3]}`,
    revision: Number(m[8]),
  };
}

/** Oldest first. */
export async function listBackups(layout: DatastoreLayout): Promise<BackupInfo[]> {
  const names = await readdir(layout.backupsDir).catch(() => [] as string[]);
  return names
    .map((n) => infoOf(layout, n))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function linkOrCopy(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

/** Backs up the files of `main` (the revision on disk now). */
export async function backUp(layout: DatastoreLayout, main: MainFile, now: Date): Promise<BackupInfo> {
  await mkdir(layout.backupsDir, { recursive: true, mode: PRIVATE_DIR_MODE });
  let id = backupId(now, main.revision);
  for (let n = 2; ; n++) {
    try {
      await mkdir(join(layout.backupsDir, id), { mode: PRIVATE_DIR_MODE });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 50) throw error;
      id = `${backupId(now, main.revision)}-${n}`;
    }
  }
  const info = infoOf(layout, id)!;
  await linkOrCopy(layout.main, info.mainFile);
  const parts = Object.values(main.contactParts);
  if (parts.length > 0) {
    const partsDir = join(info.dir, basename(layout.partsDir));
    await mkdir(partsDir, { mode: PRIVATE_DIR_MODE });
    await Promise.all(parts.map((p) => linkOrCopy(join(layout.partsDir, p.file), join(partsDir, p.file))));
  }
  return info;
}

/** The backups rotation drops: beyond the last KEEP_LAST, except the newest of each of the last KEEP_DAYS days. */
export function backupsToDrop(backups: readonly BackupInfo[], today: string): BackupInfo[] {
  const oldestDay = new Date(Date.parse(`${today}T00:00:00Z`) - (KEEP_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const keep = new Set(backups.slice(-KEEP_LAST).map((b) => b.id));
  const newestOfDay = new Map<string, string>();
  for (const b of backups) if (b.day >= oldestDay) newestOfDay.set(b.day, b.id);
  for (const id of newestOfDay.values()) keep.add(id);
  return backups.filter((b) => !keep.has(b.id));
}

export async function pruneBackups(layout: DatastoreLayout, today: string): Promise<void> {
  for (const b of backupsToDrop(await listBackups(layout), today)) await rm(b.dir, { recursive: true, force: true });
}

// What the fault tests share: a small datastore with an assignment, logging on it, reading it back,
// and real faults of the file system (a read-only bind mount, a tiny tmpfs that fills up).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assign } from '../../source/domain/assignments.js';
import { logContact } from '../../source/domain/contacts.js';
import { randomId } from '../../source/domain/context.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { AUTUMN, smallSchool, testContext } from '../helpers/fixtures.js';

export const ctx = () => ({ ...testContext('2026-11-25'), newId: randomId });

export function tempDir(prefix = 'slx-fault-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A new datastore at `file` (default: in a new temp dir) with 张三 assigned to 会计1班 from 2026-09-01. */
export async function assignedStore(file = join(tempDir(), 'data.json')): Promise<DatastoreFile> {
  const data = smallSchool([AUTUMN]);
  assign(data, { cadreId: 'c_zs', classId: 'cls_kj', studentIds: ['s_1'], start: '2026-09-01' }, ctx());
  await new DatastoreFile(file).create(data);
  return new DatastoreFile(file);
}

export const logNote = (store: DatastoreFile, date: string, note: string) =>
  store.update((d) => logContact(d, { cadreId: 'c_zs', duty: 'class', targetId: 'cls_kj', date, note }, ctx()), {
    action: 'log',
    contacts: date,
  });

export async function notes(file: string): Promise<string[]> {
  return (await new DatastoreFile(file).load('all')).contacts.map((c) => c.note).sort();
}

export function mount(args: string[]): void {
  execFileSync('mount', args, { stdio: 'pipe' });
}

export function unmount(dir: string): void {
  execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
}

/** A tmpfs of `size` (e.g. `256k`) at a new directory: writes past it fail with ENOSPC. Needs root (as CI runs). */
export function smallDisk(size: string): string {
  const dir = tempDir('slx-disk-');
  mount(['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  mkdirSync(join(dir, 'data'));
  return join(dir, 'data');
}

// Issue 21, case 4's sweep, shared by disk-full-*.test.ts (two files, so the suite runs them side by side):
// a command run on a fresh copy of a store at every level from 0 to 512 KiB free, in 4 KiB steps, on a
// tmpfs filled to leave exactly that much. Every exit 0 must be in the store and pass `check`; every
// refusal must name the disk and leave every file of the store as it was — no journal line, no file
// added or removed.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  cpSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { BENCH_TODAY, buildBenchData, SCALES } from '../../source/bench/generate.js';
import type { Cadre, ClassGroup } from '../../source/domain/schema.js';
import { listBackups } from '../../source/store/backups.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { layoutOf } from '../../source/store/layout.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { runCli } from '../helpers/run-cli.js';
import { mount, tempDir, unmount } from './fault-helpers.js';

export const LEVELS = Array.from({ length: 512 / 4 + 1 }, (_, i) => i * 4096);

// A school of one college over five years: a main file of ~6 KB (60 months named), month files of
// ~5 KB, a roster of ~11 KB — each more than one 4 KiB page, so a short write can cut any of them.
const SCALE = {
  ...SCALES['small']!,
  name: 'disk-full',
  colleges: 1,
  cadres: 8,
  cohorts: [1, 1, 1, 1, 1, 1, 1],
  dormsPerClass: 3,
  studentsPerClass: 1,
};

/** The note of the contact logged before the sweep: what `undo` takes back, absent from the backup `restore` brings. */
export const LOGGED = '撤销目标';

export interface SweepStore {
  cadre: Cadre;
  cls: ClassGroup;
  /** A roster workbook adding the cadre 满盘测试. */
  workbook: string;
  /** The backup from before the LOGGED contact. */
  restoreId: string;
}

export interface Outcome {
  code: number;
  stderr: string;
}

let disk = '';
let pristine = '';
/** Every file of the pristine store (relative path) and the SHA-256 of its bytes. */
let sums = new Map<string, string>();
export const store = {} as SweepStore;

function sumsOf(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files
      .map((e) => join(e.parentPath, e.name))
      .map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );
}

/** The pristine store at `to`: its files hard-linked (a save replaces files, never rewrites them), the journal (appended to) copied. */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const [source, target] = [join(from, e.name), join(to, e.name)];
    if (e.isDirectory()) linkTree(source, target);
    else if (e.name.endsWith('.jsonl')) copyFileSync(source, target);
    else linkSync(source, target);
  }
}

/** Fills the disk so that exactly `free` bytes stay free. */
function leaveFree(free: number): void {
  const { bavail, bsize } = statfsSync(disk);
  writeFileSync(join(disk, 'filler'), Buffer.alloc(bavail * bsize - free));
  const left = statfsSync(disk);
  expect(left.bavail * left.bsize).toBe(free);
}

export function logLine(note: string): string[] {
  return [
    'log',
    '--cadre',
    store.cadre.name,
    '--type',
    '班级',
    '--target',
    store.cls.name,
    '--date',
    '2026-11-20',
    '--note',
    note,
    '--again',
    '--as-of',
    BENCH_TODAY,
  ];
}

export const notesOf = async (file: string) => (await new DatastoreFile(file).load('all')).contacts.map((c) => c.note);

/** Builds the store (with LOGGED saved after its first backup) and mounts the 4 MB tmpfs for this test file. */
export function useSweepDisk(): void {
  beforeAll(async () => {
    const data = buildBenchData(SCALE);
    data.contacts = data.contacts.filter((_, i) => i % 3 === 0);
    const made = join(tempDir(), 'store');
    mkdirSync(made);
    const file = join(made, 'data.json');
    await new DatastoreFile(file).create(data);
    const assignment = data.assignments.find((a) => a.end === null && a.start <= BENCH_TODAY)!;
    store.cadre = data.cadres.find((c) => c.id === assignment.cadreId)!;
    store.cls = data.classes.find((c) => c.id === assignment.classId)!;
    expect((await runCli(logLine(LOGGED), file)).code).toBe(0);
    store.restoreId = (await listBackups(layoutOf(file)))[0]!.id;
    store.workbook = await fillRoster(join(tempDir(), 'roster.xlsx'), {
      干部: [['T9001', '满盘测试', data.colleges[0]!.name, '', '', '', '', '', '科职以上干部']],
    });
    disk = tempDir('slx-disk-');
    mount(['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', disk]);
    pristine = join(disk, 'pristine');
    cpSync(made, pristine, { recursive: true });
    rmSync(join(pristine, 'data.json.lock-queue'), { recursive: true, force: true });
    sums = sumsOf(pristine);
  }, 60_000);
  afterAll(() => {
    if (disk) unmount(disk);
  });
}

/**
 * `act` at every level on a fresh copy of the store: an exit 0 is checked by `kept` and `check`, a
 * refusal must name the disk and leave the store's files as they were. Returns how many of each.
 */
export async function sweep(
  act: (file: string, dir: string) => Promise<Outcome>,
  kept: (file: string, dir: string) => Promise<void>,
): Promise<{ saved: number; refused: number }> {
  const tally = { saved: 0, refused: 0 };
  for (const free of LEVELS) {
    const dir = join(disk, 'level');
    const file = join(dir, 'data.json');
    linkTree(pristine, dir);
    leaveFree(free);
    try {
      const outcome = await act(file, dir);
      rmSync(join(disk, 'filler'));
      if (outcome.code === 0) {
        tally.saved++;
        await kept(file, dir);
        const check = await runCli(['check'], file);
        expect(check.stderr, `check after an exit 0 with ${free} bytes free`).toBe('');
        expect(check.code).toBe(0);
      } else {
        tally.refused++;
        expect(outcome.code, `${free} bytes free: ${outcome.stderr}`).toBe(1);
        expect(outcome.stderr, `${free} bytes free`).toMatch(/磁盘已满/);
        // A refused export leaves no workbook either: out.xlsx would be one more file here.
        expect(Object.fromEntries(sumsOf(dir)), `${free} bytes free: the store's files`).toEqual(
          Object.fromEntries(sums),
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(disk, 'filler'), { force: true });
    }
  }
  console.log(`${LEVELS.length} levels: ${tally.saved} saved, ${tally.refused} refused`);
  return tally;
}

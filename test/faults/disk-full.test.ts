// Issue 21, case 4: a full disk at every level from 0 to 512 KiB free, in 4 KiB steps, under each
// command that writes (log, import, undo, restore, export, a save in the terminal UI): every exit 0 is
// in the store and passes `check` (an export: a whole workbook); every refusal names the disk and leaves
// every file of the store as it was — no journal line, no file added or removed.
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_TODAY, buildBenchData, SCALES } from '../../source/bench/generate.js';
import { randomId } from '../../source/domain/context.js';
import type { Cadre, ClassGroup } from '../../source/domain/schema.js';
import { OperationRunner } from '../../source/operations/runner.js';
import { saveCadreOperation } from '../../source/operations/save-record.js';
import { ScopedStore } from '../../source/operations/scoped-store.js';
import { listBackups } from '../../source/store/backups.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { layoutOf } from '../../source/store/layout.js';
import { osUserName } from '../../source/store/os-user.js';
import { fillRoster } from '../helpers/filled-roster.js';
import { runCli } from '../helpers/run-cli.js';
import { mount, tempDir, unmount } from './fault-helpers.js';

const KIB = 1024;
const LEVELS = Array.from({ length: 512 / 4 + 1 }, (_, i) => i * 4 * KIB);

// A school of one college over five years: a main file of ~6 KB (60 months named), month files of
// ~5 KB, a roster of ~11 KB — each more than one 4 KiB page, so a short write can cut any of them.
const SCALE = { ...SCALES['small']!, name: 'disk-full', colleges: 1, cadres: 8, cohorts: [1, 1, 1, 1, 1, 1, 1], dormsPerClass: 3, studentsPerClass: 1 };

let disk: string;
let pristine: string;
/** Every file of the pristine store (relative path) and the SHA-256 of its bytes. */
let sums: Map<string, string>;
let cadre: Cadre;
let cls: ClassGroup;
let workbook: string;
let restoreId: string;
const LOGGED = '撤销目标';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function sumsOf(dir: string): Map<string, string> {
  return new Map(filesUnder(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
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

interface Outcome {
  code: number;
  stderr: string;
}

interface Tally {
  saved: number;
  refused: number;
}

/**
 * `act` at every level on a fresh copy of the store: an exit 0 is checked by `kept` and `check`, a
 * refusal must name the disk and leave the store's files as they were.
 */
async function sweep(act: (file: string, dir: string) => Promise<Outcome>, kept: (file: string, dir: string) => Promise<void>): Promise<Tally> {
  const tally: Tally = { saved: 0, refused: 0 };
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
        const now = sumsOf(dir);
        expect(Object.fromEntries(now), `${free} bytes free: the store's files`).toEqual(Object.fromEntries(sums));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(join(disk, 'filler'), { force: true });
    }
  }
  console.log(`${LEVELS.length} levels: ${tally.saved} saved, ${tally.refused} refused`);
  return tally;
}

beforeAll(async () => {
  const data = buildBenchData(SCALE);
  data.contacts = data.contacts.filter((_, i) => i % 3 === 0);
  const made = join(tempDir(), 'store');
  mkdirSync(made);
  const file = join(made, 'data.json');
  await new DatastoreFile(file).create(data);
  const assignment = data.assignments.find((a) => a.end === null && a.start <= BENCH_TODAY)!;
  cadre = data.cadres.find((c) => c.id === assignment.cadreId)!;
  cls = data.classes.find((c) => c.id === assignment.classId)!;
  // The change `undo` takes back; `restore` goes back to the backup before it.
  expect((await runCli(logLine(LOGGED), file)).code).toBe(0);
  restoreId = (await listBackups(layoutOf(file)))[0]!.id;
  workbook = await fillRoster(join(tempDir(), 'roster.xlsx'), {
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

function logLine(note: string): string[] {
  return ['log', '--cadre', cadre.name, '--type', '班级', '--target', cls.name, '--date', '2026-11-20', '--note', note, '--again', '--as-of', BENCH_TODAY];
}

const cli = async (args: string[], file: string): Promise<Outcome> => runCli(args, file);
const notesOf = async (file: string) => (await new DatastoreFile(file).load('all')).contacts.map((c) => c.note);

describe('a full disk at every level from 0 to 512 KiB free', () => {
  it('log: saved and whole, or refused naming the disk with the store as it was', async () => {
    const { saved } = await sweep(
      (file) => cli(logLine('满盘记录'), file),
      async (file) => expect(await notesOf(file)).toContain('满盘记录'),
    );
    expect(saved).toBeGreaterThan(0);
  }, 120_000);

  it('import', async () => {
    const { saved } = await sweep(
      (file) => cli(['import', workbook], file),
      async (file) => expect((await new DatastoreFile(file).load('none')).cadres.map((c) => c.name)).toContain('满盘测试'),
    );
    expect(saved).toBeGreaterThan(0);
  }, 120_000);

  it('undo', async () => {
    const { saved } = await sweep(
      (file) => cli(['undo'], file),
      async (file) => expect(await notesOf(file)).not.toContain(LOGGED),
    );
    expect(saved).toBeGreaterThan(0);
  }, 120_000);

  it('restore', async () => {
    const { saved } = await sweep(
      (file) => cli(['restore', restoreId], file),
      async (file) => expect(await notesOf(file)).not.toContain(LOGGED),
    );
    expect(saved).toBeGreaterThan(0);
  }, 120_000);

  it('export: a whole workbook, or none and the disk named', async () => {
    const { saved } = await sweep(
      (file, dir) => cli(['export', 'form2', '--out', join(dir, 'out.xlsx'), '--as-of', BENCH_TODAY], file),
      async (_file, dir) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(join(dir, 'out.xlsx'));
        expect(book.worksheets.length).toBeGreaterThan(0);
      },
    );
    expect(saved).toBeGreaterThan(0);
  }, 120_000);

  it('a save in the terminal UI (its operation runner): saved, or refused naming the disk', async () => {
    const { saved } = await sweep(
      async (file) => {
        const runner = new OperationRunner(new ScopedStore(file, undefined, { login: osUserName(), forced: false }), {
          via: 'tui',
          context: () => ({ today: BENCH_TODAY, now: `${BENCH_TODAY}T08:00:00.000Z`, user: osUserName(), newId: randomId }),
        });
        const input = { id: cadre.id, changed: { shortPhone: '669999' }, original: { shortPhone: cadre.shortPhone ?? '' } };
        return runner.run(saveCadreOperation, input).then(
          () => ({ code: 0, stderr: '' }),
          (error: Error) => ({ code: 1, stderr: error.message }),
        );
      },
      async (file) => expect((await new DatastoreFile(file).load('none')).cadres.find((c) => c.id === cadre.id)?.shortPhone).toBe('669999'),
    );
    expect(saved).toBeGreaterThan(0);
  }, 120_000);
});

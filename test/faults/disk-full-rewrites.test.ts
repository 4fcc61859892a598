// Issue 21, case 4: commands that write much on a full disk at every level from 0 to 512 KiB free
// (disk-sweep.ts) — import (a new roster file), restore (every month file anew), export (a workbook
// beside the store): done and whole, or refused naming the disk with the store as it was.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BENCH_TODAY } from '../../source/bench/generate.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { runCli } from '../helpers/run-cli.js';
import { LOGGED, notesOf, store, sweep, useSweepDisk } from './disk-sweep.js';

useSweepDisk();

describe('a full disk at every level from 0 to 512 KiB free', () => {
  it('import', async () => {
    const { saved } = await sweep(
      (file) => runCli(['import', store.workbook], file),
      async (file) =>
        expect((await new DatastoreFile(file).load('none')).cadres.map((c) => c.name)).toContain('满盘测试'),
    );
    expect(saved).toBeGreaterThan(0);
  }, 300_000);

  it('restore', async () => {
    const { saved } = await sweep(
      (file) => runCli(['restore', store.restoreId], file),
      async (file) => expect(await notesOf(file)).not.toContain(LOGGED),
    );
    expect(saved).toBeGreaterThan(0);
  }, 300_000);

  it('export: a whole workbook, or none', async () => {
    const { saved } = await sweep(
      (file, dir) => runCli(['export', 'form2', '--out', join(dir, 'out.xlsx'), '--as-of', BENCH_TODAY], file),
      async (_file, dir) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.readFile(join(dir, 'out.xlsx'));
        expect(book.worksheets.length).toBeGreaterThan(0);
      },
    );
    expect(saved).toBeGreaterThan(0);
  }, 300_000);
});

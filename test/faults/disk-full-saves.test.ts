// Issue 21, case 4: changes on a full disk at every level from 0 to 512 KiB free (disk-sweep.ts) — log,
// undo, and a save in the terminal UI through the operation runner it uses: saved and whole, or refused
// naming the disk with the store as it was.
import { describe, expect, it } from 'vitest';
import { BENCH_TODAY } from '../../source/bench/generate.js';
import { randomId } from '../../source/domain/context.js';
import { OperationRunner } from '../../source/operations/runner.js';
import { saveCadreOperation } from '../../source/operations/save-record.js';
import { ScopedStore } from '../../source/operations/scoped-store.js';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { osUserName } from '../../source/files/os-user.js';
import { runCli } from '../helpers/run-cli.js';
import { LOGGED, logLine, notesOf, store, sweep, useSweepDisk } from './disk-sweep.js';

useSweepDisk();

describe('a full disk at every level from 0 to 512 KiB free', () => {
  it('log', async () => {
    const { saved } = await sweep(
      (file) => runCli(logLine('满盘记录'), file),
      async (file) => expect(await notesOf(file)).toContain('满盘记录'),
    );
    expect(saved).toBeGreaterThan(0);
  }, 300_000);

  it('undo', async () => {
    const { saved } = await sweep(
      (file) => runCli(['undo'], file),
      async (file) => expect(await notesOf(file)).not.toContain(LOGGED),
    );
    expect(saved).toBeGreaterThan(0);
  }, 300_000);

  it('a save in the terminal UI (its operation runner): a cadre roster edit', async () => {
    const { cadre } = store;
    const { saved } = await sweep(
      async (file) => {
        const runner = new OperationRunner(new ScopedStore(file, undefined, { login: osUserName(), forced: false }), {
          via: 'tui',
          context: () => ({
            today: BENCH_TODAY,
            now: `${BENCH_TODAY}T08:00:00.000Z`,
            user: osUserName(),
            newId: randomId,
          }),
        });
        const input = {
          id: cadre.id,
          changed: { shortPhone: '669999' },
          original: { shortPhone: cadre.shortPhone ?? '' },
        };
        return runner.run(saveCadreOperation, input).then(
          () => ({ code: 0, stderr: '' }),
          (error: Error) => ({ code: 1, stderr: error.message }),
        );
      },
      async (file) =>
        expect((await new DatastoreFile(file).load('none')).cadres.find((c) => c.id === cadre.id)?.shortPhone).toBe(
          '669999',
        ),
    );
    expect(saved).toBeGreaterThan(0);
  }, 300_000);
});

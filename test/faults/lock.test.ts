// Issue 13, cases 8 and 10, and the stale lock: a stalled writer keeps its lock and saves; a crashed
// one's lock is taken over at once; one datastore reached by two paths has one lock.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatastoreFile } from '../../source/store/datastore-file.js';
import { LockQueue } from '../../source/store/lock-queue.js';
import { takeOverAbandoned } from '../../source/store/store-lock.js';
import { assignedStore, logNote, notes, tempDir } from './fault-helpers.js';

const HOLDER = join(import.meta.dirname, 'lock-holder.ts');

function holder(
  file: string,
  note: string,
  blockMs: number,
): { child: ChildProcess; locked: Promise<void>; exit: Promise<{ code: number | null; out: string; err: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, file, note, String(blockMs)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const locked = new Promise<void>((resolve) =>
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('locked')) resolve();
    }),
  );
  const exit = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, out, err })),
  );
  return { child, locked, exit };
}

describe('the lock', () => {
  it('case 8: a writer stalled longer than the old 5 s stale time keeps its lock and saves; the waiting writer saves after it', async () => {
    const store = await assignedStore();
    const h = holder(store.file, '停顿者', 6_000);
    await h.locked;
    const waiting = logNote(new DatastoreFile(store.file), '2026-11-21', '等待者');
    const { code, out, err } = await h.exit;
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('saved');
    await waiting;
    expect(await notes(store.file)).toEqual(['停顿者', '等待者']);
  }, 30_000);

  it('a writer killed while holding the lock: its lock is seen as abandoned at once, and the next change saves', async () => {
    const store = await assignedStore();
    const h = holder(store.file, '被杀', 60_000);
    await h.locked;
    h.child.kill('SIGKILL');
    await h.exit;
    expect(await takeOverAbandoned(store.layout.main)).toBe(true);
    await logNote(store, '2026-11-21', '下一个');
    expect(await notes(store.file)).toEqual(['下一个']);
  }, 30_000);

  it('a lock directory its creator left without an owner file (killed right after mkdir) is taken over within 0.2 s, not 1 s', async () => {
    const store = await assignedStore();
    mkdirSync(`${store.layout.main}.lock`);
    expect(await takeOverAbandoned(store.layout.main)).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect(await takeOverAbandoned(store.layout.main)).toBe(true);
    await logNote(store, '2026-11-21', '接管后');
    expect(await notes(store.file)).toEqual(['接管后']);
  });

  it('a live writer between creating the lock and naming itself keeps it: its queue ticket stands ahead of every waiter', async () => {
    const store = await assignedStore();
    const lockDir = `${store.layout.main}.lock`;
    const queueDir = `${store.layout.main}.lock-queue`;
    mkdirSync(queueDir, { recursive: true });
    const ticket = join(queueDir, `000000000000001-${process.pid}-${hostname()}-aaaaaaaa`);
    writeFileSync(ticket, '');
    mkdirSync(lockDir);
    let saved = false;
    const waiting = logNote(new DatastoreFile(store.file), '2026-11-21', '等待者').then(() => (saved = true));
    await new Promise((r) => setTimeout(r, 600));
    expect(saved).toBe(false);
    expect(existsSync(lockDir)).toBe(true);
    rmSync(lockDir, { recursive: true });
    rmSync(ticket);
    await waiting;
    expect(await notes(store.file)).toEqual(['等待者']);
  });

  it('a released lock leaves nothing behind, and a released lock directory a killed writer left is swept by the next save', async () => {
    const store = await assignedStore();
    const leftover = `${store.layout.main}.lock.released-0f0f`;
    mkdirSync(leftover);
    writeFileSync(join(leftover, 'owner.json'), '{}');
    await logNote(store, '2026-11-21', '一');
    expect(
      readdirSync(join(store.layout.main, '..')).filter((n) => n.includes('.lock') && n !== 'data.json.lock-queue'),
    ).toEqual([]);
  });

  it('a ticket is made in one step, and a file in the queue that is no ticket (a half-written one of older versions) holds nobody up', async () => {
    const dir = join(tempDir(), 'data.json.lock-queue');
    const queue = new LockQueue(dir, () => true, 35_000);
    await queue.join();
    expect(readdirSync(dir)).toHaveLength(1);
    await queue.leave();
    // What a joiner of an older version killed mid-write left: a half-written ticket of a live-looking writer.
    writeFileSync(join(dir, '.pending-000000000000001-999999-deadbeef'), '{"pid":');
    const newcomer = new LockQueue(dir, () => true, 35_000);
    await newcomer.join();
    expect(await newcomer.myTurn()).toBe(true);
  });

  it('case 10: writers reaching one datastore by its path and through a symbolic link lose nothing', async () => {
    const store = await assignedStore();
    const link = join(store.file, '..', 'link.json');
    symlinkSync(store.file, link);
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        logNote(new DatastoreFile(i % 2 === 0 ? store.file : link), '2026-11-20', `w${i}`),
      ),
    );
    expect(await notes(store.file)).toHaveLength(24);
  }, 30_000);

  it("waiters take turns in arrival order; a newcomer queues behind them; a dead waiter's ticket is dropped", async () => {
    const dir = join(tempDir(), 'data.json.lock-queue');
    const alive = (pid: number) => pid !== 999_999;
    const first = new LockQueue(dir, alive, 35_000);
    const second = new LockQueue(dir, alive, 35_000);
    const newcomer = new LockQueue(dir, alive, 35_000);
    expect(await newcomer.myTurn()).toBe(true);
    await first.join();
    await new Promise((r) => setTimeout(r, 2));
    await second.join();
    expect([await first.myTurn(), await second.myTurn(), await newcomer.myTurn()]).toEqual([true, false, false]);
    await first.leave();
    expect([await second.myTurn(), await newcomer.myTurn()]).toEqual([true, false]);
    await second.leave();
    writeFileSync(join(dir, `000000000000001-999999-${hostname()}-deadbeef`), '');
    expect(await newcomer.myTurn()).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });
});

// Waiters for a datastore's lock take turns in arrival order: each leaves a ticket (a file named by its
// arrival time) in `<main file>.lock-queue/` and tries the lock only when no live ticket is ahead of its
// own. Without it, a writer that releases and at once asks again mostly wins against waiters that poll,
// and with several busy writers a secretary's `log` could wait for many rounds of their saves.
// A ticket whose process is gone (this host) or that outlived any wait (another host) is removed.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE } from '../files/private-files.js';

/** A ticket being written: not in the queue yet. */
const PENDING = '.pending-';

interface TicketOwner {
  pid: number;
  host: string;
}

export class LockQueue {
  private ticket: string | null = null;
  /** Tickets of this host already read: their owner's pid (a ticket's content never changes). */
  private readonly pids = new Map<string, number>();

  constructor(
    readonly dir: string,
    /** Whether process `pid` of this host still exists. */
    private readonly alive: (pid: number) => boolean,
    /** A ticket of another host is dropped after this long (its waiter gives up before). */
    private readonly foreignTicketMs: number,
  ) {}

  get joined(): boolean {
    return this.ticket !== null;
  }

  /** Whether ticket `name` stands ahead of this waiter's own (tickets sort in arrival order). */
  ahead(name: string): boolean {
    return !name.startsWith(PENDING) && (this.ticket === null || name < this.ticket);
  }

  /** Whether no live ticket is ahead of this waiter's own (before it joins: whether there is none). */
  async myTurn(): Promise<boolean> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).sort();
    for (const name of names) {
      if (name.startsWith(PENDING)) {
        await this.sweepPending(name);
        continue;
      }
      if (name === this.ticket) return true;
      if (!(await this.abandoned(name))) return false;
      await rm(join(this.dir, name), { force: true });
    }
    return true;
  }

  async join(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const name = `${String(Date.now()).padStart(15, '0')}-${process.pid}-${randomUUID().slice(0, 8)}`;
    const owner: TicketOwner = { pid: process.pid, host: hostname() };
    // Written aside and renamed: a ticket is never seen half written, whenever its writer is killed.
    const pending = join(this.dir, `${PENDING}${name}`);
    try {
      await writeFile(pending, JSON.stringify(owner), { mode: 0o600 });
      await rename(pending, join(this.dir, name));
    } catch (error) {
      // A full disk: the waiter leaves no trace (the next one would sweep it only 2 s later).
      await rm(pending, { force: true });
      throw error;
    }
    this.ticket = name;
  }

  async leave(): Promise<void> {
    if (this.ticket === null) return;
    await rm(join(this.dir, this.ticket), { force: true });
    this.ticket = null;
  }

  /** A ticket being written, or left half written by a joiner killed then (removed once old). */
  private async sweepPending(name: string): Promise<void> {
    const info = await stat(join(this.dir, name)).catch(() => null);
    if (info !== null && Date.now() - info.mtimeMs > 2_000) await rm(join(this.dir, name), { force: true });
  }

  private async abandoned(name: string): Promise<boolean> {
    const known = this.pids.get(name);
    if (known !== undefined) return !this.alive(known);
    const path = join(this.dir, name);
    let owner: TicketOwner;
    try {
      owner = JSON.parse(await readFile(path, 'utf8')) as TicketOwner;
    } catch {
      // Unreadable (tickets are renamed into place whole: not written by this program): judged by its age.
      const info = await stat(path).catch(() => null);
      return info === null || Date.now() - info.mtimeMs > 2_000;
    }
    if (owner.host === hostname()) {
      this.pids.set(name, owner.pid);
      return !this.alive(owner.pid);
    }
    const info = await stat(path).catch(() => null);
    return info === null || Date.now() - info.mtimeMs > this.foreignTicketMs;
  }
}

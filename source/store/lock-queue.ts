// Waiters take turns in arrival order: otherwise a writer that releases and at once asks again mostly wins
// against waiters that poll. A ticket is an empty file whose name says whose it is: never half written.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { PRIVATE_DIR_MODE, PRIVATE_MODE } from '../files/private-files.js';

/** `<arrival ms, 15 digits>-<pid>-<host>-<8 hex>`: tickets sort in arrival order. */
const TICKET = /^\d{15}-(\d+)-(.+)-[0-9a-f]{8}$/;

export class LockQueue {
  private ticket: string | null = null;

  constructor(
    readonly dir: string,
    private readonly alive: (pid: number) => boolean,
    /** A ticket of another host is dropped after this long (its waiter gives up before). */
    private readonly foreignTicketMs: number,
  ) {}

  /** Whether `name` is a ticket ahead of this waiter's own. */
  ahead(name: string): boolean {
    return TICKET.test(name) && (this.ticket === null || name < this.ticket);
  }

  /** Whether no live ticket is ahead of this waiter's own (before it joins: whether there is none). */
  async myTurn(): Promise<boolean> {
    for (const name of (await readdir(this.dir).catch(() => [] as string[])).sort()) {
      if (!this.ahead(name)) continue;
      if (!(await this.gone(name))) return false;
      await rm(join(this.dir, name), { force: true });
    }
    return true;
  }

  async join(): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const name = `${String(Date.now()).padStart(15, '0')}-${process.pid}-${hostname()}-${randomUUID().slice(0, 8)}`;
    await writeFile(join(this.dir, name), '', { mode: PRIVATE_MODE, flag: 'wx' });
    this.ticket = name;
  }

  async leave(): Promise<void> {
    if (this.ticket === null) return;
    await rm(join(this.dir, this.ticket), { force: true });
    this.ticket = null;
  }

  /** A ticket whose process is gone (this host), or that outlived any wait (another host). */
  private async gone(name: string): Promise<boolean> {
    const [, pid, host] = TICKET.exec(name)!;
    if (host === hostname()) return !this.alive(Number(pid));
    const info = await stat(join(this.dir, name)).catch(() => null);
    return info === null || Date.now() - info.mtimeMs > this.foreignTicketMs;
  }
}

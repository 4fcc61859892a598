// Every test of the main suite fails when React warns of an update loop ("Maximum update depth
// exceeded"): React only logs it (and only outside production builds), so a UI test that loops would
// still pass. Tests of one file may run side by side (describe.concurrent): a warning fails every test
// running when it was logged.
import { format } from 'node:util';
import { afterEach, beforeEach } from 'vitest';

const LOOP = 'Maximum update depth exceeded';
const WATCHING = Symbol.for('sanlianxi.updateLoops');

type Watched = typeof console & { [WATCHING]?: string[] };

/** The loop warnings logged in this worker so far; console.error wrapped once per worker (files share it). */
function loops(): string[] {
  const watched = console as Watched;
  if (!watched[WATCHING]) {
    const seen: string[] = [];
    const error = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      const text = format(...args);
      if (text.includes(LOOP)) seen.push(text);
      error(...args);
    };
    watched[WATCHING] = seen;
  }
  return watched[WATCHING];
}

const before = new WeakMap<object, number>();

beforeEach(({ task }) => {
  before.set(task, loops().length);
});

afterEach(({ task }) => {
  const logged = loops().slice(before.get(task) ?? 0);
  if (logged.length > 0) throw new Error(`React warned of an update loop ${logged.length}×: ${logged[0]}`);
});

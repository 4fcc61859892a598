// One in-process measurement, run by bench.ts in its own process (built: dist/bench/probe.js) so its
// peak resident memory is its own. Prints one JSON line: the times of each run (ms) and maxRSS (KB).
//   node --expose-gc dist/bench/probe.js parse|load|load-full|overdue|keys FILE AS_OF RUNS
import { readFile } from 'node:fs/promises';
import { render } from 'ink-testing-library';
import { buildIndexes } from '../domain/indexes.js';
import { overdueReport } from '../domain/overdue.js';
import { reportingTerm } from '../domain/terms.js';
import { DatastoreFile } from '../store/datastore-file.js';
import { ScopedStore } from '../operations/scoped-store.js';
import { osUserName } from '../files/os-user.js';
import { randomId } from '../domain/context.js';
import { App } from '../ui/app.js';
import { datastoreFiles } from './bench-data.js';

const [mode, file, asOf, runsText] = process.argv.slice(2);
if (!mode || !file || !asOf) throw new Error('usage: probe.js parse|load|load-full|overdue|keys FILE AS_OF RUNS');
const runs = Number(runsText ?? '5');
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const times: number[] = [];
let note = '';

async function timed(work: () => unknown | Promise<unknown>): Promise<void> {
  gc();
  const t = performance.now();
  await work();
  times.push(performance.now() - t);
}

if (mode === 'parse') {
  // Baseline: JSON.parse of every file the datastore consists of (read outside the timer).
  const files = await datastoreFiles(file);
  const texts = await Promise.all(files.map((f) => readFile(f, 'utf8')));
  note = `${files.length} files, ${(texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6).toFixed(1)} MB`;
  for (let r = 0; r < runs; r++) await timed(() => texts.map((t) => JSON.parse(t) as unknown));
} else if (mode === 'load') {
  for (let r = 0; r < runs; r++) await timed(async () => buildIndexes(await new DatastoreFile(file).load()));
} else if (mode === 'load-full') {
  // As `check` reads: every field validated by zod, seals ignored.
  for (let r = 0; r < runs; r++)
    await timed(async () => buildIndexes(await new DatastoreFile(file, { contacts: 'all', verify: 'full' }).load()));
} else if (mode === 'overdue') {
  const data = await new DatastoreFile(file).load();
  const idx = buildIndexes(data);
  let rows = 0;
  for (let r = 0; r < runs; r++) await timed(() => (rows = overdueReport(data, idx, asOf).rows.length));
  note = `${rows} rows, ${data.contacts.length} contacts`;
} else if (mode === 'keys') {
  // Keystroke to frame on the 1,500-row 干部 list (screen 3), as the TUI opens it.
  const store = new ScopedStore(
    file,
    { contacts: (main) => reportingTerm(main.settings.terms, asOf)?.start ?? 'none' },
    { login: osUserName(), forced: false },
  );
  const data = await store.load();
  const ctx = { today: asOf, now: new Date().toISOString(), user: 'bench', newId: randomId };
  const app = render(
    <App store={store} initialData={data} today={asOf} context={() => ctx} reloadEveryMs={3_600_000} />,
  );
  const settle = () => new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < 500 && (app.lastFrame() ?? '') === ''; i++) await settle();
  await settle();
  app.stdin.write('3');
  for (let i = 0; i < 500 && !(app.lastFrame() ?? '').includes('工号'); i++) await settle();
  await settle();
  for (let r = 0; r < runs; r++) {
    const before = app.lastFrame();
    const t = performance.now();
    app.stdin.write('j');
    while (app.lastFrame() === before) await new Promise((res) => setImmediate(res));
    times.push(performance.now() - t);
    await settle();
  }
  note = `干部 list, ${data.cadres.length} rows`;
  app.unmount();
} else {
  throw new Error(`unknown probe ${mode}`);
}
console.log(JSON.stringify({ times, maxRssKb: process.resourceUsage().maxRSS, note }));
process.exit(0);

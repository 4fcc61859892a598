// npm run stress [-- --writers 8 --contacts 200]: parallel processes logging into one datastore, then a
// check that every contact a writer reported saved is in the file. Prints attempts, saved, lost, time.
// While the writers run, a secretary's `sanlianxi log` (the built CLI, one process per contact, one
// after another) is timed end to end: its p50/p95 behind the writers, beside the same command alone;
// and a running process saving every 100 ms times each save (the lock wait without process start).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildDemoData, DEMO_TODAY } from '../demo/demo-data.js';
import { DatastoreFile } from '../store/datastore-file.js';

const args = await yargs(hideBin(process.argv))
  .option('writers', { type: 'number', default: 8 })
  .option('contacts', { type: 'number', default: 200 })
  .strict()
  .parseAsync();

const root = join(import.meta.dirname, '..', '..');
console.log('building (npm run build)…');
if (spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status !== 0)
  throw new Error('npm run build failed');

const file = join(mkdtempSync(join(tmpdir(), 'slx-stress-')), 'stress.json');
const data = buildDemoData();
const assignment = data.assignments.find((a) => a.end === null)!;
const cadre = data.cadres.find((c) => c.id === assignment.cadreId)!;
const className = data.classes.find((c) => c.id === assignment.classId)!.name;
await new DatastoreFile(file).create(data);
// The writers run built, like the secretaries' own commands: under tsx each save cost about twice
// the CPU (its loader), which the probes then competed with.
const worker = join(root, 'dist', 'reliability', 'stress-worker.js');
const cli = join(root, 'dist', 'cli', 'main.js');

/** One `sanlianxi log` as a secretary types it; its wall time in ms, or null if it failed. */
function timedLog(n: number): Promise<number | null> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      cli,
      'log',
      '--data',
      file,
      '--cadre',
      cadre.employeeNo ?? cadre.name,
      '--type',
      '班级',
      '--target',
      className,
      '--date',
      DEMO_TODAY,
      '--as-of',
      DEMO_TODAY,
      '--note',
      `probe ${n}`,
      '--again',
    ],
    { stdio: 'ignore' },
  );
  return new Promise((resolve) =>
    child.on('close', (code) => resolve(code === 0 ? performance.now() - started : null)),
  );
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? NaN;
const figures = (xs: number[]) =>
  `p50 ${(percentile(xs, 50) / 1000).toFixed(2)} s, p95 ${(percentile(xs, 95) / 1000).toFixed(2)} s, max ${(Math.max(...xs) / 1000).toFixed(2)} s`;

const alone: number[] = [];
for (let n = 0; n < 5; n++) alone.push((await timedLog(-n))!);

let running = true;
const started = performance.now();
/** A worker's saves: the ids it reported and how long each save took. */
function runWorker(name: string, count: number): Promise<{ ids: string[]; ms: number[] }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [worker, file, name, String(count), assignment.cadreId, assignment.classId, DEMO_TODAY],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('close', () => {
      const lines = out
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split('\t'));
      resolve({ ids: lines.map((l) => l[0]!), ms: lines.map((l) => Number(l[1])) });
    });
  });
}
// A long-running process logging every 100 ms among the writers: the wait a change sees, without process start.
const probeCount = Math.max(20, Math.round(args.contacts / 4));
const prober = runWorker('probe', probeCount);
const writers = Promise.all(Array.from({ length: args.writers }, (_, w) => runWorker(String(w), args.contacts)));
const behind: number[] = [];
let probeFailures = 0;
let probesSaved = alone.length;
const probes = (async () => {
  // Let the writers start before timing.
  await new Promise((r) => setTimeout(r, 3000));
  for (let n = 1; running; n++) {
    const ms = await timedLog(n);
    if (ms === null) probeFailures++;
    else probesSaved++;
    if (ms !== null && running) behind.push(ms);
  }
})();
const reported = (await writers).map((w) => w.ids);
running = false;
await probes;
const probed = await prober;
reported.push(probed.ids);
const seconds = (performance.now() - started) / 1000;
const contacts = (await new DatastoreFile(file).load('all')).contacts;
const ids = new Set(contacts.map((c) => c.id));
const saved = reported.flat();
const lost =
  saved.filter((id) => !ids.has(id)).length + probesSaved - contacts.filter((c) => c.note.startsWith('probe ')).length;
const attempts = args.writers * args.contacts + probeCount;
console.log(`datastore ${file}`);
console.log(
  `writers ${args.writers} × contacts ${args.contacts} (+ ${probed.ids.length} probe saves): attempts ${attempts}, saved ${saved.length}, lost ${lost}, time ${seconds.toFixed(1)} s`,
);
console.log(
  `a change (update) every 100 ms in a running process, behind the writers (${probed.ms.length} saves, lock wait included): ${figures(probed.ms)}`,
);
console.log(`sanlianxi log alone (5 runs): ${figures(alone)}`);
console.log(
  `sanlianxi log behind ${args.writers} writers (${behind.length} runs, ${probeFailures} failed, ${probesSaved} saved in all): ${figures(behind)}`,
);
if (lost > 0 || saved.length !== attempts || probeFailures > 0) process.exitCode = 1;

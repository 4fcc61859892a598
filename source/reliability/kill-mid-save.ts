// npm run kill-test [-- --rounds 100]: starts a writer that saves in a loop, kills it (SIGKILL) at a random
// moment, then checks that the datastore loads and holds every contact (and every college added with one:
// a roster change) the writer reported before the kill.
// After each kill, the next change is timed: a lock the killed writer held must not make it wait.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildDemoData, DEMO_TODAY } from '../demo/demo-data.js';
import { DatastoreFile } from '../store/datastore-file.js';

const args = await yargs(hideBin(process.argv))
  .option('rounds', { type: 'number', default: 100 })
  .strict()
  .parseAsync();
const file = join(mkdtempSync(join(tmpdir(), 'slx-kill-')), 'kill.json');
const data = buildDemoData();
const assignment = data.assignments.find((a) => a.end === null)!;
await new DatastoreFile(file).create(data);
const worker = join(import.meta.dirname, 'stress-worker.ts');

let passed = 0;
const confirmed: string[] = [];
/** Saves that also changed the roster (a college named after the contact): the roster file written anew. */
const confirmedRoster: string[] = [];
const nextChange: number[] = [];
const store = new DatastoreFile(file, { contacts: 'none' });
for (let round = 1; round <= args.rounds; round++) {
  // node itself, not the tsx wrapper: SIGKILL must hit the writing process, not a parent that leaves it running.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      worker,
      file,
      String(round),
      '1000',
      assignment.cadreId,
      assignment.classId,
      DEMO_TODAY,
      'roster',
    ],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  // Wait for the first save, then kill at a random moment among the following ones.
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  await new Promise((r) => setTimeout(r, Math.random() * 150));
  child.kill('SIGKILL');
  await new Promise((r) => child.on('close', r));
  const lines = out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
  confirmed.push(...lines.map((l) => l[0]!));
  confirmedRoster.push(...lines.filter((l) => l[2] === 'roster').map((l) => l[0]!));
  const id = `after-kill-${round}`;
  const started = performance.now();
  await store.update(
    (d) =>
      void d.contacts.push({
        id,
        cadreId: assignment.cadreId,
        duty: 'class',
        targetId: assignment.classId,
        date: DEMO_TODAY,
        form: '座谈会',
        note: '',
        enteredAt: new Date().toISOString(),
        enteredBy: 'kill-test',
      }),
    { action: 'kill-test', contacts: DEMO_TODAY },
  );
  nextChange.push(performance.now() - started);
  confirmed.push(id);
  try {
    const now = await new DatastoreFile(file).load('all');
    const ids = new Set(now.contacts.map((c) => c.id));
    const colleges = new Set(now.colleges.map((c) => c.id));
    const lost = [...confirmed.filter((id) => !ids.has(id)), ...confirmedRoster.filter((id) => !colleges.has(id))];
    if (lost.length === 0) passed++;
    else console.log(`round ${round}: ${lost.length} confirmed contacts or colleges missing`);
  } catch (error) {
    console.log(`round ${round}: datastore unreadable: ${(error as Error).message}`);
  }
}
const sorted = [...nextChange].sort((a, b) => a - b);
console.log(
  `kill mid-save: ${passed}/${args.rounds} rounds left a complete datastore with every confirmed save (${confirmed.length} saves, ${confirmedRoster.length} of them also changing the roster)`,
);
console.log(
  `next change after a kill (wait for the lock + save): p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
);
if (passed !== args.rounds) process.exitCode = 1;

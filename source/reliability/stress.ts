// npm run stress [-- --writers 8 --contacts 200]: parallel processes logging into one datastore, then a
// check that every contact a writer reported saved is in the file. Prints attempts, saved, lost, time.
import { spawn } from 'node:child_process';
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

const file = join(mkdtempSync(join(tmpdir(), 'slx-stress-')), 'stress.json');
const data = buildDemoData();
const assignment = data.assignments.find((a) => a.end === null)!;
await new DatastoreFile(file).create(data);
const worker = join(import.meta.dirname, 'stress-worker.ts');
const tsx = join(import.meta.dirname, '..', '..', 'node_modules', '.bin', 'tsx');

const started = performance.now();
const reported = await Promise.all(
  Array.from({ length: args.writers }, (_, w) => {
    return new Promise<string[]>((resolve) => {
      const child = spawn(tsx, [worker, file, String(w), String(args.contacts), assignment.cadreId, assignment.classId, DEMO_TODAY], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('close', () => resolve(out.split('\n').filter((l) => l !== '')));
    });
  }),
);
const seconds = (performance.now() - started) / 1000;
const ids = new Set((await new DatastoreFile(file).load('all')).contacts.map((c) => c.id));
const saved = reported.flat();
const lost = saved.filter((id) => !ids.has(id)).length;
const attempts = args.writers * args.contacts;
console.log(`datastore ${file}`);
console.log(`writers ${args.writers} × contacts ${args.contacts}: attempts ${attempts}, saved ${saved.length}, lost ${lost}, time ${seconds.toFixed(1)} s`);
if (lost > 0 || saved.length !== attempts) process.exitCode = 1;

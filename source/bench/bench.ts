// npm run bench [-- --scale school|small --runs N]: the performance report of GitHub issue 6.
// Generates the datastore once (cached by generator version), builds the app, then times each
// operation N times (median) against its target, with the peak resident memory of every process.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildIndexes } from '../domain/indexes.js';
import { isActiveOn } from '../domain/windows.js';
import { DatastoreFile } from '../store/datastore-file.js';
import { defaultBenchFile, generateTo, isCurrent } from './bench-data.js';
import { BENCH_TODAY, SCALES } from './generate.js';

const args = await yargs(hideBin(process.argv))
  .option('scale', { choices: Object.keys(SCALES), default: 'school' })
  .option('runs', { type: 'number', default: 5 })
  .option('data', { type: 'string', describe: 'datastore file (default data/bench/<scale>.json)' })
  .strict()
  .help()
  .parseAsync();

const scale = SCALES[args.scale]!;
const runs = Math.max(1, Math.floor(args.runs));
const file = resolve(args.data ?? defaultBenchFile(scale.name));
const work = resolve('.bench-cache', `run-${process.pid}`);
mkdirSync(work, { recursive: true });
const TIME = '/usr/bin/time';
// Peak memory of each process comes from GNU time; the TUI runs in a pseudo-terminal made by script(1).
for (const [tool, pkg] of [[TIME, 'time'], ['/usr/bin/script', 'bsdutils']] as const) {
  if (!existsSync(tool)) {
    console.error(`bench needs ${tool}: apt-get install -y ${pkg}`);
    process.exit(1);
  }
}

if (await isCurrent(file, scale)) console.log(`using cached ${file}`);
else {
  const t = performance.now();
  const g = await generateTo(file, scale);
  console.log(`generated ${file}: ${g.counts.contacts} contacts in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
console.log('building (npm run build)…');
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Row {
  label: string;
  ms: number | null;
  target: string;
  pass: boolean | null;
  rssKb: number;
  note: string;
}
const rows: Row[] = [];

function probe(mode: string): { times: number[]; maxRssKb: number; note: string } {
  const r = spawnSync(process.execPath, ['--expose-gc', 'dist/bench/probe.js', mode, file, BENCH_TODAY, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`probe ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** Runs `node dist/cli/main.js …` under /usr/bin/time: wall time spawn → exit, and peak RSS. */
async function cli(argv: string[]): Promise<{ ms: number; rssKb: number }> {
  const rssFile = join(work, 'rss.txt');
  const outFd = openSync(join(work, 'stdout.txt'), 'w');
  const t = performance.now();
  const child = spawn(TIME, ['-f', '%M', '-o', rssFile, process.execPath, 'dist/cli/main.js', '--data', file, ...argv], { stdio: ['ignore', outFd, 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('exit', res));
  const ms = performance.now() - t;
  closeSync(outFd);
  if (code !== 0) throw new Error(`sanlianxi ${argv.join(' ')} exited ${code}: ${err}`);
  return { ms, rssKb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) };
}

async function cliRow(label: string, argv: () => string[], limitMs: number, targetText: string): Promise<void> {
  const times: number[] = [];
  let rss = 0;
  for (let r = 0; r < runs; r++) {
    const m = await cli(argv());
    times.push(m.ms);
    rss = Math.max(rss, m.rssKb);
  }
  const ms = median(times);
  rows.push({ label, ms, target: targetText, pass: ms <= limitMs, rssKb: rss, note: '' });
  console.log(`  ${label}: ${ms.toFixed(0)} ms`);
}

/** The built TUI in a pseudo-terminal (script): spawn → the 首页 frame (title and its key bar) appears. */
async function tuiStart(): Promise<{ ms: number; rssKb: number }> {
  const rssFile = join(work, 'rss-tui.txt');
  const cmd = `stty rows 40 cols 160; exec ${TIME} -f %M -o ${rssFile} ${process.execPath} dist/cli/main.js --data '${file}' --as-of ${BENCH_TODAY}`;
  const t = performance.now();
  const child = spawn('script', ['-qfc', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, TERM: 'xterm-256color' } });
  let out = '';
  let ms = -1;
  const seen = new Promise<void>((res) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (ms < 0 && out.includes('三联系') && out.includes('1 记录联系')) {
        ms = performance.now() - t;
        res();
      }
    });
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await Promise.race([seen, new Promise((res) => child.on('exit', res))]);
  child.stdin.write('q');
  await new Promise((res) => (child.exitCode !== null ? res(null) : child.on('exit', res)));
  clearTimeout(timeout);
  if (ms < 0) throw new Error(`TUI never showed 首页: ${out.slice(-500)}`);
  let rssKb = 0;
  try {
    rssKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
  } catch {
    /* killed before time wrote it */
  }
  return { ms, rssKb };
}

function probeRow(label: string, mode: string, limit: (ms: number) => boolean, target: string): number {
  const p = probe(mode);
  const ms = median(p.times);
  rows.push({ label, ms, target, pass: target === '—' ? null : limit(ms), rssKb: p.maxRssKb, note: p.note });
  console.log(`  ${label}: ${ms.toFixed(1)} ms ${p.note}`);
  return ms;
}

console.log(`measuring, ${runs} run(s) each…`);
const baseline = probeRow('raw JSON.parse of the datastore files (baseline)', 'parse', () => true, '—');
probeRow('datastore load: DatastoreFile.load() + buildIndexes', 'load', (ms) => ms <= 3 * baseline, `≤ 3 × baseline (${(3 * baseline).toFixed(0)} ms)`);
// For reference, no target: the same load with zod over every field, as `check` does and as any file whose seal does not match is read.
probeRow('datastore load, every field validated (seals ignored, as check)', 'load-full', () => true, '—');
probeRow('overdueReport, whole school, one date', 'overdue', (ms) => ms <= 100, '≤ 100 ms');
await cliRow('sanlianxi overdue --json (end to end)', () => ['overdue', '--json', '--as-of', BENCH_TODAY], 1000, '≤ 1.0 s');

// log: on a copy (written through DatastoreFile), a cadre with an active assignment on the as-of date.
const source = await new DatastoreFile(file).load();
const copy = join(work, 'copy', 'log.json');
await new DatastoreFile(copy).create(source);
const idx = buildIndexes(source);
const active = source.assignments.find((a) => a.dormIds.length > 0 && isActiveOn(a, idx.classById.get(a.classId), BENCH_TODAY))!;
const cadre = idx.cadreById.get(active.cadreId)!;
const dorm = idx.dormById.get(active.dormIds[0]!)!;
const logArgs = ['log', '--cadre', cadre.employeeNo ?? cadre.name, '--type', '寝室', '--target', `${dorm.building}-${dorm.number}`, '--date', BENCH_TODAY, '--as-of', BENCH_TODAY, '--form', '寝室走访'];
{
  const times: number[] = [];
  let rss = 0;
  for (let r = 0; r < runs; r++) {
    const child = await (async () => {
      const rssFile = join(work, 'rss-log.txt');
      const t = performance.now();
      const res = spawnSync(TIME, ['-f', '%M', '-o', rssFile, process.execPath, 'dist/cli/main.js', '--data', copy, ...logArgs], { encoding: 'utf8' });
      const ms = performance.now() - t;
      if (res.status !== 0) throw new Error(`log failed: ${res.stderr}`);
      return { ms, rssKb: Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) };
    })();
    times.push(child.ms);
    rss = Math.max(rss, child.rssKb);
  }
  const ms = median(times);
  rows.push({ label: 'sanlianxi log (one contact saved, on a copy)', ms, target: '≤ 0.5 s', pass: ms <= 500, rssKb: rss, note: '' });
  console.log(`  log: ${ms.toFixed(0)} ms`);
}
const xlsx = (name: string) => join(work, name);
await cliRow('export form2, whole school', () => ['export', 'form2', '--as-of', BENCH_TODAY, '--out', xlsx('form2.xlsx'), '--force'], 3000, '≤ 3 s');
await cliRow('export form1, all cadres', () => ['export', 'form1', '--as-of', BENCH_TODAY, '--out', xlsx('form1.xlsx'), '--force'], 15000, '≤ 15 s');
const reportTerm = source.settings.terms.filter((t) => t.end < BENCH_TODAY).pop()!.name;
await cliRow(`export report, one term (${reportTerm})`, () => ['export', 'report', '--term', reportTerm, '--out', xlsx('report.xlsx'), '--force'], 5000, '≤ 5 s');
{
  const times: number[] = [];
  let rss = 0;
  for (let r = 0; r < runs; r++) {
    const m = await tuiStart();
    times.push(m.ms);
    rss = Math.max(rss, m.rssKb);
  }
  const ms = median(times);
  rows.push({ label: 'TUI: process start → first 首页 frame (pty)', ms, target: '≤ 1.5 s', pass: ms <= 1500, rssKb: rss, note: '' });
  console.log(`  TUI start: ${ms.toFixed(0)} ms`);
}
probeRow('TUI: j → next frame, 1,500-row 干部 list', 'keys', (ms) => ms <= 50, '≤ 50 ms');

// The baseline (the first row) holds the raw file texts and their parse: it measures JSON, not the app.
const peak = Math.max(...rows.slice(1).map((r) => r.rssKb));
const fmt = (ms: number | null) => (ms === null ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const counts = `${source.cadres.length} cadres, ${source.classes.length} classes, ${source.dorms.length} dorms, ${source.students.length} 困难生, ${source.contacts.length} contacts`;
console.log(`\nscale ${scale.name} (${counts}), as of ${BENCH_TODAY}, median of ${runs}; ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}\n`);
console.log('| measurement | median | target | result | peak RSS |');
console.log('|---|---:|---|---|---:|');
for (const r of rows) {
  console.log(`| ${r.label}${r.note ? ` (${r.note})` : ''} | ${fmt(r.ms)} | ${r.target} | ${r.pass === null ? '—' : r.pass ? 'PASS' : 'FAIL'} | ${(r.rssKb / 1024).toFixed(0)} MB |`);
}
const memPass = peak <= 500 * 1024;
console.log(`| peak resident memory of any of the above (baseline excluded) | ${(peak / 1024).toFixed(0)} MB | ≤ 500 MB | ${memPass ? 'PASS' : 'FAIL'} | |`);
const failed = rows.filter((r) => r.pass === false).map((r) => r.label);
if (!memPass) failed.push('peak memory');
console.log(`\nSUMMARY: ${failed.length === 0 ? 'all targets PASS' : `${failed.length} FAIL: ${failed.join('; ')}`}`);
rmSync(work, { recursive: true, force: true });

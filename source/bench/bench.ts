// npm run bench [-- --scale school|small --runs N --years 5 --growth-years 10]: the performance report
// of GitHub issues 6 and 15. Generates the datastores once (cached by generator version), builds the
// app, then measures:
//  - the daily commands as ratios to a bare `node -e 0` run beside each of them (issue 15's targets),
//  - the same at a longer history (--growth-years) and how much each ratio grew (the growth table),
//  - the absolute rows of issue 6 (in-process load and overdue, exports, the TUI's keystroke).
import { spawnSync } from 'node:child_process';
import { cp, mkdir, rm } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildIndexes } from '../domain/indexes.js';
import { isActiveOn } from '../domain/windows.js';
import { DatastoreFile } from '../store/datastore-file.js';
import { layoutOf } from '../store/layout.js';
import { defaultBenchFile, generateTo, isCurrent } from './bench-data.js';
import { BENCH_TODAY, SCALES, withYears, type Scale } from './generate.js';
import { TIME, firstFrame, median, pairedGroup, timeProcess, type Paired, type Sample } from './measure.js';

const args = await yargs(hideBin(process.argv))
  .option('scale', { choices: Object.keys(SCALES), default: 'school' })
  .option('runs', { type: 'number', default: 5, describe: 'counted runs of each measurement (median)' })
  .option('years', {
    type: 'number',
    default: 5,
    describe: 'academic years of history of the measured datastore (5: today)',
  })
  .option('growth-years', {
    type: 'number',
    default: 10,
    describe: 'a longer history measured for the growth table (0: none)',
  })
  .option('data', { type: 'string', describe: 'datastore file (default data/bench/<scale>.json)' })
  .strict()
  .help()
  .parseAsync();

const started = performance.now();
const runs = Math.max(1, Math.floor(args.runs));
const scale = withYears(SCALES[args.scale]!, args.years);
const growthScale =
  args['growth-years'] > 0 && args['growth-years'] !== args.years
    ? withYears(SCALES[args.scale]!, args['growth-years'])
    : null;
const work = resolve('.bench-cache', `run-${process.pid}`);
await mkdir(work, { recursive: true });
// Peak memory of each process comes from GNU time; the TUI runs in a pseudo-terminal made by script(1).
for (const [tool, pkg] of [
  [TIME, 'time'],
  ['/usr/bin/script', 'bsdutils'],
] as const) {
  if (!existsSync(tool)) {
    console.error(`bench needs ${tool}: apt-get install -y ${pkg}`);
    process.exit(1);
  }
}

async function ensureData(s: Scale, file: string): Promise<void> {
  if (await isCurrent(file, s)) return void console.log(`using cached ${file}`);
  const t = performance.now();
  const g = await generateTo(file, s);
  console.log(`generated ${file}: ${g.counts.contacts} contacts in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}
const file = resolve(args.data ?? defaultBenchFile(scale));
await ensureData(scale, file);
const growthFile = growthScale ? defaultBenchFile(growthScale) : null;
if (growthScale && growthFile) await ensureData(growthScale, growthFile);
console.log('building (npm run build)…');
const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) throw new Error('npm run build failed');

const MAIN_JS = 'dist/cli/main.js';
const cli = (data: string, argv: string[]) => () =>
  timeProcess([process.execPath, MAIN_JS, '--data', data, ...argv], work);
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const fmtMb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const fmtX = (x: number) => `${x.toFixed(2)}×`;

/** A copy of the datastore's live files (main file, seal, month files) for commands that save. */
async function copyOf(source: string, name: string): Promise<string> {
  const from = new DatastoreFile(source).layout;
  const dest = join(work, name, 'bench.json');
  const to = layoutOf(dest);
  await mkdir(to.partsDir, { recursive: true });
  await cp(from.main, to.main);
  if (existsSync(from.seal)) await cp(from.seal, to.seal);
  await cp(from.partsDir, to.partsDir, { recursive: true });
  return dest;
}

type Key = 'count' | 'rebuild' | 'json' | 'text' | 'log' | 'tui' | 'report' | 'form2' | 'form1';
const LABELS: Record<Key, string> = {
  count: 'overdue --count',
  rebuild: 'overdue --count, digest rebuilt',
  json: 'overdue --json',
  text: 'overdue',
  log: 'log (one contact saved)',
  tui: 'TUI start → first 首页 frame',
  report: 'export report (one term)',
  form2: 'export form2',
  form1: 'export form1',
};

/** One datastore and how to run each measured command on it. */
interface Dataset {
  scale: Scale;
  counts: string;
  reportTerm: string;
  commands: Partial<Record<Key, () => Promise<Sample>>>;
}

/** The daily commands on one datastore; the text table and the full exports only when asked. */
async function prepare(s: Scale, data: string, everything: boolean): Promise<Dataset> {
  const main = await new DatastoreFile(data, { contacts: 'none' }).load();
  const idx = buildIndexes(main);
  const asOf = ['--as-of', BENCH_TODAY];
  // log: on a copy, a cadre with an active assignment on the as-of date visits one of its dorms (again
  // at each run: --again).
  const active = main.assignments.find(
    (a) => a.dormIds.length > 0 && isActiveOn(a, idx.classById.get(a.classId), BENCH_TODAY),
  )!;
  const cadre = idx.cadreById.get(active.cadreId)!;
  const dorm = idx.dormById.get(active.dormIds[0]!)!;
  const copy = await copyOf(data, `log-${s.years}y`);
  const logArgs = [
    'log',
    '--cadre',
    cadre.employeeNo ?? cadre.name,
    '--type',
    '寝室',
    '--target',
    `${dorm.building}-${dorm.number}`,
    '--date',
    BENCH_TODAY,
    ...asOf,
    '--form',
    '寝室走访',
    '--again',
  ];
  const xlsx = (name: string) => join(work, `${s.years}y-${name}`);
  const reportTerm = main.settings.terms.filter((t) => t.end < BENCH_TODAY).pop()!.name;
  const commands: Dataset['commands'] = {
    count: cli(data, ['overdue', '--count', ...asOf]),
    json: cli(data, ['overdue', '--json', ...asOf]),
    log: cli(copy, logArgs),
    tui: () => firstFrame([MAIN_JS, '--data', data, ...asOf], ['三联系', '1 记录联系'], 'q', work),
    report: cli(data, ['export', 'report', '--term', reportTerm, '--out', xlsx('report.xlsx'), '--force']),
  };
  if (everything) {
    // The first overdue after a save builds the term's digest again (its files changed): removed before each run.
    const count = cli(data, ['overdue', '--count', ...asOf]);
    commands.rebuild = async () => {
      await rm(new DatastoreFile(data).layout.digest, { force: true });
      return count();
    };
    commands.text = cli(data, ['overdue', ...asOf]);
    commands.form2 = cli(data, ['export', 'form2', ...asOf, '--out', xlsx('form2.xlsx'), '--force']);
    commands.form1 = cli(data, ['export', 'form1', ...asOf, '--out', xlsx('form1.xlsx'), '--force']);
  }
  const counts = `${main.cadres.length} cadres, ${main.classes.length} classes, ${main.dorms.length} dorms, ${main.students.length} 困难生, ${main.assignments.length} assignments, ${(await new DatastoreFile(data).files()).length} files`;
  return { scale: s, counts, reportTerm, commands };
}

interface Measured {
  rows: Partial<Record<Key, Paired>>;
  /** Every `node -e 0` run of the rounds. */
  baseTimes: number[];
}

/** Each command in rounds with `node -e 0` — and with the same command on the longer history, if any. */
async function measureAll(
  main: Dataset,
  longer: Dataset | null,
): Promise<{ main: Measured; longer: Measured | null; growth: Partial<Record<Key, number>> }> {
  const a: Measured = { rows: {}, baseTimes: [] };
  const b: Measured | null = longer ? { rows: {}, baseTimes: [] } : null;
  const growth: Partial<Record<Key, number>> = {};
  console.log(
    `measuring, ${runs} round(s) each (node -e 0, ${main.scale.years} years${longer ? `, ${longer.scale.years} years` : ''})…`,
  );
  for (const key of Object.keys(LABELS) as Key[]) {
    const run = main.commands[key];
    if (!run) continue;
    const other = longer?.commands[key];
    const g = await pairedGroup(other ? [run, other] : [run], runs, work);
    a.rows[key] = g.each[0]!;
    a.baseTimes.push(...g.baseTimes);
    let line = `  ${LABELS[key]}: ${fmtMs(g.each[0]!.ms)}, ${fmtX(g.each[0]!.ratio)} node -e 0 (${fmtMs(g.each[0]!.baseMs)}), ${fmtMb(g.each[0]!.rssKb)}`;
    if (other && b) {
      b.rows[key] = g.each[1]!;
      b.baseTimes.push(...g.baseTimes);
      growth[key] = g.growth[1]!;
      line += `; ${longer!.scale.years} years ${fmtMs(g.each[1]!.ms)}, ${fmtX(g.each[1]!.ratio)}, ${fmtMb(g.each[1]!.rssKb)}`;
    }
    console.log(line);
  }
  return { main: a, longer: b, growth };
}

interface ProbeResult {
  times: number[];
  maxRssKb: number;
  note: string;
}
function probe(mode: string): ProbeResult {
  // React and ink as the program runs them (its bundle is built for production), not their development builds.
  const env = { ...process.env, NODE_ENV: 'production' };
  const r = spawnSync(process.execPath, ['--expose-gc', 'dist/bench/probe.js', mode, file, BENCH_TODAY, String(runs)], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env,
  });
  if (r.status !== 0) throw new Error(`probe ${mode} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ProbeResult;
}

const failed: string[] = [];
const verdict = (label: string, pass: boolean) => {
  if (!pass) failed.push(label);
  return pass ? 'PASS' : 'FAIL';
};

console.log(`in-process measurements on ${file}, ${runs} run(s) each…`);
const probes = new Map<string, ProbeResult>();
for (const mode of ['parse', 'load', 'load-full', 'overdue', 'keys']) probes.set(mode, probe(mode));
const mainSet = await prepare(scale, file, true);
const longerSet = growthScale && growthFile ? await prepare(growthScale, growthFile, false) : null;
const { main: measured, longer, growth } = await measureAll(mainSet, longerSet);

// 1. Ratios to node -e 0 (issue 15).
const RATIO_ROWS: Array<{ key: Key; label: string; limit: number | null }> = [
  { key: 'count', label: '`overdue --count`', limit: 2.0 },
  { key: 'rebuild', label: '`overdue --count`, first after a save (digest rebuilt)', limit: null },
  { key: 'json', label: '`overdue --json`', limit: 3.0 },
  { key: 'text', label: '`overdue` (text table)', limit: null },
  { key: 'log', label: '`log` (one contact saved)', limit: 3.0 },
  { key: 'tui', label: 'TUI: process start → first 首页 frame', limit: 6.0 },
  { key: 'report', label: `\`export report\`, one term`, limit: null },
];
const peakOf = (m: Measured) =>
  Math.max(...(['count', 'json', 'text', 'log'] as const).map((k) => m.rows[k]?.rssKb ?? 0));
const PEAK_LIMIT_KB = 80 * 1024;
const machine = `${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`;
console.log(
  `\n${machine}; load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} at the end; as of ${BENCH_TODAY}; ${runs} round(s) per row\n`,
);
console.log(`### ratios to \`node -e 0\`, scale ${scale.name}, ${scale.years} years (${mainSet.counts})\n`);
console.log('| measurement | median | `node -e 0` in its rounds | ratio | target | result | peak RSS |');
console.log('|---|---:|---:|---:|---|---|---:|');
console.log(`| \`node -e 0\` (all runs of this table) | ${fmtMs(median(measured.baseTimes))} | | 1.00× | | | |`);
for (const r of RATIO_ROWS) {
  const p = measured.rows[r.key]!;
  const result = r.limit === null ? '—' : verdict(r.label, p.ratio <= r.limit);
  console.log(
    `| ${r.label} | ${fmtMs(p.ms)} | ${fmtMs(p.baseMs)} | ${fmtX(p.ratio)} | ${r.limit === null ? '—' : `≤ ${r.limit.toFixed(1)}×`} | ${result} | ${fmtMb(p.rssKb)} |`,
  );
}
console.log(
  `| peak RSS of \`overdue\`/\`log\` | ${fmtMb(peakOf(measured))} | | | ≤ 80 MB | ${verdict('peak RSS of overdue/log', peakOf(measured) <= PEAK_LIMIT_KB)} | |`,
);

// 2. Growth with the length of history.
if (longer && longerSet) {
  const GROWTH_LIMIT = 0.15;
  const pct = (g: number) => `${g >= 0 ? '+' : ''}${(g * 100).toFixed(0)}%`;
  console.log(
    `\n### growth: ${scale.years} → ${longerSet.scale.years} years of history (${longerSet.counts}), measured in the same rounds\n`,
  );
  console.log(
    `| measurement | ratio, ${scale.years} years | ratio, ${longerSet.scale.years} years | growth (round by round) | target | result |`,
  );
  console.log('|---|---:|---:|---:|---|---|');
  for (const r of RATIO_ROWS.filter((x) => growth[x.key] !== undefined)) {
    const g = growth[r.key]! - 1;
    console.log(
      `| ${r.label} | ${fmtX(measured.rows[r.key]!.ratio)} | ${fmtX(longer.rows[r.key]!.ratio)} | ${pct(g)} | ≤ +15% | ${verdict(`${r.label} growth`, g <= GROWTH_LIMIT)} |`,
    );
  }
  const a = peakOf(measured);
  const b = peakOf(longer);
  console.log(
    `| peak RSS of \`overdue\`/\`log\` | ${fmtMb(a)} | ${fmtMb(b)} | ${pct(b / a - 1)} | ≤ +15% | ${verdict('peak RSS growth', b / a - 1 <= GROWTH_LIMIT)} |`,
  );
}

// 3. The absolute rows of issue 6, at the measured scale.
const abs: Array<{ label: string; ms: number; target: string; pass: boolean | null; rssKb: number }> = [];
const probeRow = (
  label: string,
  mode: string,
  limitMs: number | null,
  target = limitMs === null ? '—' : `≤ ${fmtMs(limitMs)}`,
) => {
  const p = probes.get(mode)!;
  const ms = median(p.times);
  abs.push({
    label: p.note ? `${label} (${p.note})` : label,
    ms,
    target,
    pass: limitMs === null ? null : ms <= limitMs,
    rssKb: p.maxRssKb,
  });
  return ms;
};
const cmdRow = (label: string, key: Key, limitMs: number) => {
  const p = measured.rows[key]!;
  abs.push({ label, ms: p.ms, target: `≤ ${fmtMs(limitMs)}`, pass: p.ms <= limitMs, rssKb: p.rssKb });
};
const parseMs = probeRow('raw JSON.parse of the datastore files (baseline)', 'parse', null);
probeRow(
  'datastore load: DatastoreFile.load() + buildIndexes',
  'load',
  3 * parseMs,
  `≤ 3 × baseline (${fmtMs(3 * parseMs)})`,
);
// For reference, no target: the same load with zod over every field, as `check` does and as any file whose seal does not match is read.
probeRow('datastore load, every field validated (seals ignored, as check)', 'load-full', null);
probeRow('overdueReport, whole school, one date', 'overdue', 100);
cmdRow('sanlianxi overdue --json (end to end)', 'json', 1000);
cmdRow('sanlianxi log (one contact saved, on a copy)', 'log', 500);
cmdRow('export form2, whole school', 'form2', 3000);
cmdRow('export form1, all cadres', 'form1', 15000);
cmdRow(`export report, one term (${mainSet.reportTerm})`, 'report', 5000);
cmdRow('TUI: process start → first 首页 frame (pty)', 'tui', 1500);
probeRow('TUI: j → next frame on the 干部 list', 'keys', 50);
console.log(`\n### absolute figures (issue 6), scale ${scale.name}, ${scale.years} years\n`);
console.log('| measurement | median | target | result | peak RSS |');
console.log('|---|---:|---|---|---:|');
for (const r of abs)
  console.log(
    `| ${r.label} | ${fmtMs(r.ms)} | ${r.target} | ${r.pass === null ? '—' : verdict(r.label, r.pass)} | ${fmtMb(r.rssKb)} |`,
  );
// The baseline (the first row) holds the raw file texts and their parse: it measures JSON, not the app.
const peak = Math.max(...abs.slice(1).map((r) => r.rssKb));
console.log(
  `| peak resident memory of any of the above (baseline excluded) | ${fmtMb(peak)} | ≤ 500 MB | ${verdict('peak memory', peak <= 500 * 1024)} | |`,
);

console.log(`\nSUMMARY: ${failed.length === 0 ? 'all targets PASS' : `${failed.length} FAIL: ${failed.join('; ')}`}`);
rmSync(work, { recursive: true, force: true });
console.log(`(bench ran ${((performance.now() - started) / 1000).toFixed(0)} s)`);

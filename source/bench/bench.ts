// npm run bench [-- --scale school|small --runs N --years 5 --growth-years 10 --vs DIR]: the performance
// report of GitHub issues 6 and 15. Generates the datastores once (cached by generator version), builds
// the app, then measures:
//  - the daily commands as ratios to a bare `node -e 0` run beside each of them (issue 15's targets),
//  - the same at a longer history (--growth-years) and how much each ratio grew (the growth table),
//  - with --vs, the same commands of the build in another checkout in the same rounds (issue 24: a
//    change is judged against the build before it under the same load),
//  - the absolute rows of issue 6 (in-process load and overdue, exports, the TUI's keystroke).
import { spawnSync } from 'node:child_process';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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
  .option('vs', {
    type: 'string',
    describe: 'another checkout of the project with its dist/ built: its commands run in the same rounds',
  })
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
const MAIN_JS = 'dist/cli/main.js';
/** A build of the program: this checkout's, and with --vs the other one's. */
interface Build {
  name: string;
  mainJs: string;
  /** Its checkout's commit, for the side-by-side table. */
  commit: string;
}
const commitOf = (dir: string) => {
  const head = spawnSync('git', ['-C', dir, 'log', '-1', '--format=%h %s'], { encoding: 'utf8' });
  const dirty = spawnSync('git', ['-C', dir, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' });
  return head.status === 0 ? `${head.stdout.trim()}${dirty.stdout.trim() ? ', with uncommitted changes' : ''}` : '?';
};
const builds: Build[] = [{ name: 'this build', mainJs: resolve(MAIN_JS), commit: commitOf('.') }];
if (args.vs !== undefined) {
  const mainJs = resolve(args.vs, MAIN_JS);
  if (!existsSync(mainJs)) {
    console.error(`--vs ${args.vs}: no ${mainJs}; build it there first (npm run build)`);
    process.exit(1);
  }
  builds.push({ name: resolve(args.vs), mainJs, commit: commitOf(args.vs) });
}
const work = resolve('.bench-cache', `run-${process.pid}`);
await mkdir(work, { recursive: true });
// The copies of the datastores are large: removed however the run ends.
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
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

const cli = (build: Build, data: string, argv: string[]) => () =>
  timeProcess([process.execPath, build.mainJs, '--data', data, ...argv], work);
const fmtMs = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const fmtMb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const fmtX = (x: number) => `${x.toFixed(2)}×`;

/** A copy of the datastore's live files (main file, seal, month files): each build reads and saves its own. */
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

/** Removes the files commands added beside a copy since it was made: the derived files (the digest). */
function derivedRemover(copy: string): () => Promise<void> {
  const dir = dirname(copy);
  const copied = new Set(readdirSync(dir));
  return async () => {
    for (const entry of await readdir(dir, { withFileTypes: true }))
      if (entry.isFile() && !copied.has(entry.name)) await rm(join(dir, entry.name));
  };
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

type Commands = Partial<Record<Key, () => Promise<Sample>>>;

/** One datastore and how each build runs each measured command on it. */
interface Dataset {
  scale: Scale;
  counts: string;
  reportTerm: string;
  /** By build, as in `builds`. */
  commands: Commands[];
}

/** The daily commands on one datastore; the text table and the full exports only when asked. */
async function prepare(s: Scale, data: string, everything: boolean): Promise<Dataset> {
  const main = await new DatastoreFile(data, { contacts: 'none' }).load();
  const idx = buildIndexes(main);
  const asOf = ['--as-of', BENCH_TODAY];
  // log: a cadre with an active assignment on the as-of date visits one of its dorms (again at each run:
  // --again).
  const active = main.assignments.find(
    (a) => a.dormIds.length > 0 && isActiveOn(a, idx.classById.get(a.classId), BENCH_TODAY),
  )!;
  const cadre = idx.cadreById.get(active.cadreId)!;
  const dorm = idx.dormById.get(active.dormIds[0]!)!;
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
  const reportTerm = main.settings.terms.filter((t) => t.end < BENCH_TODAY).pop()!.name;
  const commands: Commands[] = [];
  for (const [b, build] of builds.entries()) {
    // Its own copies, so neither build reads the other's derived files or saves: one read, one for log.
    const read = await copyOf(data, `b${b}-${s.years}y`);
    const removeDerived = derivedRemover(read);
    const copy = await copyOf(data, `b${b}-${s.years}y-log`);
    const xlsx = (name: string) => join(work, `b${b}-${s.years}y-${name}`);
    const count = cli(build, read, ['overdue', '--count', ...asOf]);
    await count(); // builds the digest, as it stands before the measured runs
    const c: Commands = {
      count,
      json: cli(build, read, ['overdue', '--json', ...asOf]),
      log: cli(build, copy, logArgs),
      tui: () => firstFrame([build.mainJs, '--data', read, ...asOf], ['三联系', '1 记录联系'], 'q', work),
      report: cli(build, read, ['export', 'report', '--term', reportTerm, '--out', xlsx('report.xlsx'), '--force']),
    };
    if (everything) {
      // The first overdue after a save builds the term's digest again (its files changed): removed before each run.
      c.rebuild = async () => {
        await removeDerived();
        return count();
      };
      c.text = cli(build, read, ['overdue', ...asOf]);
      c.form2 = cli(build, read, ['export', 'form2', ...asOf, '--out', xlsx('form2.xlsx'), '--force']);
      c.form1 = cli(build, read, ['export', 'form1', ...asOf, '--out', xlsx('form1.xlsx'), '--force']);
    }
    commands.push(c);
  }
  const counts = `${main.cadres.length} cadres, ${main.classes.length} classes, ${main.dorms.length} dorms, ${main.students.length} 困难生, ${main.assignments.length} assignments, ${(await new DatastoreFile(data).files()).length} files`;
  return { scale: s, counts, reportTerm, commands };
}

interface Measured {
  rows: Partial<Record<Key, Paired>>;
  /** Every `node -e 0` run of the rounds. */
  baseTimes: number[];
}

/** What the rounds found: by dataset (the history, then the longer one) and build, as in `builds`. */
interface Results {
  measured: Measured[][];
  /** Longer history ÷ the history, this build. */
  growth: Partial<Record<Key, number>>;
  /** By dataset: this build ÷ the other build. */
  vs: Array<Partial<Record<Key, number>>>;
}

/**
 * Each command in rounds with `node -e 0`: of every build, on the history and on the longer history if
 * any.
 */
async function measureAll(sets: readonly Dataset[]): Promise<Results> {
  const measured = sets.map(() => builds.map((): Measured => ({ rows: {}, baseTimes: [] })));
  const growth: Results['growth'] = {};
  const vs: Results['vs'] = sets.map(() => ({}));
  const sides = sets.flatMap((set) =>
    builds.map((build) => `${builds.length > 1 ? `${build.name}, ` : ''}${set.scale.years} years`),
  );
  console.log(`measuring, ${runs} round(s) each (node -e 0; ${sides.join('; ')})…`);
  for (const key of Object.keys(LABELS) as Key[]) {
    const columns = sets.flatMap((set, d) =>
      builds.flatMap((_, b) => {
        const run = set.commands[b]![key];
        return run ? [{ d, b, run }] : [];
      }),
    );
    if (columns.length === 0) continue;
    const g = await pairedGroup(
      columns.map((c) => c.run),
      runs,
      work,
    );
    const at = (d: number, b: number) => columns.findIndex((c) => c.d === d && c.b === b);
    const parts: string[] = [];
    for (const [i, c] of columns.entries()) {
      const p = g.each[i]!;
      measured[c.d]![c.b]!.rows[key] = p;
      measured[c.d]![c.b]!.baseTimes.push(...g.baseTimes);
      let part = `${sides[c.d * builds.length + c.b]} ${fmtMs(p.ms)}, ${fmtX(p.ratio)} node -e 0 (${fmtMs(p.baseMs)}), ${fmtMb(p.rssKb)}`;
      if (c.b > 0) {
        vs[c.d]![key] = g.quotient(at(c.d, 0), i);
        part += `, this ÷ it ${fmtX(vs[c.d]![key]!)}`;
      }
      parts.push(part);
    }
    if (at(1, 0) >= 0) growth[key] = g.quotient(at(1, 0), at(0, 0));
    console.log(`  ${LABELS[key]}: ${parts.join('; ')}`);
  }
  return { measured, growth, vs };
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
const results = await measureAll(longerSet ? [mainSet, longerSet] : [mainSet]);
const { growth } = results;
const measured = results.measured[0]![0]!;
const longer = longerSet ? results.measured[1]![0]! : null;

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

// 3. Side by side with the other build: how much slower or faster this one is, round by round.
const other = builds[1];
if (other) {
  const WITHIN = 1.1;
  const rows: Array<{ key: Key; label: string }> = [
    ...RATIO_ROWS,
    { key: 'form2', label: '`export form2`, whole school' },
    { key: 'form1', label: '`export form1`, all cadres' },
  ];
  const row = (label: string, mine: string, theirs: string, quotient: number) =>
    console.log(
      `| ${label} | ${mine} | ${theirs} | ${fmtX(quotient)} | ${verdict(`${label}: this ÷ other build`, quotient <= WITHIN)} |`,
    );
  console.log(`
### side by side with the build in ${other.name}, measured in the same rounds
`);
  console.log(`this build: ${builds[0]!.commit}; other build: ${other.commit}; each on its own copies of the data.
`);
  console.log('| measurement | ratio, this build | ratio, other build | this ÷ other (round by round) | within 10% |');
  console.log('|---|---:|---:|---:|---|');
  for (const [d, set] of [mainSet, longerSet].entries()) {
    if (!set) continue;
    const [mine, theirs] = results.measured[d]!;
    for (const r of rows.filter((x) => results.vs[d]![x.key] !== undefined)) {
      const label = d === 0 ? r.label : `${r.label}, ${set.scale.years} years`;
      row(label, fmtX(mine!.rows[r.key]!.ratio), fmtX(theirs!.rows[r.key]!.ratio), results.vs[d]![r.key]!);
    }
    const label = `peak RSS of \`overdue\`/\`log\`${d === 0 ? '' : `, ${set.scale.years} years`}`;
    row(label, fmtMb(peakOf(mine!)), fmtMb(peakOf(theirs!)), peakOf(mine!) / peakOf(theirs!));
  }
  console.log(
    '\nNot paired: the in-process rows of the issue-6 table below (JSON.parse, load, overdueReport, j → next frame) run this build only.',
  );
}

// 4. The absolute rows of issue 6, at the measured scale.
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
console.log(`(bench ran ${((performance.now() - started) / 1000).toFixed(0)} s)`);

// Whole-process measurements for the bench: wall time from spawn to exit (or to a frame on screen)
// and the peak resident memory GNU time reports, each paired with a bare `node -e 0` run right
// beside it, so a machine that slows down slows both and the ratio holds.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TIME = '/usr/bin/time';

export interface Sample {
  ms: number;
  rssKb: number;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function peakKb(rssFile: string): number {
  try {
    return Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) || 0;
  } catch {
    return 0; // killed before time wrote it
  }
}

/** Runs `argv` under GNU time, its output into a file in `work`; a non-zero exit is an error. */
export async function timeProcess(argv: readonly string[], work: string): Promise<Sample> {
  const rssFile = join(work, 'rss.txt');
  const outFd = openSync(join(work, 'stdout.txt'), 'w');
  const t = performance.now();
  const child = spawn(TIME, ['-f', '%M', '-o', rssFile, ...argv], { stdio: ['ignore', outFd, 'pipe'] });
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('exit', res));
  const ms = performance.now() - t;
  closeSync(outFd);
  if (code !== 0) throw new Error(`${argv.slice(1).join(' ')} exited ${code}: ${err}`);
  return { ms, rssKb: peakKb(rssFile) };
}

/** The baseline: Node starting and ending with nothing to do. */
export const nodeBaseline = (work: string): Promise<Sample> => timeProcess([process.execPath, '-e', '0'], work);

/**
 * `argv` (a node program and its arguments) in a pseudo-terminal made by script(1), 160×40: spawn →
 * the first frame in which every one of `marks` has appeared; then `quitKey`.
 */
export async function firstFrame(
  argv: readonly string[],
  marks: readonly string[],
  quitKey: string,
  work: string,
): Promise<Sample> {
  const rssFile = join(work, 'rss-tui.txt');
  const quoted = argv.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(' ');
  const cmd = `stty rows 40 cols 160; exec ${TIME} -f %M -o ${rssFile} ${process.execPath} ${quoted}`;
  const t = performance.now();
  const child = spawn('script', ['-qfc', cmd, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, TERM: 'xterm-256color' },
  });
  let out = '';
  let ms = -1;
  const seen = new Promise<void>((res) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (ms < 0 && marks.every((m) => out.includes(m))) {
        ms = performance.now() - t;
        res();
      }
    });
  });
  const timeout = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await Promise.race([seen, new Promise((res) => child.on('exit', res))]);
  child.stdin.write(quitKey);
  await new Promise((res) => (child.exitCode !== null ? res(null) : child.on('exit', res)));
  clearTimeout(timeout);
  if (ms < 0) throw new Error(`no frame with ${marks.join(', ')}: ${out.slice(-500)}`);
  return { ms, rssKb: peakKb(rssFile) };
}

export interface Paired {
  /** Median wall time of the command. */
  ms: number;
  /** Median of the `node -e 0` runs of its rounds. */
  baseMs: number;
  /** Median of the ratios round by round (command ÷ the baseline of the same round). */
  ratio: number;
  /** Largest peak RSS of the command's runs. */
  rssKb: number;
}

export interface Group {
  each: Paired[];
  /** Every `node -e 0` run. */
  baseTimes: number[];
  /** Median round by round of command `i`'s time ÷ command `j`'s (growth with history, one build ÷ another). */
  quotient(i: number, j: number): number;
}

const perRound = (a: readonly number[], b: readonly number[]) => median(a.map((ms, r) => ms / b[r]!));

/**
 * `runs` rounds of a bare `node -e 0` and each of `commands` (e.g. one command on 5 and on 10 years of
 * history, or of two builds), after one uncounted round (cold caches) when more than one is counted. The
 * order rotates from round to round, so none always runs first or right after another; ratios are taken
 * within a round, so load that comes and goes affects every side of each alike.
 */
export async function pairedGroup(
  commands: ReadonlyArray<() => Promise<Sample>>,
  runs: number,
  work: string,
): Promise<Group> {
  const steps = [() => nodeBaseline(work), ...commands];
  if (runs > 1) for (const step of steps) await step();
  const times = steps.map(() => [] as number[]);
  const rss = steps.map(() => 0);
  for (let r = 0; r < runs; r++) {
    for (let k = 0; k < steps.length; k++) {
      const i = (k + r) % steps.length;
      const m = await steps[i]!();
      times[i]!.push(m.ms);
      rss[i] = Math.max(rss[i]!, m.rssKb);
    }
  }
  const base = times[0]!;
  const own = times.slice(1);
  return {
    each: own.map((t, c) => ({ ms: median(t), baseMs: median(base), ratio: perRound(t, base), rssKb: rss[c + 1]! })),
    baseTimes: base,
    quotient: (i, j) => perRound(own[i]!, own[j]!),
  };
}

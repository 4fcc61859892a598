// Printing exported workbooks as a secretary would, with LibreOffice or gnumeric, and reading the pages
// back with poppler (words and their boxes, cell borders, page sizes): used by `npm run render-forms`
// (pages to look at) and by the print test (pages to check).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const INSTALL_HINT =
  'apt-get install -y libreoffice-calc gnumeric poppler-utils fonts-noto-cjk fonts-crosextra-carlito';

function run(command: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(command, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: env ? { ...process.env, ...env } : undefined,
  });
  if (r.error)
    throw new Error(
      `无法运行 ${command}（${(r.error as NodeJS.ErrnoException).code ?? r.error.message}）：请先 ${INSTALL_HINT}`,
    );
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} 失败（退出码 ${r.status}）：${r.stderr.trim()}`);
  return r.stdout;
}

/**
 * Converts XLSX files to PDF in `outDir` with `soffice --headless`, in a throwaway LibreOffice profile
 * (parallel runs would otherwise share, and lock, the user's). Returns the PDF paths.
 */
export function toPdf(files: readonly string[], outDir: string, env?: NodeJS.ProcessEnv): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'sanlianxi-lo-'));
  try {
    run(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      env,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => join(outDir, basename(f).replace(/\.xlsx$/i, '.pdf')));
}

/** Converts one XLSX file to a PDF (all its sheets) with gnumeric's `ssconvert`. */
export function toPdfWithGnumeric(file: string, pdf: string): string {
  run('ssconvert', [file, pdf]);
  return pdf;
}

/** PNG pages of a PDF at `dpi`, beside it (<name>-1.png, …). Returns the files pdftoppm wrote. */
export function toPng(pdf: string, dpi = 80): string[] {
  const prefix = pdf.replace(/\.pdf$/i, '');
  run('pdftoppm', ['-png', '-r', String(dpi), pdf, prefix]);
  const pages = pageSizes(pdf).length;
  const digits = String(pages).length;
  return Array.from({ length: pages }, (_, i) => `${prefix}-${String(i + 1).padStart(digits, '0')}.png`);
}

export interface PageSize {
  width: number;
  height: number;
  /** pdfinfo's paper name, e.g. "A4". */
  paper: string;
}

/** The size of every page, in points. */
export function pageSizes(pdf: string): PageSize[] {
  const out = run('pdfinfo', ['-f', '1', '-l', '100000', pdf]);
  return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/gm)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
    paper: m[3] ?? '',
  }));
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The words of every page with their boxes, from `pdftotext -bbox-layout`. */
export function pageWords(pdf: string): Word[][] {
  const html = run('pdftotext', ['-bbox-layout', pdf, '-']);
  return html
    .split(/<page /)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
        (m) => ({
          xMin: Number(m[1]),
          yMin: Number(m[2]),
          xMax: Number(m[3]),
          yMax: Number(m[4]),
          text: unescape(m[5]!),
        }),
      ),
    );
}

/**
 * Pairs of words on a page that print over each other: their boxes intersect by more than `tolerance`
 * points across and by more than a quarter of the lower word's height down. A word's box spans its
 * font's whole ascent and descent, so the boxes of two lines set closely in one cell (Latin text,
 * 1.16 em apart) touch by about a tenth of their height without any glyphs meeting.
 */
export function overlaps(words: readonly Word[], tolerance = 0.5): Array<[Word, Word]> {
  const out: Array<[Word, Word]> = [];
  const sorted = [...words].sort((a, b) => a.yMin - b.yMin);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.yMin < a.yMax; j++) {
      const b = sorted[j]!;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      const minDy = Math.max(tolerance, 0.25 * Math.min(a.yMax - a.yMin, b.yMax - b.yMin));
      if (dx > tolerance && dy > minDy) out.push([a, b]);
    }
  }
  return out;
}

/** A straight line drawn on a page (a cell border), in the words' coordinates: points from the top left. */
export interface Line {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The stroked straight lines of every page, from `pdftocairo -svg`: LibreOffice and gnumeric draw each
 * cell border as one "M x y L x y" path with its own transformation matrix.
 */
export function pageLines(pdf: string): Line[][] {
  const dir = mkdtempSync(join(tmpdir(), 'sanlianxi-svg-'));
  try {
    const svg = join(dir, 'pages.svg');
    run('pdftocairo', ['-svg', pdf, svg]);
    const text = readFileSync(svg, 'utf8');
    const pages = text.includes('<page>') ? text.split('<page>').slice(1) : [text];
    const path =
      /<path style="fill:none;[^"]*stroke:rgb[^"]*" d="M ([-\d.]+) ([-\d.]+) L ([-\d.]+) ([-\d.]+) "(?: transform="matrix\(([^)]*)\)")?/g;
    return pages.map((page) =>
      [...page.matchAll(path)].map((m) => {
        const [a, b, c, d, e, f] = m[5] ? m[5].split(',').map(Number) : [1, 0, 0, 1, 0, 0];
        const at = (x: number, y: number) => [a! * x + c! * y + e!, b! * x + d! * y + f!] as const;
        const [x1, y1] = at(Number(m[1]), Number(m[2]));
        const [x2, y2] = at(Number(m[3]), Number(m[4]));
        return { x1: Math.min(x1, x2), y1: Math.min(y1, y2), x2: Math.max(x1, x2), y2: Math.max(y1, y2) };
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Words a border runs through: a vertical line between the word's left and right edges along the word's
 * middle, or a horizontal line between its top and bottom within its width, by more than `tolerance` points.
 */
export function crossings(words: readonly Word[], lines: readonly Line[], tolerance = 0.5): Array<[Word, Line]> {
  const out: Array<[Word, Line]> = [];
  for (const w of words) {
    const midY = (w.yMin + w.yMax) / 2;
    const midX = (w.xMin + w.xMax) / 2;
    for (const l of lines) {
      const vertical = l.x2 - l.x1 < 0.5;
      const crosses = vertical
        ? l.y1 <= midY && midY <= l.y2 && w.xMin + tolerance < l.x1 && l.x1 < w.xMax - tolerance
        : l.x1 <= midX && midX <= l.x2 && w.yMin + tolerance < l.y1 && l.y1 < w.yMax - tolerance;
      if (crosses) out.push([w, l]);
    }
  }
  return out;
}

/** The point size of each word of Chinese characters alone: its width over its characters (one em each). */
export function hanSizes(words: readonly Word[]): number[] {
  return words.filter((w) => /^\p{Script=Han}+$/u.test(w.text)).map((w) => (w.xMax - w.xMin) / [...w.text].length);
}

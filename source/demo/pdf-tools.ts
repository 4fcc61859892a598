// Printing exported workbooks as a secretary would, with LibreOffice, and reading the pages back with
// poppler: used by `npm run render-forms` (pages to look at) and by the print test (pages to check).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export const INSTALL_HINT = 'apt-get install -y libreoffice-calc poppler-utils fonts-noto-cjk';

function run(command: string, args: string[]): string {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`无法运行 ${command}（${(r.error as NodeJS.ErrnoException).code ?? r.error.message}）：请先 ${INSTALL_HINT}`);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} 失败（退出码 ${r.status}）：${r.stderr.trim()}`);
  return r.stdout;
}

/**
 * Converts XLSX files to PDF in `outDir` with `soffice --headless`, in a throwaway LibreOffice profile
 * (parallel runs would otherwise share, and lock, the user's). Returns the PDF paths.
 */
export function toPdf(files: readonly string[], outDir: string): string[] {
  const profile = mkdtempSync(join(tmpdir(), 'sanlianxi-lo-'));
  try {
    run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, ...files]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => join(outDir, basename(f).replace(/\.xlsx$/i, '.pdf')));
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

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');

/** The words of every page with their boxes, from `pdftotext -bbox-layout`. */
export function pageWords(pdf: string): Word[][] {
  const html = run('pdftotext', ['-bbox-layout', pdf, '-']);
  return html.split(/<page /).slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: unescape(m[5]!),
    })),
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

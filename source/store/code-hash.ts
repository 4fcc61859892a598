// The hash of the code that makes derived files (README: derived files): no version number for anyone
// to remember to bump. The build writes it into the bundles; from the sources it is taken once per process.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256 } from '../files/file-identity.js';

declare const __SANLIANXI_CODE_HASH__: string | undefined;

/** The modules that compute derived files' contents, as this folder imports them. */
const DERIVING = ['../domain/overdue-digest.js', './digest-file.js', './roster-index.js'];

/** `./x.js` as imported from `dir`: the source beside it (.ts, .tsx), else the module itself (tsc's tree). */
function moduleFile(dir: string, specifier: string): string | null {
  const base = join(dir, specifier).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, `${base}.js`].find((f) => existsSync(f)) ?? null;
}

/** The hash of the deriving modules and every module of the program they import (static, dynamic and type-only alike), found from `storeDir`. */
export async function codeHashOf(storeDir: string): Promise<string> {
  const texts = new Map<string, Buffer>();
  const visit = async (file: string | null): Promise<void> => {
    if (file === null || texts.has(file)) return;
    const text = await readFile(file);
    texts.set(file, text);
    for (const [, specifier] of text.toString('utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.\.?\/[^']+)'/g))
      await visit(moduleFile(dirname(file), specifier!));
  };
  for (const entry of DERIVING) await visit(moduleFile(storeDir, entry));
  const names = [...texts.keys()].sort();
  return sha256(names.map((f) => `${relative(storeDir, f)}\n${sha256(texts.get(f)!)}\n`).join(''));
}

let taken: Promise<string> | undefined;

/** The hash of the code this program makes derived files with. */
export function codeHash(): Promise<string> {
  if (typeof __SANLIANXI_CODE_HASH__ === 'string') return Promise.resolve(__SANLIANXI_CODE_HASH__);
  taken ??= codeHashOf(dirname(fileURLToPath(import.meta.url)));
  return taken;
}

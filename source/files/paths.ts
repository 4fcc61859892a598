import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The install's root: two levels above this file, from source/files or dist/files alike. */
export const INSTALL_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_DATA_FILE = resolve(INSTALL_ROOT, 'data', 'sanlianxi.json');

/** `--data FILE`, else $SANLIANXI_DATA, else data/sanlianxi.json of the install. */
export function resolveDataFile(flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag && flag.trim() !== '') return resolve(flag);
  const fromEnv = env['SANLIANXI_DATA'];
  if (fromEnv && fromEnv.trim() !== '') return resolve(fromEnv);
  return DEFAULT_DATA_FILE;
}

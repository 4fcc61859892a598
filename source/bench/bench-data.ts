// The benchmark's datastore on disk: generated once, written and read only through DatastoreFile (so
// a change of the storage layout carries over), with a small sidecar naming the generator version.
import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { buildIndexes } from '../domain/indexes.js';
import { datastoreProblems } from '../domain/invariants.js';
import { SCHEMA_VERSION, datastoreSchema, type Datastore } from '../domain/schema.js';
import { DatastoreFile } from '../store/datastore-file.js';
import { GENERATOR_VERSION, buildBenchData, countsOf, type GeneratedCounts, type Scale } from './generate.js';

export function defaultBenchFile(scale: string): string {
  return resolve('data', 'bench', `${scale}.json`);
}

/** The sidecar beside the datastore: which generator and scale wrote it. */
export interface BenchMeta {
  generatorVersion: number;
  /** The datastore's schema version when written: a new storage layout means writing it again. */
  schemaVersion: number;
  scale: string;
  seed: number;
  counts: GeneratedCounts;
}

const metaFile = (file: string) => `${file}.bench-meta.json`;

export async function readMeta(file: string): Promise<BenchMeta | null> {
  try {
    return JSON.parse(await readFile(metaFile(file), 'utf8')) as BenchMeta;
  } catch {
    return null;
  }
}

/** Is `file` a datastore written by this generator version at this scale? */
export async function isCurrent(file: string, scale: Scale): Promise<boolean> {
  const meta = await readMeta(file);
  return meta !== null && meta.generatorVersion === GENERATOR_VERSION && meta.schemaVersion === SCHEMA_VERSION && meta.scale === scale.name && meta.seed === scale.seed && (await new DatastoreFile(file).exists());
}

/**
 * The files a datastore consists of: DatastoreFile's own list when it has one (the storage layout
 * may split the datastore), else the single file.
 */
export async function datastoreFiles(file: string): Promise<string[]> {
  const store = new DatastoreFile(file) as unknown as Record<string, unknown>;
  for (const method of ['files', 'listFiles']) {
    const fn = store[method];
    if (typeof fn === 'function') {
      const listed = (await (fn as () => unknown).call(store)) as unknown;
      if (Array.isArray(listed) && listed.every((f) => typeof f === 'string')) return listed.filter((f) => existsSync(f));
    }
  }
  return [file];
}

/** Removes a generated datastore: its files and whatever beside it carries its name (journal, lock, sidecar). */
export async function removeDatastore(file: string): Promise<void> {
  for (const f of await datastoreFiles(file)) await rm(f, { force: true, recursive: true });
  // The layout's other paths (contact months, backups, journal), whatever they are called.
  const layout = (new DatastoreFile(file) as unknown as { layout?: Record<string, unknown> }).layout ?? {};
  for (const p of Object.values(layout)) if (typeof p === 'string' && p !== dirname(file)) await rm(p, { force: true, recursive: true });
  const dir = dirname(file);
  if (!existsSync(dir)) return;
  const stem = basename(file).replace(/\.json$/, '');
  for (const entry of await readdir(dir)) if (entry.startsWith(`${stem}.`)) await rm(join(dir, entry), { force: true, recursive: true });
}

export interface Generated {
  data: Datastore;
  counts: GeneratedCounts;
  buildMs: number;
  checkMs: number;
  writeMs: number;
}

/** Builds the school, checks it against the schema and every invariant, and writes it through DatastoreFile. */
export async function generateTo(file: string, scale: Scale): Promise<Generated> {
  let t = performance.now();
  const data = buildBenchData(scale);
  const buildMs = performance.now() - t;
  t = performance.now();
  const parsed = datastoreSchema.safeParse(data);
  if (!parsed.success) throw new Error(`generated data fails the schema: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const problems = datastoreProblems(data, buildIndexes(data));
  if (problems.length > 0) throw new Error(`generated data breaks ${problems.length} invariants, e.g. ${problems.slice(0, 3).join(' | ')}`);
  const checkMs = performance.now() - t;
  t = performance.now();
  await removeDatastore(file);
  await new DatastoreFile(file).create(data);
  const counts = countsOf(data);
  const meta: BenchMeta = { generatorVersion: GENERATOR_VERSION, schemaVersion: SCHEMA_VERSION, scale: scale.name, seed: scale.seed, counts };
  await writeFile(metaFile(file), `${JSON.stringify(meta, null, 2)}\n`);
  const writeMs = performance.now() - t;
  return { data, counts, buildMs, checkMs, writeMs };
}

// The benchmark's datastore on disk: generated once, written and read only through DatastoreFile (so
// a change of the storage layout carries over), with a small sidecar naming the generator version.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildIndexes } from '../domain/indexes.js';
import { datastoreProblems } from '../domain/invariants.js';
import { datastoreSchema, type Datastore } from '../domain/schema.js';
import { SCHEMA_VERSION } from '../domain/vocabulary.js';
import { DatastoreFile } from '../store/datastore-file.js';
import { GENERATOR_VERSION, buildBenchData, countsOf, type GeneratedCounts, type Scale } from './generate.js';

/** data/bench/school.json for five years of history (today's school), school-10y.json for ten. */
export function defaultBenchFile(scale: Scale): string {
  return resolve('data', 'bench', `${scale.name}${scale.years === 5 ? '' : `-${scale.years}y`}.json`);
}

/** The sidecar beside the datastore: which generator and scale wrote it. */
export interface BenchMeta {
  generatorVersion: number;
  /** The datastore's schema version when written: a new storage layout means writing it again. */
  schemaVersion: number;
  scale: string;
  years: number;
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
  return (
    meta !== null &&
    meta.generatorVersion === GENERATOR_VERSION &&
    meta.schemaVersion === SCHEMA_VERSION &&
    meta.scale === scale.name &&
    meta.years === scale.years &&
    meta.seed === scale.seed &&
    (await new DatastoreFile(file).exists())
  );
}

/** The files a datastore consists of (the main file and its month files), for the JSON.parse baseline. */
export async function datastoreFiles(file: string): Promise<string[]> {
  return existsSync(file) ? new DatastoreFile(file).files() : [];
}

/** Removes a generated datastore: the main file, its month files, backups, journal, digest and the bench's note. */
export async function removeDatastore(file: string): Promise<void> {
  const { main, partsDir, backupsDir, journal, seal, digest } = new DatastoreFile(file).layout;
  for (const p of [main, partsDir, backupsDir, journal, seal, digest, metaFile(file)])
    await rm(p, { force: true, recursive: true });
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
  if (!parsed.success)
    throw new Error(
      `generated data fails the schema: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  const problems = datastoreProblems(data, buildIndexes(data));
  if (problems.length > 0)
    throw new Error(`generated data breaks ${problems.length} invariants, e.g. ${problems.slice(0, 3).join(' | ')}`);
  const checkMs = performance.now() - t;
  t = performance.now();
  await removeDatastore(file);
  await new DatastoreFile(file).create(data);
  const counts = countsOf(data);
  const meta: BenchMeta = {
    generatorVersion: GENERATOR_VERSION,
    schemaVersion: SCHEMA_VERSION,
    scale: scale.name,
    years: scale.years,
    seed: scale.seed,
    counts,
  };
  await writeFile(metaFile(file), `${JSON.stringify(meta, null, 2)}\n`);
  const writeMs = performance.now() - t;
  return { data, counts, buildMs, checkMs, writeMs };
}

// npm run gen -- --scale school|small [--years N] [--out FILE] [--force]: writes the benchmark's deterministic datastore.
import { relative } from 'node:path';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DatastoreFile } from '../store/datastore-file.js';
import { defaultBenchFile, generateTo } from './bench-data.js';
import { SCALES, withYears } from './generate.js';

const args = await yargs(hideBin(process.argv))
  .scriptName('npm run gen --')
  .option('scale', { choices: Object.keys(SCALES), default: 'school', describe: 'size of the generated school' })
  .option('years', {
    type: 'number',
    default: 5,
    describe: 'academic years of history (5: today; 10: about twice as much)',
  })
  .option('out', {
    type: 'string',
    describe: 'datastore file (default data/bench/<scale>.json, <scale>-<N>y.json for other years)',
  })
  .option('force', { type: 'boolean', default: false, describe: 'replace an existing datastore at --out' })
  .strict()
  .help()
  .parseAsync();

const scale = withYears(SCALES[args.scale]!, args.years);
const file = args.out ?? defaultBenchFile(scale);
if (args.out !== undefined && !args.force && (await new DatastoreFile(file).exists())) {
  console.error(`${file} exists: pass --force to replace it`);
  process.exit(1);
}
const started = performance.now();
const g = await generateTo(file, scale);
const c = g.counts;
console.log(
  `generated ${relative(process.cwd(), file) || file} (scale ${scale.name}, ${scale.years} years, seed ${scale.seed}): ` +
    `${c.colleges} colleges, ${c.cadres} cadres, ${c.classes} classes, ${c.dorms} dorms, ${c.students} students, ` +
    `${c.terms} terms, ${c.assignments} assignments, ${c.contacts} contacts`,
);
console.log(
  `in ${((performance.now() - started) / 1000).toFixed(1)} s ` +
    `(build ${(g.buildMs / 1000).toFixed(1)} s, schema + invariant check ${(g.checkMs / 1000).toFixed(1)} s, write ${(g.writeMs / 1000).toFixed(1)} s)`,
);

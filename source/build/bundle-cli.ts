// `npm run build`, second step: the program as bundles, instead of the ~240 modules tsc emits and Node
// would find, read and compile one by one at every start. Three of them, in dist/cli:
//   main.js     the program's path (package.json bin): tells from the line alone which of the two
//               below runs it, and loads that one only (source/cli/main.ts says why never both);
//   fast.js     a plain overdue or log line, the lines run many times a day: one file, everything it
//               may need inside it, so such a line reads and links one module, not ~30 chunks;
//   program.js  every line (the terminal UI, all commands, help): code reached only through `import()`
//               (the screens, exceljs, the import) is in chunks in dist/chunks, read when first used.
// Each check below fails the build if a bundle could load a file of another, which would give one
// process two copies of a module. tsc's tree stays beside them for the bench's probe.
//
// `bundleProgram(outdir)` is also called by test/cli/bundle.test.ts, which runs the bundles.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { codeHashOf } from '../store/code-hash.js';

const ROOT = resolve(import.meta.dirname, '..', '..');

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  absWorkingDir: ROOT,
  // React and ink in production mode (without it React's development build, twice the code, is loaded).
  // fetch: yoga's (ink's layout) loader asks `typeof fetch` before decoding its inline WebAssembly, and
  // on Node 20 that question alone loads Node's whole fetch implementation. The program's one request
  // (io/robot-send.ts) calls globalThis.fetch, which this leaves alone.
  define: { 'process.env.NODE_ENV': '"production"', fetch: 'undefined' },
  // The CommonJS packages in a bundle (exceljs, proper-lockfile, …) call require() for Node's modules.
  banner: {
    js: "import { createRequire as __sanlianxiRequire } from 'node:module'; const require = __sanlianxiRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
} satisfies BuildOptions;

/** Builds main.js, fast.js and program.js (with its chunks) into `outdir`/cli and `outdir`/chunks. */
export async function bundleProgram(outdir: string): Promise<void> {
  // Chunks are named by their content's hash: an earlier build's would stay behind.
  rmSync(resolve(ROOT, outdir, 'chunks'), { recursive: true, force: true });
  // The hash of the code derived files are made by, taken from the sources (store/code-hash.ts).
  const define = {
    ...common.define,
    __SANLIANXI_CODE_HASH__: JSON.stringify(await codeHashOf(resolve(ROOT, 'source', 'store'))),
  };
  const program = await build({
    ...common,
    define,
    entryPoints: { 'cli/program': 'source/cli/program.ts' },
    outdir,
    // Two levels below the install's root, as dist/files/paths.js is (store/paths.ts finds data/ from there).
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    // yargs finds its translations (zh_CN) beside its own files; it loads only when a command line needs
    // its general parser, so it is left in node_modules. react-devtools-core: ink imports it only with
    // DEV=true, and it is not installed.
    external: ['yargs', 'yargs/*', 'react-devtools-core'],
  });
  const chunks = resolve(ROOT, outdir, 'chunks');
  loadsOnly(program.metafile, (path) => path.startsWith(`${chunks}/`) || isPackage(path));
  const fast = await build({
    ...common,
    define,
    entryPoints: { 'cli/fast': 'source/cli/fast.ts' },
    outdir,
    // A package the line may never need (string-width for overdue's table, pinyin-pro) is read from
    // node_modules if it does; the program's own modules are all inside.
    plugins: [external((args) => args.kind === 'dynamic-import' && isPackage(args.path))],
  });
  loadsOnly(fast.metafile, isPackage);
  const main = await build({
    ...common,
    // Only node:util's parseArgs and the two lines' declarations: no require() to set up.
    banner: {},
    entryPoints: { 'cli/main': 'source/cli/main.ts' },
    outdir,
    plugins: [external((args) => args.path === './fast.js' || args.path === './program.js')],
  });
  loadsOnly(main.metafile, (path) => path === './fast.js' || path === './program.js' || path.startsWith('node:'));
}

/** Leaves the imports `test` picks as imports in the bundle, to be loaded when the code runs. */
function external(test: (args: { path: string; kind: string }) => boolean): Plugin {
  return {
    name: 'external',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => (test(args) ? { path: args.path, external: true } : undefined));
    },
  };
}

/** A package from node_modules or Node's own, not a file of the program. */
function isPackage(path: string): boolean {
  return !path.startsWith('.') && !path.startsWith('/');
}

/** Fails the build when a bundle imports anything but what `allowed` accepts: a package or a path as written, a chunk by its absolute path. */
function loadsOnly(metafile: Metafile, allowed: (path: string) => boolean): void {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    for (const { path, external } of output.imports) {
      if (!allowed(external === true ? path : resolve(ROOT, path))) throw new Error(`${file} would load ${path}`);
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await bundleProgram('dist');

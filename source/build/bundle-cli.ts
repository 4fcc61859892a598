// `npm run build`, second step: the program (dist/cli/main.js) as one bundle, instead of the ~240
// modules tsc emits and Node would find, read and compile one by one at every start. Code reached only
// through `import()` (the terminal UI, exceljs, the import) becomes chunks in dist/chunks, read when
// first used. tsc's tree stays beside it for the bench's probe.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunks are named by their content's hash: an earlier build's would stay behind.
rmSync('dist/chunks', { recursive: true, force: true });

await build({
  entryPoints: { 'cli/main': 'source/cli/main.ts' },
  outdir: 'dist',
  // Two levels below the install's root, as dist/store/paths.js is (store/paths.ts finds data/ from there).
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // yargs finds its translations (zh_CN) beside its own files; it loads only when a command line needs
  // its general parser (cli/fast-path.ts), so it is left in node_modules. react-devtools-core: ink
  // imports it only with DEV=true, and it is not installed.
  external: ['yargs', 'yargs/*', 'react-devtools-core'],
  // React and ink in production mode (without it React's development build, twice the code, is loaded).
  // fetch: yoga's (ink's layout) loader asks `typeof fetch` before decoding its inline WebAssembly, and
  // on Node 20 that question alone loads Node's whole fetch implementation; the program fetches nothing.
  // __filename: write-file-atomic names its temporary files with it.
  define: { 'process.env.NODE_ENV': '"production"', fetch: 'undefined', __filename: 'import.meta.filename' },
  // The CommonJS packages in the bundle (exceljs, proper-lockfile, …) call require() for Node's modules.
  banner: { js: "import { createRequire as __sanlianxiRequire } from 'node:module'; const require = __sanlianxiRequire(import.meta.url);" },
  logLevel: 'warning',
});

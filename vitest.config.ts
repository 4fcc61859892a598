import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The fault-injection suite runs on its own: npm run faults (vitest.faults.config.ts).
    exclude: ['test/faults/**', 'node_modules/**'],
    // A test fails when React warns of an update loop (it only logs it).
    setupFiles: ['test/helpers/no-update-loops.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { TZ: 'Asia/Shanghai', NO_COLOR: '1' },
    // Four workers on two cores: most of a terminal UI test is waiting for renders, and the other workers
    // use the cores meanwhile. The modules (exceljs, ink, zod) load once per worker instead of once per
    // file: every test builds its own datastore in its own temp directory.
    maxWorkers: 4,
    isolate: false,
  },
});

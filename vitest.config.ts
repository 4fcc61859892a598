import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    // The fault-injection suite runs on its own: npm run faults (vitest.faults.config.ts).
    exclude: ['test/faults/**', 'node_modules/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { TZ: 'Asia/Shanghai', NO_COLOR: '1' },
  },
});

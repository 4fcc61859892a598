// `npm run faults`: issue 13's fault-injection suite (real read-only mounts and full disks need root, as CI runs).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    env: { TZ: 'Asia/Shanghai', NO_COLOR: '1' },
  },
});

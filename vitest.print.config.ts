// `npm run test:print`: the print test alone (LibreOffice is slow; `npm test` stays fast without it).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.print.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    env: { TZ: 'Asia/Shanghai', NO_COLOR: '1' },
  },
});

// `npm run test:ssh`: commands and the terminal UI over a real sshd (test/ssh); needs the built program
// (npm run build), openssh-server and tmux. Not in `npm test`: it starts a server and many ssh sessions.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.ssh.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    env: { TZ: 'Asia/Shanghai', NO_COLOR: '1' },
  },
});

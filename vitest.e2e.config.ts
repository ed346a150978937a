import { defineConfig } from 'vitest/config';

/** Browser tests: the real server in-process, Debian's Chromium through playwright-core. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/e2e/build-web.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // expect.poll waits for a page to settle; 1 s (the default) is short for a loaded CI machine
    expect: { poll: { timeout: 10_000 } },
  },
});

import { defineConfig } from 'vitest/config';

// Tests against a real OBS (tests/obs/harness.ts starts one per file). One file at a time:
// each OBS takes most of a core while it renders, and CI machines have two.
export default defineConfig({
  test: {
    name: 'obs',
    environment: 'node',
    include: ['tests/obs/**/*.test.ts'],
    // Forks, not threads: the harness's exit hooks and setpriv's parent-death signal need the
    // test file to be its own process.
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    reporters: process.env.CI_REPORTS ? ['default', 'json'] : ['default'],
    outputFile: { json: 'reports/vitest-obs.json' },
  },
});

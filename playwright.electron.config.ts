import { defineConfig } from '@playwright/test';

// The Electron shell's own behaviour (kiosk window, PIN prompt, session guards) with Playwright's
// `_electron`. Each test skips, with the reason in the report, where the Electron binary is not
// installed (an offline install) or there is no display to open a window on.
export default defineConfig({
  testDir: 'tests/electron',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI_REPORTS
    ? [['list'], ['json', { outputFile: 'reports/playwright-electron.json' }]]
    : [['list']],
});

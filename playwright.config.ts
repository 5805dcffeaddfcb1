import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser: Playwright's own download cannot work offline.
// The flags keep Chromium from reaching out to Google's services at start.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.CI_REPORTS
    ? [['list'], ['json', { outputFile: 'reports/playwright-e2e.json' }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunch,
    viewport: { width: 1920, height: 1080 },
  },
});

import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunch } from '../playwright.config';

/**
 * Debian's Chromium as the tests use it, plus what the measures need: `gc()` in the page, and
 * `performance.memory` without the coarse rounding Chromium applies by default.
 */
export function launchBenchBrowser(extraJsFlags: readonly string[] = []): Promise<Browser> {
  const jsFlags = ['--expose-gc', ...extraJsFlags].join(',');
  return chromium.launch({
    ...chromiumLaunch,
    args: [...chromiumLaunch.args, `--js-flags=${jsFlags}`, '--enable-precise-memory-info'],
  });
}

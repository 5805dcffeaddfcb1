import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunch } from '../playwright.config';

/**
 * V8 flags that leave only the bytecode interpreter: no Sparkplug, Maglev or TurboFan code.
 * Used for one diagnostic run, to tell the heap the page itself keeps from the machine code V8
 * adds as functions get hot.
 */
export const NO_OPTIMISING_COMPILERS = ['--no-sparkplug', '--no-maglev', '--no-opt'];

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

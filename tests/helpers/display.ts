import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './serve';

const here = dirname(fileURLToPath(import.meta.url));
export const probesPath = resolve(here, 'page-probes.js');

/** `url` with extra query parameters (`lang`, …), keeping its token. */
export function withQuery(url: string, params: Record<string, string>): string {
  const result = new URL(url);
  for (const [key, value] of Object.entries(params)) result.searchParams.set(key, value);
  return result.toString();
}

const probed = new WeakSet<Page>();

/** Opens a display-like view with the page probes installed (see page-probes.js). */
export async function openView(page: Page, url: string): Promise<void> {
  if (!probed.has(page)) {
    await page.addInitScript({ path: probesPath });
    probed.add(page);
  }
  await page.goto(url);
}

/**
 * Waits until `itemId` is the slide on screen, fully: the fade over, fonts and images
 * loaded, and two more frames for the auto-fit to settle after any late font.
 */
export async function waitForSlide(page: Page, itemId: string, timeout = 10_000): Promise<void> {
  // Polled from here: the page's CSP (rightly) forbids the eval that waitForFunction needs.
  await expect
    .poll(() => page.evaluate<boolean>(`window.__probe.settled(${JSON.stringify(itemId)})`), {
      timeout,
      intervals: [50],
      message: `slide ${itemId} on screen`,
    })
    .toBe(true);
  await settle(page);
}

/** Two painted frames: long enough for ResizeObserver and font events to re-fit text. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready.then(() => window.__probe.frames(2))');
}

/** Every element with text that overflows its box or the screen (empty when all is well). */
export function overflowProblems(page: Page, selector = '.display'): Promise<string[]> {
  return page.evaluate<string[]>(`window.__probe.overflow(${JSON.stringify(selector)})`);
}

/**
 * Where a screenshot goes: into docs/screenshots/ when UPDATE_SCREENSHOTS=1 (to commit them),
 * otherwise under test-results/, so an ordinary test run never changes the tree.
 */
export function screenshotPath(name: string): string {
  const dir =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? resolve(repoRoot, 'docs/screenshots')
      : resolve(repoRoot, 'test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, name);
}

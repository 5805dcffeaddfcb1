import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { startCore } from '../../core/start';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Fonts, the snapshot and images: a few seconds on a slow machine; a minute means it is stuck. */
const READY_TIMEOUT_MS = 60_000;

export interface PrintJob {
  contentDir: string;
  rendererDir: string;
  itemId: string;
  format: string;
  languages: string[];
  eventId: string | undefined;
  out: string;
  chromium: string;
}

export type PrintOutcome =
  { ok: true; sensitive: boolean } | { ok: false; key: string; params: Record<string, string> };

/** The print page's address for a job, with the operator's token. */
export function printPageUrl(base: string, token: string, job: PrintJob): string {
  const query = new URLSearchParams({ token, item: job.itemId, format: job.format });
  for (const language of job.languages) query.append('lang', language);
  if (job.eventId) query.set('event', job.eventId);
  return `${base}/print?${query.toString()}`;
}

/**
 * Starts the core on 127.0.0.1 (a free port, no saved state, no OBS, a one-off operator
 * token), opens the print page in headless Chromium, waits for the page to say it is ready,
 * writes the PDF at the page's own `@page` size, and stops both.
 */
export async function renderPrintPdf(job: PrintJob): Promise<PrintOutcome> {
  if (!existsSync(job.chromium)) {
    return { ok: false, key: 'print.noChromium', params: { path: job.chromium } };
  }
  const token = randomBytes(24).toString('base64url');
  const core = await startCore({
    contentDir: job.contentDir,
    port: 0,
    host: '127.0.0.1',
    rendererDir: job.rendererDir,
    dataDir: null,
    tokens: { operator: token },
    obs: false,
    watch: false,
    log: () => undefined,
  });
  try {
    const item = core.store.snapshot().items.find((candidate) => candidate.id === job.itemId);
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: job.chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.goto(printPageUrl(core.server.url, token, job));
      // A selector, not a script: the page's CSP forbids eval, and this side has no DOM types.
      await page
        .locator('html[data-print-ready], html[data-print-problem]')
        .waitFor({ state: 'attached', timeout: READY_TIMEOUT_MS });
      const problem = await page.locator('html').getAttribute('data-print-problem');
      if (problem) return { ok: false, key: 'print.pageProblem', params: { problem } };
      await writeFile(job.out, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      return { ok: true, sensitive: item?.sensitive ?? false };
    } finally {
      await browser.close();
    }
  } finally {
    await core.stop();
  }
}

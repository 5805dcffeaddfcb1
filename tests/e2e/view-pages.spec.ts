import { expect, test } from '@playwright/test';
import { serve, type Served, type ViewName } from '../helpers/serve';

// Each view's page names its own code (server/view-preloads.ts), so the browser asks for it
// with the entry instead of a round later. Read from the real build: its stylesheets must be
// the view's own, in the order of the source imports, and nothing it runs may be missing.

let server: Served;

test.beforeAll(async () => {
  server = await serve();
});

test.afterAll(async () => {
  await server?.stop();
});

/** The asset file names a page links as `rel`, in order, without their content hashes. */
function linked(html: string, rel: 'stylesheet' | 'modulepreload'): string[] {
  return [...html.matchAll(/<link\b[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(`rel="${rel}"`))
    .map((tag) => /href="\/assets\/([^"]+)"/.exec(tag)?.[1] ?? '')
    .map((file) => file.replace(/-[\w-]{8}\.(css|js)$/, '.$1'));
}

const STYLESHEETS: Record<ViewName, string[]> = {
  // The slides' styles before the display's, which override some of them.
  display: ['index.css', 'styles.css', 'DisplayView.css'],
  kiosk: ['index.css', 'styles.css', 'DisplayView.css'],
  operator: ['index.css', 'styles.css', 'OperatorView.css'],
  // No slide rules on an overlay: its .qr and .fit are its own, on air in OBS.
  overlay: ['index.css', 'OverlayView.css'],
  stage: ['index.css', 'StageView.css'],
};

for (const [view, stylesheets] of Object.entries(STYLESHEETS) as [ViewName, string[]][]) {
  test(`the ${view} page names its view's code and only its own stylesheets, in order`, async ({
    request,
  }) => {
    const html = await (await request.get(server.urls[view])).text();
    expect(linked(html, 'stylesheet')).toEqual(stylesheets);
    const viewChunk = stylesheets.at(-1)!.replace('.css', '.js');
    expect(linked(html, 'modulepreload')).toContain(viewChunk);
  });
}

test('the display asks for no script its page did not name', async ({ page, request }) => {
  const url = server.urls.display;
  const html = await (await request.get(url)).text();
  const named = new Set(
    [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!),
  );
  const asked: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/assets/') && path.endsWith('.js')) asked.push(path);
  });
  await page.goto(url);
  await expect(page.locator('.slide').first()).toBeVisible();
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.filter((path) => !named.has(path))).toEqual([]);
});

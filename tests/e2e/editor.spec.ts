import { expect, test, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshotPath } from '../helpers/display';
import { RECORD_SHOW, lastShow } from '../helpers/operator-views';
import { builtInPack, serve, type Served } from '../helpers/serve';

/*
 * The console's Content tab against `serve` and its real content API, on a copy of the
 * built-in pack (saves write files). What is saved reaches the display by the pack's own
 * reload; the show keeps running from its keys meanwhile.
 */

let server: Served;
let pack: string;

test.beforeEach(async () => {
  pack = mkdtempSync(join(tmpdir(), 'ss-e2e-editor-'));
  cpSync(builtInPack, pack, { recursive: true });
  server = await serve({ content: pack });
});

test.afterEach(async () => {
  await server?.stop();
  rmSync(pack, { recursive: true, force: true });
});

async function openEditor(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(RECORD_SHOW);
  await page.goto(server.urls.operator);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByTestId('tab-content').click();
  await expect(page.getByTestId('item-list')).toBeVisible();
}

test('lists the pack by kind, searches it, and opens an item with its preview', async ({
  page,
}) => {
  await openEditor(page);
  const list = page.getByTestId('item-list');
  await expect(list.getByRole('heading', { name: 'Cases' })).toBeVisible();
  await expect(page.getByTestId('open-boris-kagarlitsky')).toBeVisible();
  await page.getByTestId('item-search').fill('мифтахов');
  await expect(page.getByTestId('open-azat-miftakhov')).toBeVisible();
  await expect(page.getByTestId('open-boris-kagarlitsky')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('editor-list.png') });

  await page.getByTestId('item-search').fill('');
  await page.getByTestId('open-boris-kagarlitsky').click();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', 'boris-kagarlitsky');
  // The real slide, in a frame of the screen's own size.
  const frame = page.frameLocator('[data-testid="preview-frame"] iframe');
  await expect(frame.locator('.slide-frame[data-item-id="boris-kagarlitsky"]')).toBeVisible();
  await expect(page.locator('[data-testid="fit-ok"], [data-testid="fit-warnings"]')).toBeVisible();
  await page.getByTestId('shape-portrait').click();
  await expect(page.getByTestId('preview-frame')).toHaveClass(/is-portrait/);
  await page.screenshot({ path: screenshotPath('editor-item.png') });
});

test('a save writes the file, and typing never runs the show', async ({ page }) => {
  await openEditor(page);
  await page.getByTestId('open-boris-kagarlitsky').click();
  await expect(page.getByTestId('item-page')).toBeVisible();
  type Show = { blackout: boolean; safeMode: boolean; position: number; paused: boolean };
  // Nothing moves on by itself while we look.
  await page.getByTestId('tab-show').click();
  await page.getByTestId('pause').click();
  await expect.poll(async () => (await lastShow<Show>(page))?.paused).toBe(true);
  await page.getByTestId('tab-content').click();
  const before = (await lastShow<Show>(page))!;
  // The first text the form draws (the name, in English): type letters that are the show's
  // keys elsewhere.
  const field = page
    .locator('[data-testid="item-page"] :is(input[type="text"], input:not([type]), textarea)')
    .first();
  await expect(field).toHaveValue('Boris Kagarlitsky');
  await field.click();
  await field.press('End');
  await field.pressSequentially(' bs');
  await page.keyboard.press('ArrowRight');
  // The core answers a command within a round trip: give one the time to arrive.
  await page.waitForTimeout(500);
  const after = (await lastShow<Show>(page))!;
  expect(after.blackout).toBe(before.blackout);
  expect(after.safeMode).toBe(before.safeMode);
  expect(after.position).toBe(before.position);

  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  expect(readFileSync(join(pack, 'cases/boris-kagarlitsky.yaml'), 'utf8')).toContain(' bs');

  // The Show tab still has its keys.
  await page.getByTestId('tab-show').click();
  await page.locator('body').press('b');
  await expect.poll(async () => (await lastShow<Show>(page))?.blackout).toBe(true);
});

test('forget: the delete panel lists what goes, asks, and the files leave the disk', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByTestId('open-placeholder-raised-fist').click();
  await page.getByTestId('delete').click();
  await page.getByTestId('start-forget').click();
  const list = page.getByTestId('forget-list');
  await expect(list).toContainText('.history/placeholder-raised-fist/');
  await expect(list).toContainText('media/drawings/raised-fist.svg');
  await page.screenshot({ path: screenshotPath('editor-forget.png') });
  await page.getByTestId('confirm-forget').click();
  // Playlists still show it: they are named, and the second press takes it out of them.
  await expect(page.getByTestId('used-by')).toBeVisible();
  await page.getByTestId('confirm-forget').click();
  await expect(page.getByTestId('item-page')).toHaveCount(0);
  expect(existsSync(join(pack, 'drawings/placeholder-raised-fist.yaml'))).toBe(false);
  expect(existsSync(join(pack, 'media/drawings/raised-fist.svg'))).toBe(false);
  expect(existsSync(join(pack, 'media/drawings/sailing-ship.svg'))).toBe(true);
});

test('a drawing takes an image already in the pack: no upload, the file names it, the screens show it', async ({
  page,
}) => {
  await openEditor(page);
  await page.getByTestId('open-placeholder-raised-fist').click();
  await expect(page.getByTestId('item-page')).toBeVisible();
  await page.getByRole('button', { name: 'Use an image already in the pack…' }).click();
  const choice = page.getByLabel('An image already in the pack');
  await expect(choice).toBeVisible();
  // The drawings folder first, each file with the items that use it.
  await expect(choice.locator('optgroup').first()).toHaveAttribute('label', 'media/drawings/');
  await expect(choice.locator('option', { hasText: 'sailing-ship.svg' })).toHaveText(
    'sailing-ship.svg (in placeholder-sailing-ship)',
  );
  await page.screenshot({ path: screenshotPath('editor-reuse-image.png') });
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/v1/media')) uploads.push(r.url());
  });
  await choice.selectOption('media/drawings/sailing-ship.svg');
  await expect(page.getByText('In the pack as media/drawings/sailing-ship.svg')).toBeVisible();
  // The preview already shows it, before the save.
  const frame = page.frameLocator('[data-testid="preview-frame"] iframe');
  await expect(frame.locator('.slide-frame img[src*="sailing-ship.svg"]').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('editor-reused-image.png') });
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  const saved = readFileSync(join(pack, 'drawings/placeholder-raised-fist.yaml'), 'utf8');
  expect(saved).toContain('image: media/drawings/sailing-ship.svg');
  expect(uploads).toEqual([]);
  // Both files are still there: nothing was copied or moved.
  expect(existsSync(join(pack, 'media/drawings/raised-fist.svg'))).toBe(true);
  expect(existsSync(join(pack, 'media/drawings/sailing-ship.svg'))).toBe(true);
});

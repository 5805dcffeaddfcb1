import { expect, test, type Page } from '@playwright/test';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshotPath } from '../helpers/display';
import { servePaused, type PausedShow } from '../helpers/pack-copy';
import { builtInPack } from '../helpers/serve';

/*
 * Issue 15 §1 from the console: an event pack exported through one show's Content tab and
 * imported through another's, and that show's display picking the new content up by itself.
 */

const IMPORTED = /Boris Y\. Kagarlitsky|Борис Ю\. Кагарлицкий/;

let root: string;
let from: PausedShow | undefined;
let to: PausedShow | undefined;

/** A copy of the built-in pack, in a folder of its own inside `root`. */
function packCopy(name: string): string {
  const dir = join(root, name);
  cpSync(builtInPack, dir, { recursive: true });
  return dir;
}

async function openPackPanel(page: Page, operatorUrl: string): Promise<void> {
  await page.goto(operatorUrl);
  await expect(page.getByTestId('connection')).toBeVisible();
  await page.getByTestId('tab-content').click();
  await expect(page.getByTestId('item-list')).toBeVisible();
  await page.getByTestId('open-event-pack').click();
  await expect(page.getByTestId('event-pack')).toBeVisible();
}

test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ss-e2e-pack-'));
});

test.afterEach(async () => {
  await from?.stop();
  await to?.stop();
  from = to = undefined;
  rmSync(root, { recursive: true, force: true });
});

test('export from one show, import into another through the console, the display follows', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const source = packCopy('source');
  const boris = join(source, 'cases', 'boris-kagarlitsky.yaml');
  writeFileSync(
    boris,
    readFileSync(boris, 'utf8')
      .replace('en: Boris Kagarlitsky', 'en: Boris Y. Kagarlitsky')
      .replace('ru: Борис Кагарлицкий', 'ru: Борис Ю. Кагарлицкий')
      .replace('fr: Boris Kagarlitsky', 'fr: Boris Y. Kagarlitsky'),
  );
  const target = packCopy('target');
  from = await servePaused(source);
  to = await servePaused(target);
  await page.setViewportSize({ width: 1280, height: 720 });

  // Export the merch table's playlist from the first show.
  await openPackPanel(page, from.server.urls.operator);
  await page.getByTestId('pack-list-merch-table').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId('pack-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-\d{4}-\d{2}-\d{2}\.zip$/);
  const zip = join(root, download.suggestedFilename());
  await download.saveAs(zip);
  await expect(page.getByTestId('pack-export-sizes')).toContainText('Cases');
  await page.screenshot({ path: screenshotPath('event-pack-export.png') });

  // The second show's display shows its own Boris first.
  const display = await page.context().newPage();
  await display.setViewportSize({ width: 1280, height: 720 });
  await display.goto(to.server.urls.display);
  await expect(display.locator('.slide-frame[data-item-id="boris-kagarlitsky"]')).toBeVisible();
  await expect(display.locator('body')).not.toContainText(IMPORTED);

  // Import it into the second show: the check first, then the replacement on confirm.
  await openPackPanel(page, to.server.urls.operator);
  await page.getByTestId('pack-import-file').setInputFiles(zip);
  await expect(page.getByTestId('pack-import-summary')).toBeVisible();
  await expect(page.getByTestId('pack-import-items')).toContainText('Cases');
  await page.screenshot({ path: screenshotPath('event-pack-import.png') });
  expect(existsSync(`${target}.previous`)).toBe(false);
  await page.getByTestId('pack-import-replace').click();
  await expect(page.getByTestId('pack-imported')).toContainText(`${target}.previous`);
  await page.screenshot({ path: screenshotPath('event-pack-imported.png') });
  expect(existsSync(join(target, 'playlists', 'main.yaml'))).toBe(false);
  expect(existsSync(join(`${target}.previous`, 'playlists', 'main.yaml'))).toBe(true);

  // No restart: the display shows the imported pack's first slide.
  await expect(display.locator('.slide-frame[data-item-id="boris-kagarlitsky"]')).toContainText(
    IMPORTED,
    { timeout: 20_000 },
  );
  await display.screenshot({ path: screenshotPath('event-pack-display.png') });
});

test('a refused zip is explained in the reader’s language, and nothing changes', async ({
  page,
}) => {
  const target = packCopy('target');
  to = await servePaused(target);
  const bad = join(root, 'bad.zip');
  writeFileSync(bad, 'this is not a zip');
  await page.setViewportSize({ width: 1280, height: 720 });
  const french = new URL(to.server.urls.operator);
  french.searchParams.set('lang', 'fr');
  await openPackPanel(page, french.toString());
  await page.getByTestId('pack-import-file').setInputFiles(bad);
  const error = page.getByTestId('pack-import-error');
  await expect(error).toContainText('Refusé');
  await expect(page.getByTestId('pack-import-replace')).toHaveCount(0);
  expect(existsSync(`${target}.previous`)).toBe(false);
  await page.screenshot({ path: screenshotPath('event-pack-refused-fr.png') });
  // A phone-sized console: the longest words (French) still fit their buttons.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('event-pack').scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('event-pack-fr-390.png'), fullPage: true });
});

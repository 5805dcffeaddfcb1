import { expect, test, type Page } from '@playwright/test';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshotPath } from '../helpers/display';
import { builtInPack, serve, type Served } from '../helpers/serve';

/*
 * The pictures of docs/editing.md, each taken after checking that the screen shows what the
 * guide says it shows: a real test without UPDATE_SCREENSHOTS, the docs' pictures with it.
 * Every test edits its own copy of the built-in pack.
 */

let server: Served;
let pack: string;

test.beforeEach(async () => {
  pack = mkdtempSync(join(tmpdir(), 'ss-e2e-editor-screens-'));
  cpSync(builtInPack, pack, { recursive: true });
  // The built-in cases' facts were checked in early 2024: on a later day the console's banner
  // asks to check them again, above every picture. The pictures are of the editor, so this copy
  // gives its facts half a year and the page's clock stops soon after they were checked.
  appendFileSync(join(pack, 'pack.yaml'), '\ncases:\n  factsMaxAgeDays: 180\n');
  server = await serve({ content: pack });
});

test.afterEach(async () => {
  await server?.stop();
  rmSync(pack, { recursive: true, force: true });
});

async function openContentTab(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.clock.setFixedTime(new Date('2024-07-01T12:00:00Z'));
  await page.goto(`${server.urls.operator}&lang=en`);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByTestId('tab-content').click();
  await expect(page.getByTestId('item-list')).toBeVisible();
}

async function openItem(page: Page, id: string): Promise<void> {
  await page.getByTestId(`open-${id}`).click();
  await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', id);
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: screenshotPath(name), animations: 'disabled' });

test('the list finds an item by a word in any of its languages', async ({ page }) => {
  await openContentTab(page);
  await page.getByTestId('item-search').fill('Мифтах');
  await expect(page.getByTestId('open-azat-miftakhov')).toBeVisible();
  await expect(page.getByTestId('open-azat-miftakhov-site')).toBeVisible();
  await expect(page.getByTestId('open-boris-kagarlitsky')).toHaveCount(0);
  await shot(page, 'editing-list.png');
});

test('a new case starts sensitive, with its missing languages marked', async ({ page }) => {
  await openContentTab(page);
  await page.getByTestId('add-item').click();
  await page.getByTestId('new-case').click();
  await page.getByTestId('new-title').fill('Maria Example');
  await expect(page.getByTestId('new-id')).toHaveValue('maria-example');
  await expect(page.getByTestId('new-id-hint')).toHaveText(
    'The file will be called maria-example.yaml.',
  );
  await page.getByTestId('create').click();
  const item = page.getByTestId('item-page');
  await expect(item).toHaveAttribute('data-item-id', 'maria-example');
  await expect(page.getByTestId('save-status')).toHaveText('New: not saved yet');
  // A person is hidden in safe mode unless someone decides otherwise.
  await expect(item.locator('.form-field--sensitive input[type="checkbox"]')).toBeChecked();
  // The name exists in English only: Russian and French are marked missing.
  await expect(
    item.getByRole('tab', { name: /^(RU|ru|Russian|Русский).*missing/i }).first(),
  ).toBeVisible();
  await shot(page, 'editing-case.png');
});

test('an action shows the QR code its link will make', async ({ page }) => {
  await openContentTab(page);
  await openItem(page, 'free-boris-site');
  const qr = page.getByRole('img', { name: 'QR code preview' });
  await expect(qr).toBeVisible();
  await qr.scrollIntoViewIfNeeded();
  await shot(page, 'editing-action-qr.png');
});

test('a playlist lists its entries with their moves, seconds and dates', async ({ page }) => {
  await openContentTab(page);
  await openItem(page, 'main');
  const first = page.getByRole('listitem', { name: 'Entry 1 of 14' });
  await expect(first).toBeVisible();
  await expect(first).toHaveAttribute('draggable', 'true');
  await expect(first.getByLabel('Seconds')).toBeVisible();
  await expect(first.getByRole('textbox', { name: 'From', exact: true })).toBeVisible();
  await expect(first.getByRole('textbox', { name: 'Until', exact: true })).toBeVisible();
  // The arrow buttons move an entry without a mouse; the file order follows.
  await page.getByRole('button', { name: 'Move entry 1 down' }).click();
  await expect(page.getByRole('listitem', { name: 'Entry 2 of 14' })).toContainText(
    'boris-kagarlitsky',
  );
  await first.scrollIntoViewIfNeeded();
  await shot(page, 'editing-playlist.png');
});

test('pasted lyrics become stanzas in the import preview', async ({ page }) => {
  await openContentTab(page);
  await page.getByTestId('add-item').click();
  await page.getByTestId('import-song').click();
  const dialog = page.getByRole('dialog', { name: 'Import a song' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Side by side').check();
  await dialog
    .getByLabel('Original lyrics')
    .fill(
      'Вставай, проклятьем заклеймённый,\nВесь мир голодных и рабов!\n\nКипит наш разум возмущённый\nИ в смертный бой вести готов.',
    );
  await dialog
    .getByLabel('Translated lyrics')
    .fill(
      'Arise, ye prisoners of starvation!\nArise, ye wretched of the earth!\n\nFor justice thunders condemnation,\nA better world’s in birth!',
    );
  await expect(dialog.getByTestId('import-stanza')).toHaveCount(2);
  await shot(page, 'editing-import.png');
});

test('the portrait preview warns when a text is too long for the screen', async ({ page }) => {
  await openContentTab(page);
  await openItem(page, 'call-to-action');
  const text = page.locator('[data-testid="item-page"] textarea').first();
  await text.fill(
    Array.from(
      { length: 40 },
      () => 'We call for the immediate release of all political prisoners in Russia.',
    ).join('\n\n'),
  );
  await page.getByTestId('shape-portrait').click();
  await expect(page.getByTestId('preview-frame')).toHaveClass(/is-portrait/);
  const warnings = page.getByTestId('fit-warnings');
  await expect(warnings).toContainText('English: the main text shrinks');
  await expect(warnings).toContainText('portrait screen');
  await warnings.scrollIntoViewIfNeeded();
  await shot(page, 'editing-preview-overflow.png');
});

test('a save over someone else’s edit opens the conflict panel, and nothing is lost', async ({
  page,
}) => {
  await openContentTab(page);
  await openItem(page, 'boris-kagarlitsky');
  const file = join(pack, 'cases/boris-kagarlitsky.yaml');
  const name = page
    .locator('[data-testid="item-page"] :is(input[type="text"], input:not([type]), textarea)')
    .first();
  await expect(name).toHaveValue('Boris Kagarlitsky');
  await name.fill('Boris Yulievich Kagarlitsky');
  // Meanwhile someone else edits the same file by hand.
  const theirs = readFileSync(file, 'utf8').replace(
    'en: Boris Kagarlitsky',
    'en: Boris Kagarlitskiy',
  );
  expect(theirs).toContain('Kagarlitskiy');
  writeFileSync(file, theirs);
  await page.getByTestId('save').click();
  const conflict = page.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.locator('.ed-mine')).toContainText('Boris Yulievich Kagarlitsky');
  await expect(conflict.locator('.ed-theirs')).toContainText('Boris Kagarlitskiy');
  // Nothing was written over their edit.
  expect(readFileSync(file, 'utf8')).toBe(theirs);
  await shot(page, 'editing-conflict.png');

  await page.getByTestId('take-theirs').click();
  await expect(page.getByTestId('yours')).toContainText('Boris Yulievich Kagarlitsky');
  expect(readFileSync(file, 'utf8')).toBe(theirs);
});

test('history lists the versions a save replaced, and restores one', async ({ page }) => {
  await openContentTab(page);
  await openItem(page, 'call-to-action');
  const file = join(pack, 'statements/call-to-action.yaml');
  const original = readFileSync(file, 'utf8');
  const title = page
    .locator('[data-testid="item-page"] :is(input[type="text"], input:not([type]), textarea)')
    .first();
  await title.fill('Act for Boris Kagarlitsky and Azat Miftakhov!');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  expect(readFileSync(file, 'utf8')).toContain('Act for Boris');

  await page.getByTestId('open-history').click();
  const history = page.getByTestId('history');
  await expect(history.getByRole('button', { name: 'Restore' })).toHaveCount(1);
  await shot(page, 'editing-history.png');

  await history.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => readFileSync(file, 'utf8')).toBe(original);
});

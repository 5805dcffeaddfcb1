import { expect, test, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { openView, screenshotPath, waitForSlide } from '../helpers/display';
import { connectOperator } from '../helpers/operator';
import { builtInPack, cliPath, serve, type Served } from '../helpers/serve';

/*
 * The editor as a volunteer uses it, end to end, against `serve` on a copy of the built-in pack:
 * a new case with its photo in three languages, into the main playlist and onto the display,
 * edited and restored from history; then the pack still validates and keeps its comments.
 * The person is invented: the tests never put words in a real prisoner's mouth.
 */

let server: Served;
let pack: string;

test.beforeEach(async () => {
  pack = mkdtempSync(join(tmpdir(), 'ss-e2e-volunteer-'));
  cpSync(builtInPack, pack, { recursive: true });
  server = await serve({ content: pack });
});

test.afterEach(async () => {
  await server?.stop();
  rmSync(pack, { recursive: true, force: true });
});

async function openConsole(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(server.urls.operator);
  await expect(page.getByTestId('connection')).toHaveText(/Connected/);
  await page.getByTestId('tab-content').click();
  await expect(page.getByTestId('item-list')).toBeVisible();
}

/** The innermost field that holds the input labelled `label` (a photo's fields sit in its group). */
function field(scope: Page | Locator, label: string): Locator {
  const page = 'goto' in scope ? scope : scope.page();
  return scope
    .locator('.form-field')
    .filter({ has: page.getByRole('textbox', { name: label, exact: true }) })
    .last();
}

/** Types a text per language into a localized field, one language tab at a time. */
async function fillLocalized(
  scope: Page | Locator,
  label: string,
  texts: Record<string, string>,
): Promise<void> {
  const row = field(scope, label);
  for (const [language, text] of Object.entries(texts)) {
    await row.getByRole('tab', { name: new RegExp(`^${language.toUpperCase()}\\b`) }).click();
    await row.getByRole('textbox', { name: label, exact: true }).fill(text);
  }
}

function commentLines(text: string): string[] {
  return text.split('\n').filter((line) => line.trim().startsWith('#'));
}

function validate(content: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [cliPath, 'validate', '--content', content], {
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const TODAY = new Date().toISOString().slice(0, 10);

const PERSON = {
  id: 'mira-testova',
  name: { en: 'Mira Testova', ru: 'Мира Тестова', fr: 'Mira Testova' },
  charge: {
    en: 'Invented charge for a test',
    ru: 'Выдуманное обвинение для проверки',
    fr: 'Accusation inventée pour un essai',
  },
  status: {
    en: 'Held in an invented prison',
    ru: 'Содержится в выдуманной тюрьме',
    fr: 'Détenue dans une prison inventée',
  },
  // Checked today, so the facts are fresh: any banner about them would be the date misread.
  asOf: { en: TODAY, ru: TODAY, fr: TODAY },
  summary: {
    en: 'An invented person, so that the test speaks for no one real.',
    ru: 'Выдуманный человек: проверка не говорит ни за кого настоящего.',
    fr: 'Une personne inventée : l’essai ne parle pour personne de réel.',
  },
};

test('a volunteer adds a case with a photo, shows it, edits it and restores it', async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  // The editor never throws while a new case is half filled in (its preview checks every keystroke).
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const mainFile = join(pack, 'playlists/main.yaml');
  const mainBefore = readFileSync(mainFile, 'utf8');
  await openConsole(page);

  // A new case, in three languages.
  await page.getByTestId('add-item').click();
  await page.getByTestId('new-case').click();
  await page.getByTestId('new-title').fill(PERSON.name.en);
  await expect(page.getByTestId('new-id')).toHaveValue(PERSON.id);
  await page.getByTestId('create').click();
  const item = page.getByTestId('item-page');
  await expect(item).toHaveAttribute('data-item-id', PERSON.id);
  await fillLocalized(item, 'Name', { ru: PERSON.name.ru, fr: PERSON.name.fr });
  for (const key of ['charge', 'status', 'asOf', 'summary'] as const) {
    const label = {
      charge: 'Charge',
      status: 'Status',
      asOf: 'Facts checked on',
      summary: 'Summary',
    }[key];
    await fillLocalized(item, label, PERSON[key]);
  }

  await item.getByRole('textbox', { name: 'Arrested on', exact: true }).fill('2024-03-10');

  // A photo made here, uploaded through the field's own file input, with consent.
  const photo = await sharp({
    create: { width: 240, height: 320, channels: 3, background: { r: 180, g: 40, b: 40 } },
  })
    .png()
    .toBuffer();
  const photoGroup = item.getByRole('group', { name: 'Photo' });
  await photoGroup
    .locator('input[type="file"]')
    .setInputFiles({ name: 'portrait.png', mimeType: 'image/png', buffer: photo });
  await expect(photoGroup.getByText(/In the pack as /)).toBeVisible();
  // A portrait photo stays inside its preview box, clear of the button and notes beside it.
  const box = (await photoGroup.locator('.ed-media__preview').boundingBox())!;
  const shown = (await photoGroup.locator('.ed-media__preview img').boundingBox())!;
  expect(shown.height).toBeGreaterThan(0);
  expect(shown.y + shown.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
  expect(shown.x + shown.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
  await photoGroup.getByLabel('Consent given').check();
  await fillLocalized(photoGroup, 'Image description', { en: 'A red square, made by the test' });
  await page.screenshot({ path: screenshotPath('volunteer-new-case.png') });

  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  const caseFile = join(pack, `cases/${PERSON.id}.yaml`);
  const firstSave = readFileSync(caseFile, 'utf8');
  for (const text of [...Object.values(PERSON.name), ...Object.values(PERSON.status)]) {
    expect(firstSave).toContain(text);
  }
  expect(firstSave).toMatch(/consent: true/);
  const photoPath = /file: (\S+)/.exec(firstSave)?.[1];
  expect(photoPath).toBeTruthy();
  expect(existsSync(join(pack, photoPath!))).toBe(true);

  // Into the main playlist, by search.
  await page.getByTestId('close-item').click();
  await page.getByTestId('open-main').click();
  await expect(item).toHaveAttribute('data-item-id', 'main');
  await item.getByPlaceholder('Add an item: title or id').fill('Testova');
  await item.getByRole('button', { name: `Add “${PERSON.name.en}”` }).click();
  await page.screenshot({ path: screenshotPath('volunteer-playlist.png') });

  // The display, paused where it is, goes to the case once the pack has it.
  const display = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await openView(display, server.urls.display);
  await waitForSlide(display, 'boris-kagarlitsky');
  const operator = await connectOperator(server.urls.operator);
  try {
    await operator.send({ name: 'pause' });
    await page.getByTestId('save').click();
    const savedAt = Date.now();
    await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
    await expect
      .poll(async () => (await operator.send({ name: 'goTo', itemId: PERSON.id })).ok, {
        timeout: 1_500,
        intervals: [50],
      })
      .toBe(true);
    await waitForSlide(display, PERSON.id, 1_500);
    expect(Date.now() - savedAt).toBeLessThan(2_000);
  } finally {
    operator.close();
  }
  const slide = display.locator(`.slide-frame[data-item-id="${PERSON.id}"]`);
  await expect(slide).toContainText(new RegExp(Object.values(PERSON.name).join('|')));
  // The photo with consent is on the screen, loaded.
  await expect(slide.locator('img')).toHaveJSProperty('complete', true);
  await display.screenshot({
    path: screenshotPath('volunteer-display.png'),
    animations: 'disabled',
  });
  await display.close();

  // Every comment line of the playlist file is still there.
  const mainAfter = readFileSync(mainFile, 'utf8');
  expect(mainAfter).toContain(`- ${PERSON.id}`);
  expect(commentLines(mainAfter)).toEqual(commentLines(mainBefore));

  // Edit the status, save, then take the first version back from History.
  await page.getByTestId('close-item').click();
  await page.getByTestId('open-' + PERSON.id).click();
  await expect(item).toHaveAttribute('data-item-id', PERSON.id);
  await fillLocalized(item, 'Status', { en: 'Moved to another invented prison' });
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  expect(readFileSync(caseFile, 'utf8')).toContain('Moved to another invented prison');

  await page.getByTestId('open-history').click();
  const history = page.getByTestId('history');
  await expect(history.getByRole('button', { name: 'Restore' }).first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('volunteer-history.png') });
  await history.getByRole('button', { name: 'Restore' }).first().click();
  await expect.poll(() => readFileSync(caseFile, 'utf8')).toBe(firstSave);
  await expect(
    field(item, 'Status').getByRole('textbox', { name: 'Status', exact: true }),
  ).toHaveValue(PERSON.status.en);

  const result = validate(pack);
  expect(result.output).not.toMatch(/\berror/i);
  // The date typed in every language is a date: the new case's facts are not named at all.
  expect(result.output).not.toMatch(new RegExp(`${PERSON.id}\\.yaml: the facts`));
  await expect(page.getByText(`cases/${PERSON.id}.yaml: the facts`)).toHaveCount(0);
  expect(result.status, result.output).toBe(0);
  expect(pageErrors).toEqual([]);
});

test('two consoles save the same item: the second sees the conflict and loses nothing', async ({
  page,
  browser,
}) => {
  const file = join(pack, 'actions/free-boris-site.yaml');
  const second = await browser.newPage();
  for (const console of [page, second]) {
    await openConsole(console);
    await console.getByTestId('open-free-boris-site').click();
    await expect(console.getByTestId('item-page')).toHaveAttribute(
      'data-item-id',
      'free-boris-site',
    );
  }
  // The first console renames the action and saves.
  await fillLocalized(page.getByTestId('item-page'), 'Title', { en: 'First console’s title' });
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  const firstOnDisk = readFileSync(file, 'utf8');
  expect(firstOnDisk).toContain('First console’s title');

  // The second, opened before that save, changes another field and saves over an old version.
  const printed = second.getByRole('textbox', { name: 'Printed link', exact: true });
  await printed.fill('freeboris.info/second');
  await second.getByTestId('save').click();
  const conflict = second.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.locator('tr[data-field="title.en"]')).toContainText(
    'First console’s title',
  );
  await second.screenshot({ path: screenshotPath('two-consoles-conflict.png') });
  // Nothing written: the first's edit is on disk, the second's still in its form.
  expect(readFileSync(file, 'utf8')).toBe(firstOnDisk);
  await expect(printed).toHaveValue('freeboris.info/second');

  await second.getByTestId('keep-mine').click();
  await expect(second.getByTestId('save-status')).toHaveText(/Saved/);
  await expect(conflict).toHaveCount(0);
  const keptMine = readFileSync(file, 'utf8');
  expect(keptMine).toContain('shortUrl: freeboris.info/second');
  // The first's version went to history, whole: it can be restored.
  const historyDir = join(pack, '.history/free-boris-site');
  const versions = readdirSync(historyDir).map((name) =>
    readFileSync(join(historyDir, name), 'utf8'),
  );
  expect(versions).toContain(firstOnDisk);
  await second.getByTestId('open-history').click();
  await expect(second.getByTestId('history').getByRole('button', { name: 'Restore' })).toHaveCount(
    versions.length,
  );
  await second.close();
});

test('the link field draws a QR code that scans to the exact link', async ({ browser }) => {
  // A laptop's screen at 2× (most are): the preview is 8rem, a phone scans it from there.
  const context = await browser.newContext({ deviceScaleFactor: 2 });
  const page = await context.newPage();
  await openConsole(page);
  await page.getByTestId('open-free-boris-site').click();
  const item = page.getByTestId('item-page');
  await expect(item).toHaveAttribute('data-item-id', 'free-boris-site');
  const link = 'https://example.org/sign?campaign=invented&lang=fr#now';
  await item.getByRole('textbox', { name: 'Link', exact: true }).fill(link);
  const qr = item.getByRole('img', { name: 'QR code preview' });
  await expect(qr).toBeVisible();
  await page.screenshot({ path: screenshotPath('editor-qr.png') });
  const image = PNG.sync.read(await qr.screenshot());
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  expect(code?.data).toBe(link);
  // A link the slides would not show gets no code at all.
  await item.getByRole('textbox', { name: 'Link', exact: true }).fill('javascript:alert(1)');
  await expect(qr).toHaveCount(0);
  await context.close();
});

test('a song imported from two pasted columns is saved, validates and is listed', async ({
  page,
}) => {
  await openConsole(page);
  await page.getByTestId('add-item').click();
  await page.getByTestId('import-song').first().click();
  const dialog = page.getByRole('dialog', { name: 'Import a song' });
  // The two language choices: sung in, then the translation's language.
  await dialog.getByRole('combobox').nth(0).selectOption('ru');
  await dialog.getByRole('combobox').nth(1).selectOption('en');
  await dialog
    .getByLabel('Original lyrics')
    .fill('Первая строка песни\nВторая строка песни\n\nТретья строка\nЧетвёртая строка');
  await dialog
    .getByLabel('Translated lyrics')
    .fill(
      'The first line of the song\nThe second line of the song\n\nThe third line\nThe fourth line',
    );
  await dialog.getByLabel('Title', { exact: true }).fill('Invented test song');
  await dialog.getByLabel('Artist', { exact: true }).fill('The test choir');
  await expect(dialog.getByTestId('import-stanza')).toHaveCount(2);
  await page.screenshot({ path: screenshotPath('import-song.png') });
  await dialog.getByTestId('import-use').click();

  const item = page.getByTestId('item-page');
  await expect(item).toHaveAttribute('data-item-id', 'invented-test-song');
  await page.getByTestId('save').click();
  await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
  const file = join(pack, 'songs/invented-test-song.yaml');
  const text = readFileSync(file, 'utf8');
  expect(text).toContain('Четвёртая строка');
  expect(text).toContain('The fourth line');
  const result = validate(pack);
  expect(result.output).not.toMatch(/\berror/i);
  expect(result.status, result.output).toBe(0);
  await expect(page.getByTestId('open-invented-test-song')).toBeVisible();
});

test('an invalid save shows its problems at the fields and writes nothing', async ({ page }) => {
  const file = join(pack, 'actions/free-boris-site.yaml');
  const before = readFileSync(file);
  await openConsole(page);
  await page.getByTestId('open-free-boris-site').click();
  const item = page.getByTestId('item-page');
  await expect(item).toHaveAttribute('data-item-id', 'free-boris-site');
  await item.getByRole('textbox', { name: 'Link', exact: true }).fill('javascript:alert(1)');
  await fillLocalized(item, 'Call to action', { en: '', ru: '', fr: '' });
  await page.getByTestId('save').click();
  // The list names the fields as the form does, not by the file's keys.
  await expect(page.getByTestId('item-problems')).toContainText('Call to action');
  await expect(page.getByTestId('item-problems')).not.toContainText('callToAction');
  await expect(field(item, 'Link')).toHaveClass(/form-field--error/);
  await expect(field(item, 'Link').getByRole('textbox', { name: 'Link' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(field(item, 'Call to action')).toHaveClass(/form-field--error/);
  await page.screenshot({ path: screenshotPath('editor-invalid.png') });
  expect(readFileSync(file).equals(before)).toBe(true);
  await expect(page.getByTestId('save-status')).toHaveText(/Unsaved/i);
});

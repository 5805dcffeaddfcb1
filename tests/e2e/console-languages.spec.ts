import { expect, test, type Browser, type Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { screenshotPath, withQuery } from '../helpers/display';
import { connectOperator, type OperatorClient } from '../helpers/operator';
import { displayItem } from '../helpers/operator-views';
import { builtInPack, serve, type Served } from '../helpers/serve';

/*
 * The operator console in its four languages: every word a person reads on it is the
 * reader's, the choice sticks on the device, and it never changes what the screens show.
 */

let server: Served;
let ops: OperatorClient;

test.beforeAll(async () => {
  server = await serve();
  ops = await connectOperator(server.urls.operator);
  // Nothing moves on while the texts are read.
  expect(await ops.send({ name: 'pause' })).toMatchObject({ ok: true });
});

test.afterAll(async () => {
  ops?.close();
  await server?.stop();
});

/** Every text of the pack's files: names, titles and the pack's own words are not ours. */
function packText(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) =>
      statSync(path).isDirectory()
        ? packText(path)
        : /\.(ya?ml|md|lrc)$/.test(path)
          ? readFileSync(path, 'utf8')
          : '',
    )
    .join('\n');
}

const PACK = packText(builtInPack);
/** The pack's languages, as the outputs panel's boxes show them (EN, RU). */
const PACK_LANGUAGES = new Set(
  (/^languages:\s*\[([^\]]*)\]/m.exec(PACK)?.[1] ?? '')
    .split(',')
    .map((code) => code.trim().toUpperCase()),
);

/** Not words of ours: no letters, a language code of the pack, or the pack's own text. */
function fromTheContent(text: string): boolean {
  if (!/\p{L}/u.test(text)) return true;
  if (PACK_LANGUAGES.has(text)) return true;
  return PACK.includes(text);
}

/**
 * Every visible text of the console and the aria-label, title and placeholder of each
 * visible element. Left out: the slide previews (the audience's screen, in the content's
 * language), keycaps, text the page marks as data (`translate="no"`: addresses, scene names),
 * the language menu's names, each in its own language, and the core's words (`data-from-core`:
 * shown through `localize`, in the reader's language once the core sends a key; the core's
 * own tests hold it to that).
 */
const READ_TEXTS = `(() => {
  const skip = (el) => el.closest('.op-preview, kbd, select, [translate="no"], [data-from-core], [lang]:not(html)');
  const seen = (el) => el.checkVisibility({ visibilityProperty: true });
  const texts = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text && el && !skip(el) && seen(el)) texts.add(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
    if (skip(el) || !seen(el)) continue;
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value && value.trim()) texts.add(value.trim());
    }
  }
  return [...texts];
})()`;

async function openConsole(browser: Browser, lang?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.goto(lang ? withQuery(server.urls.operator, { lang }) : server.urls.operator);
  await expect(page.getByTestId('connection')).toHaveClass(/is-open/);
  await expect(page.getByTestId('preview-now')).toHaveAttribute('data-item-id', /.+/);
  await expect(page.getByTestId('obs-panel')).toBeVisible();
  await page.evaluate('document.fonts.ready');
  return page;
}

/** The texts of the console as it stands, then with the `?` sheet open. */
async function consoleTexts(page: Page): Promise<string[]> {
  const texts = await page.evaluate<string[]>(READ_TEXTS);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  texts.push(...(await page.evaluate<string[]>(READ_TEXTS)));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  return texts;
}

/** Buttons and header items whose words do not fit their box. */
const CUT_TEXT = `(() => [...document.querySelectorAll('.op-button, .op-header > *, .op-chip')]
  .filter((el) => el.checkVisibility() &&
    (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > innerWidth + 1))
  .map((el) => el.textContent.trim().slice(0, 60)))()`;

/** The states with the most words: a concert under way (a song on), the show under blackout. */
async function setTheStage(state: 'plain' | 'concert') {
  if (state === 'plain') {
    for (const command of [
      { name: 'setlistStop' },
      { name: 'lyricsEnd' },
      { name: 'blackout', on: false },
    ] as const) {
      await ops.send(command);
    }
    return;
  }
  expect(await ops.send({ name: 'setlistStart', setlistId: 'concert' })).toMatchObject({
    ok: true,
  });
  expect(await ops.send({ name: 'lyricsStart', songId: 'internationale' })).toMatchObject({
    ok: true,
  });
  expect(await ops.send({ name: 'blackout', on: true })).toMatchObject({ ok: true });
}

for (const state of ['plain', 'concert'] as const) {
  test(`every word of the console is translated (${state})`, async ({ browser }) => {
    await setTheStage(state);
    const english = await openConsole(browser, 'en');
    const source = new Set(await consoleTexts(english));
    await english.context().close();
    expect(source.size).toBeGreaterThan(20);

    for (const lang of ['fr', 'ru', 'uk']) {
      const page = await openConsole(browser, lang);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const texts = await consoleTexts(page);
      const untranslated = [...new Set(texts)].filter(
        (text) => source.has(text) && !fromTheContent(text),
      );
      expect(untranslated, `${lang}: the same words as in English`).toEqual([]);
      // No key ever shows instead of its words.
      expect(texts.filter((text) => /^[a-z]+(\.[a-zA-Z-]+)+$/.test(text))).toEqual([]);
      expect(await page.evaluate<string[]>(CUT_TEXT), `${lang}: cut words`).toEqual([]);
      await page.context().close();
    }
  });
}

test('the language menu: the choice holds on this device after a reload', async ({ browser }) => {
  await setTheStage('plain');
  const page = await openConsole(browser);
  await expect(page.locator('.op-header h1')).toContainText('Operator');
  await page.locator('.op-header select').selectOption('fr');
  await expect(page.locator('.op-header h1')).toContainText('Opérateur');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page).toHaveTitle(/Console de l’opérateur/);

  await page.reload();
  await expect(page.getByTestId('connection')).toHaveText(/Connecté/);
  await expect(page.locator('.op-header h1')).toContainText('Opérateur');
  await expect(page.locator('.op-header select')).toHaveValue('fr');
  await page.context().close();
});

test('the console’s language changes nothing on the screens', async ({ browser }) => {
  await setTheStage('plain');
  expect(await ops.send({ name: 'goTo', itemId: 'boris-kagarlitsky' })).toMatchObject({ ok: true });
  const screen = await (await browser.newContext()).newPage();
  await screen.goto(server.urls.display);
  await expect.poll(() => displayItem(screen)).toBe('boris-kagarlitsky');
  const frame = screen.locator('.slide-frame[data-phase="in"]');
  const before = { lang: await frame.getAttribute('lang'), text: await frame.innerText() };

  const page = await openConsole(browser, 'en');
  for (const lang of ['ru', 'uk', 'fr']) {
    await page.locator('.op-header select').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  }
  // Give a wrong message time to reach the screen before looking.
  await page.waitForTimeout(500);
  await expect(frame).toHaveAttribute('lang', before.lang ?? '');
  expect(await frame.innerText()).toBe(before.text);
  // The outputs' content languages stay as they were: the console sent nothing.
  await expect(page.getByTestId('languages-display').locator('input:checked')).toHaveCount(0);
  await page.context().close();
  await screen.context().close();
});

test('screenshots: the console in four languages, and the keys in Russian', async ({ browser }) => {
  await setTheStage('plain');
  for (const lang of ['en', 'ru', 'fr', 'uk']) {
    const page = await openConsole(browser, lang);
    await page.screenshot({ path: screenshotPath(`operator-${lang}.png`), animations: 'disabled' });
    if (lang === 'ru') {
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.screenshot({
        path: screenshotPath('operator-keys-ru.png'),
        animations: 'disabled',
      });
    }
    await page.context().close();
  }
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshotPath } from '../helpers/display';
import {
  RECORD_SHOW,
  displayCurrentLine,
  displayItem,
  expectDisplayItem,
  lastShow,
  operatorCurrentLine,
} from '../helpers/operator-views';
import { builtInPack, serve, type Served } from '../helpers/serve';

/*
 * The operator console against `serve` on the built-in pack, with the displays in their own
 * browser contexts, as separate machines would be.
 */

let server: Served;
/** For what the display shows: a miss there is reported, and the console's checks go on. */
const softly = expect.configure({ soft: true });

// A fresh core per test: each starts from the top of the show with the pack's languages.
test.beforeEach(async () => {
  server = await serve();
});

test.afterEach(async () => {
  await server?.stop();
});

async function openPage(browser: Browser, url: string, init?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return page;
}

async function openOperator(browser: Browser): Promise<Page> {
  const operator = await openPage(browser, server.urls.operator);
  await expect(operator.getByTestId('connection')).toHaveText(/Connected/);
  await expect(operator.getByTestId('preview-now')).toHaveAttribute('data-item-id', /.+/);
  return operator;
}

test('jumping to an item in the operator changes every display', async ({ browser }) => {
  const displays = [
    await openPage(browser, server.urls.display),
    await openPage(browser, server.urls.display),
  ];
  const operator = await openOperator(browser);
  for (const display of displays) await expectDisplayItem(display, 'boris-kagarlitsky');
  // Nothing moves on by itself while we look.
  await operator.getByTestId('pause').click();

  await operator.locator('[data-testid="strip"] button[data-item-id="azat-miftakhov"]').click();
  for (const display of displays) await expectDisplayItem(display, 'azat-miftakhov');
  await expect(operator.getByTestId('preview-now')).toHaveAttribute(
    'data-item-id',
    'azat-miftakhov',
  );
  await expect(
    operator.locator('[data-testid="strip"] button[aria-current="true"]'),
  ).toHaveAttribute('data-item-id', 'azat-miftakhov');

  // The keyboard runs the same actions: → moves every display on.
  await operator.keyboard.press('ArrowRight');
  for (const display of displays) await expectDisplayItem(display, 'azat-miftakhov-site');

  // The console lists both screens among the connected outputs.
  await expect(operator.locator('[data-testid="outputs"] li[data-role="display"]')).toHaveCount(2);

  await operator.screenshot({ path: screenshotPath('operator.png'), animations: 'disabled' });
});

test('advancing lyrics in the operator changes the display’s current line', async ({ browser }) => {
  const display = await openPage(browser, server.urls.display);
  const operator = await openOperator(browser);

  await operator.getByTestId('start-song-internationale').click();
  await expectDisplayItem(display, 'internationale');
  await expect.poll(() => operatorCurrentLine(operator)).toBe(0);

  // Space and → are "next line" while a song is on; the operator marks the line too.
  await operator.keyboard.press('Space');
  await operator.keyboard.press('ArrowRight');
  await expect.poll(() => operatorCurrentLine(operator)).toBe(2);
  // Soft: the display's marking is the display's own work; the console's part goes on.
  await softly
    .poll(() => displayCurrentLine(display), {
      message: 'the display marks line 2 as the one being sung',
    })
    .toBe('Кипит наш разум возмущённый');

  // A clicker's PageDown moves the lyrics too, and a click on a line jumps there.
  await operator.keyboard.press('PageDown');
  await expect.poll(() => operatorCurrentLine(operator)).toBe(3);
  await operator.locator('[data-testid="song-lines"] button[data-lyric-line="8"]').click();
  await expect.poll(() => operatorCurrentLine(operator)).toBe(8);
  await softly.poll(() => displayCurrentLine(display)).toBe('Это есть наш последний');

  await operator.keyboard.press('PageUp');
  await expect.poll(() => operatorCurrentLine(operator)).toBe(7);
  // The console's preview is the display's own slide: it marks the same line.
  await expect(
    operator.locator('[data-testid="preview-now"] .lyric[aria-current="true"] .lyric-original'),
  ).toHaveText('Кто был ничем, тот станет всем.');
  await operator.screenshot({
    path: screenshotPath('operator-lyrics.png'),
    animations: 'disabled',
  });

  // E ends the song: the loop comes back and the clicker moves slides again.
  await operator.keyboard.press('e');
  await expect.poll(() => operatorCurrentLine(operator)).toBeNull();
  await softly.poll(() => displayCurrentLine(display)).toBeNull();
});

test('the language choice applies per output', async ({ browser }) => {
  const display = await openPage(browser, server.urls.display);
  const overlay = await openPage(browser, server.urls.overlay, RECORD_SHOW);
  const operator = await openOperator(browser);
  await operator.getByTestId('pause').click();

  // Display: French only. Stream: Russian only.
  // Clicks, not check(): the boxes show what the core applied, a round trip later.
  await operator.getByTestId('languages-display').getByRole('checkbox', { name: 'FR' }).click();
  await operator.getByTestId('languages-overlay').getByRole('checkbox', { name: 'RU' }).click();
  await expect(
    operator.getByTestId('languages-display').getByRole('checkbox', { name: 'FR' }),
  ).toBeChecked();
  await expect(
    operator.getByTestId('languages-display').getByRole('checkbox', { name: 'RU' }),
  ).not.toBeChecked();

  await operator.locator('[data-testid="strip"] button[data-item-id="boris-kagarlitsky"]').click();
  await expectDisplayItem(display, 'boris-kagarlitsky');
  const onScreen = display.locator('.slide-frame[data-phase="in"]');
  await expect(onScreen).toHaveAttribute('lang', 'fr');
  await expect(onScreen).toContainText('Accusations fabriquées');
  await expect(onScreen).not.toContainText('Incarcerated after his arrest');

  // The stream speaks Russian: the overlay got its own languages, and its lower third says so.
  await expect
    .poll(async () => (await lastShow<{ outputLanguages: unknown }>(overlay))?.outputLanguages)
    .toEqual({ display: ['fr'], overlay: ['ru'] });
  const lowerThird = overlay.locator('[data-element="lower-third"]');
  await expect(lowerThird).toContainText('Борис Кагарлицкий');
  await expect(lowerThird).not.toContainText('Accusations fabriquées');
  // And the venue screen did not follow the stream.
  await expect(onScreen).not.toContainText('Борис Кагарлицкий');
});

test('setlist mode: the interlude loop between songs, a song’s lyrics while it is on', async ({
  browser,
}) => {
  // The built-in pack plus tonight's setlist, as a band would add one for the night.
  const pack = mkdtempSync(join(tmpdir(), 'ss-setlist-'));
  cpSync(builtInPack, pack, { recursive: true });
  writeFileSync(
    join(pack, 'tonight.yaml'),
    [
      'kind: setlist',
      'id: tonight',
      'title: { en: Tonight, ru: Сегодня, fr: Ce soir }',
      'songs: [il-galeone, internationale]',
      'interlude: concert-interlude',
    ].join('\n'),
  );
  const own = await serve({ content: pack });
  try {
    const display = await openPage(browser, own.urls.display);
    const operator = await openPage(browser, own.urls.operator);
    await expect(operator.getByTestId('connection')).toHaveText(/Connected/);

    await operator.getByTestId('setlist-start-tonight').click();
    await expect(operator.getByTestId('setlist-state')).toContainText('Between songs');
    await expect(operator.getByTestId('playlist-concert-interlude')).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    // Il Galeone has no lyrics: "next song" goes to the Internationale.
    await expect(operator.getByTestId('next-song')).toContainText('The Internationale');
    await operator.keyboard.press('n');
    await expectDisplayItem(display, 'internationale');
    await expect(operator.getByTestId('setlist-state')).toContainText('Song 2 of 2');
    await expect.poll(() => operatorCurrentLine(operator)).toBe(0);
    await operator.keyboard.press('PageDown');
    await expect.poll(() => operatorCurrentLine(operator)).toBe(1);
    await operator.screenshot({
      path: screenshotPath('operator-setlist.png'),
      animations: 'disabled',
    });

    // End of the song: back to the interlude loop.
    await operator.keyboard.press('e');
    await expect(operator.getByTestId('setlist-state')).toContainText('Between songs');
    await expect.poll(() => displayItem(display)).not.toBe('internationale');
  } finally {
    await own.stop();
    rmSync(pack, { recursive: true, force: true });
  }
});

test('content errors are listed with their file, and the list empties when the file is fixed', async ({
  browser,
}) => {
  const pack = mkdtempSync(join(tmpdir(), 'ss-errors-'));
  cpSync(builtInPack, pack, { recursive: true });
  const file = join(pack, 'cases', 'boris-kagarlitsky.yaml');
  const good = readFileSync(file, 'utf8');
  const own = await serve({ content: pack });
  try {
    const operator = await openPage(browser, own.urls.operator);
    await expect(operator.getByTestId('connection')).toHaveText(/Connected/);
    await expect(operator.getByTestId('content-errors')).toHaveCount(0);

    // Someone saves a typo during the show.
    const typo = good.replace(/^(\s*- from:) 2023-07-25$/m, '$1 July');
    expect(typo).not.toBe(good);
    writeFileSync(file, typo);
    const errors = operator.getByTestId('content-errors');
    await expect(errors).toContainText('cases/boris-kagarlitsky.yaml:', { timeout: 15_000 });
    // The first period, counted from 1 as the author counts the entries of their file.
    await expect(errors).toContainText('custody.1.from');

    writeFileSync(file, good);
    await expect(operator.getByTestId('content-errors')).toHaveCount(0, { timeout: 15_000 });

    // A text missing one of the pack's languages is a warning, with the fields it lacks.
    const event = join(pack, 'events', 'concert-paris-2023-10-01.yaml');
    const eventText = readFileSync(event, 'utf8');
    const noFrench = eventText.replace(/^ {2}fr: Concert de l.*\n/m, '');
    expect(noFrench).not.toBe(eventText);
    writeFileSync(event, noFrench);
    const warnings = operator.getByTestId('content-warnings');
    await expect(warnings).toContainText(
      'events/concert-paris-2023-10-01.yaml' + 'no French for title',
      { timeout: 15_000 },
    );
    for (const viewport of [
      { width: 1280, height: 720 },
      { width: 390, height: 844 },
    ]) {
      await operator.setViewportSize(viewport);
      await warnings.scrollIntoViewIfNeeded();
      await operator.screenshot({
        path: screenshotPath(`operator-language-warnings-${viewport.width}.png`),
        animations: 'disabled',
      });
    }
  } finally {
    await own.stop();
    rmSync(pack, { recursive: true, force: true });
  }
});

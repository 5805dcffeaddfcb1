import { expect, test, type Browser, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { screenshotPath } from '../helpers/display';
import { operatorCurrentLine } from '../helpers/operator-views';
import { builtInPack, serve, type Served } from '../helpers/serve';

/*
 * The performers' monitor against `serve`: the operator runs a setlist song and sends the band
 * a message; the stage shows the line, the next one, where the song is, and the message; the
 * stream's overlay never does.
 */

const FULL_HD = { width: 1920, height: 1080 };
let pack: string;
let server: Served;

/** `2026-12-12T22:30` for a moment on this machine's clock. */
function localDateTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

test.beforeEach(async () => {
  pack = mkdtempSync(join(tmpdir(), 'ss-stage-'));
  cpSync(builtInPack, pack, { recursive: true });
  writeFileSync(
    join(pack, 'tonight.yaml'),
    [
      'kind: setlist',
      'id: tonight',
      'title: { en: Tonight, ru: Сегодня, fr: Ce soir }',
      'songs: [il-galeone, internationale, a-plea-to-my-western-progressive-friends]',
      'interlude: concert-interlude',
      `endsAt: ${localDateTime(Date.now() + 50 * 60_000)}`,
    ].join('\n'),
  );
  server = await serve({ content: pack });
});

test.afterEach(async () => {
  await server?.stop();
  rmSync(pack, { recursive: true, force: true });
});

async function openPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: FULL_HD });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('the stage follows the song line by line, shows the operator’s message until cleared, and the overlay never does', async ({
  browser,
}) => {
  const stage = await openPage(browser, server.urls.stage);
  const overlay = await openPage(browser, server.urls.overlay);
  const operator = await openPage(browser, server.urls.operator);
  await expect(operator.getByTestId('connection')).toHaveText(/Connected/);
  await expect(stage.getByTestId('stage-clock')).toHaveText(/^\d{2}:\d{2}$/);

  await operator.getByTestId('setlist-start-tonight').click();
  // Between songs: the next song with lyrics, big.
  await expect(stage.getByTestId('stage-next-song')).toHaveText('The Internationale');
  await expect(stage.getByTestId('stage-countdown')).toHaveText(/Set ends in 4\d:\d{2}/);
  await stage.screenshot({ path: screenshotPath('stage-between-en.png') });

  await operator.getByTestId('stage-language').selectOption('fr');
  await expect(stage.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(stage.getByText('Chanson suivante')).toBeVisible();
  await expect(stage.getByTestId('stage-next-song')).toHaveText("L'Internationale");
  // The slide on the screens by its title (a case by the person's name), never its file id.
  await expect(stage.locator('.stage-slide')).toContainText('Kagarlitsky');
  await expect(stage.locator('.stage-slide')).not.toContainText('boris-kagarlitsky');
  await stage.screenshot({ path: screenshotPath('stage-between-fr.png') });
  await operator.getByTestId('stage-language').selectOption('');

  await operator.keyboard.press('n');
  await expect.poll(() => operatorCurrentLine(operator)).toBe(0);
  for (let i = 0; i < 4; i += 1) await operator.keyboard.press('PageDown');
  await expect.poll(() => operatorCurrentLine(operator)).toBe(4);
  // The song's own language (Russian), the fifth line and the sixth.
  await expect(stage.getByTestId('stage-position')).toHaveText(/^line 5 of \d+$/);
  await expect(stage.getByTestId('stage-line')).toHaveText(/^[А-Яа-яЁё ,!.—-]+$/);
  await expect(stage.getByTestId('stage-next')).not.toBeEmpty();

  // A message from the console, typed, and one from the presets.
  await operator.getByTestId('stage-message-input').fill('Stream is down — keep playing');
  await operator.getByTestId('stage-message-send').click();
  await expect(stage.getByTestId('stage-message')).toHaveText('Stream is down — keep playing');
  await expect(operator.getByTestId('stage-panel-now')).toContainText('keep playing');
  await operator
    .locator('.op-stage')
    .screenshot({ path: screenshotPath('operator-stage-panel.png') });

  // A reload (a cable pulled) brings the message back: the core keeps it.
  await stage.reload();
  await expect(stage.getByTestId('stage-message')).toHaveText('Stream is down — keep playing');

  await operator.getByTestId('stage-language').selectOption('ru');
  await expect(stage.getByTestId('stage-position')).toHaveText(/^строка 5 из \d+$/);
  await stage.screenshot({ path: screenshotPath('stage-song-ru.png') });
  await operator.getByTestId('stage-language').selectOption('fr');
  await expect(stage.getByTestId('stage-position')).toHaveText(/^ligne 5 sur \d+$/);
  await stage.screenshot({ path: screenshotPath('stage-song-fr.png') });

  // The stream never carries it.
  await expect(overlay.locator('body')).not.toContainText('keep playing');

  await operator.getByTestId('stage-message-clear').click();
  await expect(stage.getByTestId('stage-message')).toHaveCount(0);
  await expect(operator.getByTestId('stage-panel-now')).not.toContainText('keep playing');
  await expect(overlay.locator('body')).not.toContainText('keep playing');
});

import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { openView, screenshotPath, waitForSlide, withQuery } from '../helpers/display';
import { connectOperator, type OperatorClient } from '../helpers/operator';
import { readPairing, submitPin } from '../helpers/operator-views';
import { builtInPackInFolder } from '../helpers/pack-copy';
import { serve, type Served } from '../helpers/serve';

/*
 * A wrong clock at boot (issue 15 §4): a Pi with no battery starts years in the past, so every
 * "days behind bars" would be wrong. `serve` runs with SOLIDARITY_TEST_CLOCK_SHIFT_MS moving
 * its machine clock years back; the browsers keep the real time, as a phone would.
 */

const DAY = 86_400_000;
const CASE = 'boris-kagarlitsky';
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** A calendar day (YYYY-MM-DD) in this machine's time zone, as the display counts. */
function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function dayIndex(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY);
}

/**
 * The days behind bars the case's custody periods make on `today`, the arrest day and the
 * release day counted, worked out here from the case file, not by the app's code.
 */
function expectedDays(caseFile: string, today: string): number {
  const record = parse(readFileSync(caseFile, 'utf8')) as {
    custody: { from: string; until?: string }[];
  };
  let days = 0;
  for (const period of record.custody) {
    const from = String(period.from);
    // The test counts whole days only: a month-only start would be a lower bound instead.
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const until = period.until ? String(period.until) : today;
    days += Math.min(dayIndex(until), dayIndex(today)) - dayIndex(from) + 1;
  }
  return days;
}

let root: string;
let caseFile: string;
let server: Served;
let operator: OperatorClient;

test.beforeEach(async () => {
  ({ root } = (() => {
    const copy = builtInPackInFolder('ss-e2e-clock-');
    caseFile = join(copy.packDir, 'cases', `${CASE}.yaml`);
    return copy;
  })());
  // Facts confirmed a month ago, so today is a believable time for the show clock; the
  // machine's clock is six years back, before the case's arrest.
  const asOf = localDay(Date.now() - 30 * DAY);
  const before = readFileSync(caseFile, 'utf8');
  const after = before.replace(/^asOf: .*$/m, `asOf: ${asOf}`);
  expect(after).not.toBe(before);
  writeFileSync(caseFile, after);
  server = await serve({
    content: join(root, 'pack'),
    extraArgs: ['--remote-address', '127.0.0.1'],
    env: { SOLIDARITY_TEST_CLOCK_SHIFT_MS: String(-6 * 365 * DAY) },
  });
  operator = await connectOperator(server.urls.operator);
  expect(await operator.send({ name: 'pause' })).toMatchObject({ ok: true });
  expect(await operator.send({ name: 'goTo', itemId: CASE })).toMatchObject({ ok: true });
});

test.afterEach(async () => {
  operator?.close();
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

async function openPage(browser: Browser, url: string, options = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function openDisplay(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await openView(page, withQuery(server.urls.display, { lang: 'en' }));
  await waitForSlide(page, CASE);
  return page;
}

async function openConsole(browser: Browser, lang = 'en'): Promise<Page> {
  const page = await openPage(browser, withQuery(server.urls.operator, { lang }));
  await expect(page.getByTestId('clock-banner')).toBeVisible();
  await page.screenshot({ path: screenshotPath(`console-clock-banner-${lang}.png`) });
  return page;
}

async function pairPhone(browser: Browser, console: Page, lang = 'en'): Promise<Page> {
  await console.getByTestId('remote-toggle').click();
  await expect(console.getByTestId('remote-pin')).toHaveText(/^\d{3} \d{3}$/);
  const { pin, url } = await readPairing(console);
  const phone = await openPage(browser, url, PHONE);
  await submitPin(phone, pin, 'Clock phone');
  await expect(phone.getByTestId('remote-next')).toBeVisible();
  if (lang !== 'en') {
    await phone.getByRole('combobox', { name: 'Language' }).selectOption(lang);
  }
  return phone;
}

/** The display's counter reads the number the case's dates make today (real time). */
async function expectRightCount(display: Page) {
  const days = expectedDays(caseFile, localDay(Date.now()));
  await expect(display.getByTestId('days-behind-bars').locator('.case-days-number')).toHaveText(
    new Intl.NumberFormat('en').format(days),
  );
}

test('the phone remote offers its time: the counter is right and the banner goes', async ({
  browser,
}) => {
  const display = await openDisplay(browser);
  // Six years back is before the arrest: no number rather than a wrong one.
  await expect(display.getByTestId('days-behind-bars')).toHaveCount(0);
  const console = await openConsole(browser);
  const phone = await pairPhone(browser, console);

  const prompt = phone.getByTestId('remote-clock-prompt');
  await expect(prompt).toBeVisible();
  const screenYear = String(new Date(Date.now() - 6 * 365 * DAY).getFullYear());
  await expect(prompt).toContainText(screenYear);
  await expect(prompt).toContainText(String(new Date().getFullYear()));
  await phone.screenshot({ path: screenshotPath('remote-clock-prompt-en.png') });

  await phone.getByRole('button', { name: 'Use my phone’s time' }).tap();
  await expectRightCount(display);
  await expect(prompt).toHaveCount(0);
  await expect(phone.getByTestId('remote-clock-set')).toContainText(/\+2,19\d days/);
  await phone.screenshot({ path: screenshotPath('remote-clock-set-en.png') });
  // The console no longer warns that the counts are wrong: it says a clock set by hand is used.
  await expect(console.getByTestId('clock-banner')).not.toContainText('the day counts are wrong');
  await expect(console.getByTestId('clock-banner')).toContainText('set by hand');
});

test('the console’s own button sets the clock too', async ({ browser }) => {
  const display = await openDisplay(browser);
  const console = await openConsole(browser);
  await console.getByRole('button', { name: 'Use this computer’s time' }).click();
  await expectRightCount(display);
  await expect(console.getByTestId('clock-banner')).toContainText('set by hand');
});

test('a phone with a wrong clock is refused, in its language, and the show goes on', async ({
  browser,
}) => {
  const display = await openDisplay(browser);
  const console = await openConsole(browser);
  // A phone whose own clock is also years behind.
  const context = await browser.newContext(PHONE);
  const phone = await context.newPage();
  await phone.clock.install({ time: new Date(Date.now() - 5 * 365 * DAY) });
  await console.getByTestId('remote-toggle').click();
  await expect(console.getByTestId('remote-pin')).toHaveText(/^\d{3} \d{3}$/);
  const { pin, url } = await readPairing(console);
  await phone.goto(url);
  await submitPin(phone, pin, 'Wrong phone');
  await expect(phone.getByTestId('remote-next')).toBeVisible();
  await phone.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await phone.screenshot({ path: screenshotPath('remote-clock-prompt-fr.png') });

  await phone.getByTestId('remote-clock-use').tap();
  const problem = phone.getByTestId('remote-clock-problem');
  await expect(problem).toContainText('précède la date la plus récente du pack');
  await expect(problem).not.toContainText('before the pack');
  await phone.screenshot({ path: screenshotPath('remote-clock-refused-fr.png') });

  // Over the socket, a time before the pack's dates and one far ahead: refused, the show runs.
  for (const now of [Date.now() - 3 * 365 * DAY, Date.now() + 15 * 365 * DAY, 0]) {
    const result = await operator.send({ name: 'setShowClock', now });
    expect(result.ok).toBe(false);
  }
  expect(operator.show().clock).toMatchObject({ offsetMs: 0, machineClockBehind: true });
  await expect(display.getByTestId('days-behind-bars')).toHaveCount(0);
  await expect(phone.getByTestId('remote-clock-prompt')).toBeVisible();
  expect(await operator.send({ name: 'next' })).toMatchObject({ ok: true });
});

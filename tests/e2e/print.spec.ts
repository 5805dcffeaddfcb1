import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { builtInPackInFolder } from '../helpers/pack-copy';
import { serve } from '../helpers/serve';
import { screenshotPath } from '../helpers/display';

/**
 * `npm run print` end to end: the CLI starts the core, prints the page in the system Chromium,
 * and the PDF is checked the way a print shop would see it: its size and pages (pdfinfo), its
 * words (pdftotext), and every QR code decoded from a 150 dpi picture (pdftoppm) to the exact
 * tagged link. Nothing may be drawn in the outer band a guillotine cuts off.
 */
const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
const DPI = 150;
/** The band at each edge that must stay white (the layout keeps 8 mm; a printer eats ~5). */
const BAND_MM = 5;
const px = (mm: number) => Math.round((mm / 25.4) * DPI);

// The tag the solidarity day gets in this test's pack, and so every link printed for it.
const EVENT_TAG = 'utm_source=screens&utm_medium=poster&utm_campaign=solidarity-day';
const TAGGED_SITE = `https://freeboris.info/?${EVENT_TAG}`;

let root: string;
let packDir: string;

test.beforeAll(() => {
  ({ root, packDir } = builtInPackInFolder('print-e2e-'));
  const action = join(packDir, 'actions/free-boris-site.yaml');
  writeFileSync(action, readFileSync(action, 'utf8').replace('tagLink: false', 'tagLink: true'));
  const event = join(packDir, 'events/solidarity-day-boris-2023.yaml');
  writeFileSync(
    event,
    `${readFileSync(event, 'utf8')}url: https://freeboris.info/day\ncampaignTag:\n  source: screens\n  medium: poster\n  campaign: solidarity-day\n`,
  );
});

test.afterAll(() => rmSync(root, { recursive: true, force: true }));

function print(args: string[]): { pdf: string } {
  const out = join(mkdtempSync(join(root, 'out-')), 'print.pdf');
  const result = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/main/cli.ts', 'print', '--content', packDir, '--out', out, ...args],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  expect(result).toContain(out);
  return { pdf: out };
}

function pdfInfo(pdf: string) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  const mm = (pts: string) => Math.round((Number(pts) / 72) * 25.4);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1]),
    widthMm: mm(size[1]!),
    heightMm: mm(size[2]!),
  };
}

function pagePngs(pdf: string): PNG[] {
  const dir = mkdtempSync(join(tmpdir(), 'print-png-'));
  execFileSync('pdftoppm', ['-r', String(DPI), '-png', pdf, join(dir, 'page')]);
  const pngs = readdirSync(dir)
    .sort()
    .map((file) => PNG.sync.read(readFileSync(join(dir, file))));
  rmSync(dir, { recursive: true, force: true });
  return pngs;
}

/** The region of one copy on the sheet, as its own picture, for jsQR (one code per picture). */
function crop(png: PNG, x: number, y: number, width: number, height: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const start = ((y + row) * png.width + x) * 4;
    data.set(png.data.subarray(start, start + width * 4), row * width * 4);
  }
  return data;
}

/** Every copy's QR code, copy by copy over a columns × rows grid. */
function decodeCopies(png: PNG, columns: number, rows: number): (string | undefined)[] {
  const width = Math.floor(png.width / columns);
  const height = Math.floor(png.height / rows);
  const found: (string | undefined)[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const data = crop(png, column * width, row * height, width, height);
      found.push(jsQR(data, width, height)?.data);
    }
  }
  return found;
}

/** Pixels in the outer band that are not white: text or lines a cut would slice. */
function inkInOuterBand(png: PNG): number {
  const band = px(BAND_MM);
  let ink = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if (x >= band && x < png.width - band && y >= band && y < png.height - band) continue;
      const i = (y * png.width + x) * 4;
      if (png.data[i]! < 245 || png.data[i + 1]! < 245 || png.data[i + 2]! < 245) ink++;
    }
  }
  return ink;
}

function text(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

test.describe('npm run print', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a case as an A4 poster in French: one A4 page, its QR opens the case link', () => {
    const { pdf } = print(['--item', 'boris-kagarlitsky', '--format', 'a4', '--lang', 'fr']);
    expect(pdfInfo(pdf)).toEqual({ pages: 1, widthMm: 210, heightMm: 297 });
    const [page] = pagePngs(pdf);
    expect(decodeCopies(page!, 1, 1)).toEqual(['https://freeboris.info/']);
    expect(inkInOuterBand(page!)).toBe(0);
    const words = text(pdf);
    expect(words).toContain('BORIS KAGARLITSKY');
    // pdftotext -layout may wrap the caption under the code: compare the words, not the lines.
    expect(words.replace(/\s+/g, ' ')).toContain('Scannez avec votre téléphone');
    expect(words).not.toContain('Scan with your phone');
  });

  test('an action as A6 flyers, four to an A4 sheet, each QR tagged for the event', () => {
    const { pdf } = print([
      '--item',
      'free-boris-site',
      '--format',
      'a6',
      '--lang',
      'ru',
      '--event',
      'solidarity-day-boris-2023',
    ]);
    expect(pdfInfo(pdf)).toEqual({ pages: 1, widthMm: 210, heightMm: 297 });
    const [page] = pagePngs(pdf);
    expect(decodeCopies(page!, 2, 2)).toEqual([TAGGED_SITE, TAGGED_SITE, TAGGED_SITE, TAGGED_SITE]);
    expect(inkInOuterBand(page!)).toBe(0);
    expect(text(pdf)).toContain('КАМПАНИЯ В ПОДДЕРЖКУ');
  });

  test('an event as a table tent: two faces, the upper one upside down, both scan', () => {
    const { pdf } = print([
      '--item',
      'solidarity-day-boris-2023',
      '--format',
      'tent',
      '--lang',
      'en',
    ]);
    expect(pdfInfo(pdf)).toEqual({ pages: 1, widthMm: 210, heightMm: 297 });
    const [page] = pagePngs(pdf);
    expect(decodeCopies(page!, 1, 2)).toEqual([
      'https://freeboris.info/day',
      'https://freeboris.info/day',
    ]);
    expect(inkInOuterBand(page!)).toBe(0);
  });

  test('two languages side by side on an A3 poster, with one tagged QR code', () => {
    const { pdf } = print([
      '--item',
      'free-boris-site',
      '--format',
      'a3',
      '--lang',
      'fr',
      '--lang',
      'en',
      '--event',
      'solidarity-day-boris-2023',
    ]);
    expect(pdfInfo(pdf)).toEqual({ pages: 1, widthMm: 297, heightMm: 420 });
    const [page] = pagePngs(pdf);
    expect(decodeCopies(page!, 1, 1)).toEqual([TAGGED_SITE]);
    expect(inkInOuterBand(page!)).toBe(0);
    const words = text(pdf);
    // Side by side: pdftotext -layout puts both columns on each line.
    expect(words).toMatch(/LA CAMPAGNE\s+THE CAMPAIGN/);
    // The leads wrap by column: each language's words are there, in its own column.
    const flat = words.replace(/\s+/g, ' ');
    expect(flat).toContain('Informez-vous sur son');
    expect(flat).toContain('Learn more about his case');
  });

  test('a sensitive item prints, and the CLI says it is marked sensitive', () => {
    const out = join(mkdtempSync(join(root, 'out-')), 'print.pdf');
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/main/cli.ts',
        'print',
        '--content',
        packDir,
        '--out',
        out,
        '--item',
        'boris-kagarlitsky',
        '--format',
        'a5',
        '--lang',
        'en',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('"boris-kagarlitsky" is marked sensitive');
    expect(pdfInfo(out)).toEqual({ pages: 1, widthMm: 297, heightMm: 210 });
    expect(decodeCopies(pagePngs(out)[0]!, 2, 1)).toEqual([
      'https://freeboris.info/',
      'https://freeboris.info/',
    ]);
  });

  test('a missing Chromium: a clear message naming what to install', () => {
    const result = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/main/cli.ts',
        'print',
        '--content',
        packDir,
        '--out',
        join(root, 'x.pdf'),
        '--item',
        'boris-kagarlitsky',
        '--format',
        'a4',
        '--chromium',
        '/nowhere/chromium',
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('sudo apt install chromium');
  });
});

test.describe('the print page in a browser', () => {
  test('with the operator token: the sheet, the sensitive note and the print button; without: nothing of the pack', async ({
    page,
  }) => {
    const server = await serve({ content: packDir });
    try {
      const operator = new URL(server.urls.operator);
      const token = operator.searchParams.get('token')!;
      const printUrl = (query: string) => `${operator.origin}/print?${query}`;

      await page.goto(printUrl('item=boris-kagarlitsky&format=a4&lang=fr'));
      // No token, no socket: the page waits for a pack that never comes.
      await expect(page.getByText('Préparation de la page…')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expect(page.getByText('Kagarlitsky', { exact: false })).toHaveCount(0);
      await expect(page.locator('html')).not.toHaveAttribute('data-print-ready', 'true');

      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(printUrl(`token=${token}&item=boris-kagarlitsky&format=a4&lang=fr`));
      await expect(page.locator('html')).toHaveAttribute('data-print-ready', 'true');
      await expect(page.getByRole('button', { name: 'Imprimer / PDF' })).toBeVisible();
      await expect(
        page.getByText('Cet élément est marqué sensible', { exact: false }),
      ).toBeVisible();
      await page.screenshot({ path: 'test-results/print-page-fr.png' });
    } finally {
      await server.stop();
    }
  });
});

test.describe('Print… from the console’s Content tab', () => {
  test.describe.configure({ timeout: 90_000 });

  async function openItemInConsole(page: import('@playwright/test').Page, url: string, id: string) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(url);
    await expect(page.getByTestId('connection')).toHaveText(/Connected/);
    await page.getByTestId('tab-content').click();
    await page.getByTestId(`open-${id}`).click();
    await expect(page.getByTestId('item-page')).toHaveAttribute('data-item-id', id);
  }

  test('a case as A6 flyers in French: the dialog says it is sensitive, the new tab has four QR codes', async ({
    page,
    context,
  }) => {
    const server = await serve({ content: packDir });
    try {
      await openItemInConsole(page, server.urls.operator, 'boris-kagarlitsky');
      await page.getByTestId('open-print').click();
      const dialog = page.getByTestId('print-dialog');
      await expect(dialog.getByRole('alert')).toContainText('marked sensitive');
      await dialog.getByLabel('A6 flyers, 4 per sheet').check();
      await dialog.getByLabel('Language', { exact: true }).selectOption('fr');
      await page.screenshot({ path: screenshotPath('console-print-dialog.png') });

      const [printPage] = await Promise.all([
        context.waitForEvent('page'),
        dialog.getByRole('button', { name: 'Open print page' }).click(),
      ]);
      await printPage.waitForLoadState();
      const url = new URL(printPage.url());
      expect(url.pathname).toBe('/print');
      expect(url.searchParams.get('token')).toBe(
        new URL(server.urls.operator).searchParams.get('token'),
      );
      await expect(printPage.locator('html')).toHaveAttribute('data-print-ready', 'true');
      const codes = printPage.locator('svg[data-qr-value]');
      await expect(codes).toHaveCount(4);
      for (const code of await codes.all()) {
        await expect(code).toHaveAttribute('data-qr-value', 'https://freeboris.info/');
      }
      await expect(printPage.getByText('Scannez avec votre téléphone').first()).toBeVisible();
      await expect(printPage.getByText('Scan with your phone')).toHaveCount(0);
      await printPage.close();
    } finally {
      await server.stop();
    }
  });

  test('an action for the event, two languages side by side: every QR code carries the event’s tag', async ({
    page,
    context,
  }) => {
    const server = await serve({ content: packDir });
    try {
      await openItemInConsole(page, server.urls.operator, 'free-boris-site');
      await page.getByTestId('open-print').click();
      const dialog = page.getByTestId('print-dialog');
      // The pack's site action says `sensitive: true`: the dialog says so too.
      await expect(dialog.getByRole('alert')).toContainText('marked sensitive');
      await dialog.getByLabel('A3 poster').check();
      await dialog.getByLabel('Language', { exact: true }).selectOption('fr');
      await dialog.getByLabel('Second language, side by side').selectOption('en');
      await dialog
        .getByLabel('For the event (campaign tag)')
        .selectOption('solidarity-day-boris-2023');
      const [printPage] = await Promise.all([
        context.waitForEvent('page'),
        dialog.getByRole('button', { name: 'Open print page' }).click(),
      ]);
      await expect(printPage.locator('html')).toHaveAttribute('data-print-ready', 'true');
      const codes = printPage.locator('svg[data-qr-value]');
      await expect(codes).toHaveCount(1);
      await expect(codes).toHaveAttribute('data-qr-value', TAGGED_SITE);
      await expect(printPage.locator('.print-column[lang="fr"]')).toBeVisible();
      await expect(printPage.locator('.print-column[lang="en"]')).toBeVisible();
      await printPage.close();
    } finally {
      await server.stop();
    }
  });
});

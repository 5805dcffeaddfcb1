import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { openView, overflowProblems, waitForSlide, withQuery } from '../helpers/display';
import { connectOperator } from '../helpers/operator';
import { builtInPack, repoRoot, serve } from '../helpers/serve';

/*
 * Text fits automatically: at every size a venue screen comes in, in every language of the
 * pack, no element with text has content sticking out of its box or off the screen.
 */

const viewports = [
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
  { width: 1080, height: 1920 },
  { width: 1024, height: 768 },
];
const languages = ['ru', 'fr', 'en'];

const packs = [
  { name: 'the built-in pack', dir: builtInPack },
  { name: 'the e2e extras pack', dir: resolve(repoRoot, 'tests/fixtures/e2e/extras') },
];

for (const { name, dir } of packs) {
  test(`no text overflows on any slide of ${name}, at four sizes, in ru, fr and en`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const served = await serve({ content: dir });
    const operator = await connectOperator(served.urls.operator);
    // Without the cross-fade each slide is measured as soon as it is up.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const problems: string[] = [];
    try {
      await operator.send({ name: 'pause' });
      const order = [...new Set(operator.show().order)];
      expect(order.length).toBeGreaterThan(2);
      for (const viewport of viewports) {
        await page.setViewportSize(viewport);
        for (const language of languages) {
          await openView(page, withQuery(served.urls.display, { lang: language }));
          for (const itemId of order) {
            expect(await operator.send({ name: 'goTo', itemId })).toMatchObject({ ok: true });
            await waitForSlide(page, itemId);
            expect(await page.evaluate<string>('document.documentElement.lang')).toBe(language);
            for (const problem of await overflowProblems(page)) {
              problems.push(
                `${viewport.width}x${viewport.height} ${language} ${itemId}: ${problem}`,
              );
            }
          }
        }
      }
    } finally {
      operator.close();
      await served.stop();
    }
    expect(problems).toEqual([]);
  });
}

test('the bundled fonts have Cyrillic, Ukrainian and Belarusian letters included', async ({
  page,
}) => {
  const served = await serve();
  try {
    await openView(page, served.urls.display);
    await waitForSlide(page, 'boris-kagarlitsky');
    const letters = 'ґєіїўҐЄІЇЎёЁйЙ';
    for (const font of ['700 40px Oswald', '500 40px Oswald', '400 40px Inter', '600 40px Inter']) {
      // Loads the faces that cover these letters (by unicode-range), then asks whether the
      // letters are covered by loaded faces: false if a range or a file were missing.
      const covered = await page.evaluate<boolean>(
        `document.fonts.load(${JSON.stringify(font)}, ${JSON.stringify(letters)}).then(
          (faces) => faces.length > 0 && document.fonts.check(${JSON.stringify(font)}, ${JSON.stringify(letters)}))`,
      );
      expect(covered, font).toBe(true);
      // And each glyph really is in the font: with two different fallbacks behind it, the
      // text measures the same only if no letter falls through to them.
      const widths = await page.evaluate<number[]>(
        `['serif', 'monospace'].map((fallback) => {
          const span = document.createElement('span');
          span.style.font = ${JSON.stringify(font)} + ', ' + fallback;
          span.style.position = 'absolute';
          span.textContent = ${JSON.stringify(letters)};
          document.body.append(span);
          const width = span.getBoundingClientRect().width;
          span.remove();
          return width;
        })`,
      );
      expect(widths[0], font).toBeCloseTo(widths[1]!, 1);
    }
  } finally {
    await served.stop();
  }
});

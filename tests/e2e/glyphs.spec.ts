import { expect, test, type Page } from '@playwright/test';
import { openView, screenshotPath, waitForSlide, withQuery } from '../helpers/display';
import { serve, type Served } from '../helpers/serve';

/*
 * What the bundled fonts draw, measured in Chromium: the French thousands separator is a real
 * gap, and accented capitals stay inside their own line of a heading.
 */

let served: Served;
test.beforeAll(async () => {
  served = await serve();
});
test.afterAll(async () => {
  await served.stop();
});

async function openFrenchCase(page: Page) {
  await openView(page, withQuery(served.urls.display, { lang: 'fr' }));
  await waitForSlide(page, 'boris-kagarlitsky');
}

test('the French thousands separator (U+202F) is a visible gap in the counter and in every display font', async ({
  page,
}) => {
  await openFrenchCase(page);
  const formatted = new Intl.NumberFormat('fr').format(1011);
  // The premise: French groups thousands with a narrow no-break space, not a plain one.
  expect(formatted).toBe('1\u202f011');
  const gaps = await page.evaluate<{ font: string; size: number; gap: number }[]>(`(async () => {
    const counter = document.querySelector('.case-days-number');
    if (!counter) throw new Error('no .case-days-number on the case slide');
    const style = getComputedStyle(counter);
    const root = getComputedStyle(document.documentElement);
    const fonts = [
      { font: [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(' '), numeric: style.fontVariantNumeric },
      ...['500', '700'].map((w) => ({ font: w + ' 100px ' + root.getPropertyValue('--font-heading'), numeric: 'tabular-nums' })),
      ...['400', '600'].map((w) => ({ font: w + ' 100px ' + root.getPropertyValue('--font-body'), numeric: 'normal' })),
    ];
    const width = (font, numeric, text) => {
      const span = document.createElement('span');
      span.style.font = font;
      span.style.fontVariantNumeric = numeric;
      span.style.position = 'absolute';
      span.style.whiteSpace = 'pre';
      span.textContent = text;
      document.body.append(span);
      const result = { width: span.getBoundingClientRect().width, size: parseFloat(getComputedStyle(span).fontSize) };
      span.remove();
      return result;
    };
    const results = [];
    for (const { font, numeric } of fonts) {
      await document.fonts.load(font, ${JSON.stringify(formatted)});
      const plain = width(font, numeric, '1011');
      const grouped = width(font, numeric, ${JSON.stringify(formatted)});
      results.push({ font, size: plain.size, gap: grouped.width - plain.width });
    }
    return results;
  })()`);
  for (const { font, size, gap } of gaps) {
    // At least a six-per-em space: half of Oswald's word space (what Chromium draws when the
    // font lacks U+202F) is 0.13em and reads as "1011" between tabular digits.
    expect(gap / size, `the gap in "${formatted}" set in ${font}`).toBeGreaterThanOrEqual(1 / 6);
  }
  await page.locator('.case-days').screenshot({ path: screenshotPath('glyphs-fr-counter.png') });
});

/** Two-line headings in every Oswald heading style of the slides, with accents on line two. */
const HEADING_STYLES = [
  '<h1 class="heading">',
  '<h2 class="action-title">',
  '<h2 class="song-title">',
  '<h2 class="event-title">',
  '<h2 class="case-name">',
  '<h2 class="statement-title">',
  '<div class="statement-slogan"><div class="statement-text"><p>',
];
const LINE_PAIRS: [string, string][] = [
  ['SIGNEZ', 'PÉTITION'],
  ['КАЖДЫЙ', 'ЙОД'],
  ['ÉÈÊ', 'ÅÁ'],
  ['ЩОДНЯ', 'ЇЖАК'],
];

interface LineCheck {
  style: string;
  lines: string;
  lineTop: number;
  accentTop: number;
  descenderBottom: number;
}

test('accents over capitals stay inside their line of a heading and clear the line above', async ({
  page,
}) => {
  await openFrenchCase(page);
  const checks = await page.evaluate<LineCheck[]>(`(async () => {
    const styles = ${JSON.stringify(HEADING_STYLES)};
    const pairs = ${JSON.stringify(LINE_PAIRS)};
    document.getElementById('root').style.display = 'none';
    const display = document.createElement('div');
    display.className = 'display';
    const slide = document.createElement('div');
    slide.className = 'slide';
    slide.style.display = 'flex';
    slide.style.flexWrap = 'wrap';
    slide.style.alignContent = 'flex-start';
    slide.style.gap = '8px 40px';
    display.append(slide);
    document.body.append(display);
    const results = [];
    const cases = [];
    for (const opening of styles) {
      for (const [first, second] of pairs) {
        const holder = document.createElement('div');
        holder.innerHTML = opening;
        let outer = holder.firstElementChild;
        let element = outer;
        while (element.firstElementChild) element = element.firstElementChild;
        // The slide sizes headings by their fit region; fixed here so all fit the screen.
        element.style.fontSize = '44px';
        const markers = [first, second].map((text) => {
          const marker = document.createElement('span');
          marker.style.display = 'inline-block';
          marker.style.width = '0';
          marker.style.height = '0';
          element.append(marker, text);
          return marker;
        });
        element.insertBefore(document.createElement('br'), markers[1]);
        slide.append(outer);
        cases.push({ style: opening, element, markers, first, second });
      }
    }
    await document.fonts.ready;
    const fontOf = (computed) => [computed.fontStyle, computed.fontWeight, computed.fontSize, computed.fontFamily].join(' ');
    for (const { element, first, second } of cases) {
      await document.fonts.load(fontOf(getComputedStyle(element)), first + second);
    }
    const context = document.createElement('canvas').getContext('2d');
    for (const { style, element, markers, first, second } of cases) {
      const computed = getComputedStyle(element);
      // Measured ten times larger: canvas rounds glyph bounds to whole pixels.
      context.font = [computed.fontStyle, computed.fontWeight, parseFloat(computed.fontSize) * 10 + 'px', computed.fontFamily].join(' ');
      const ascent = (text) => context.measureText(text).actualBoundingBoxAscent / 10;
      const descent = (text) => context.measureText(text).actualBoundingBoxDescent / 10;
      // An empty inline-block sits on the baseline: its bottom is the line's baseline.
      const [baseline1, baseline2] = markers.map((m) => m.getBoundingClientRect().bottom);
      const contentTop = element.getBoundingClientRect().top + parseFloat(computed.borderTopWidth) + parseFloat(computed.paddingTop);
      const lineHeight = baseline2 - baseline1;
      results.push({
        style,
        lines: first + ' / ' + second,
        lineTop: contentTop + lineHeight,
        accentTop: baseline2 - ascent(second),
        descenderBottom: baseline1 + descent(first),
      });
    }
    return results;
  })()`);
  expect(checks.length).toBe(HEADING_STYLES.length * LINE_PAIRS.length);
  const problems = checks.flatMap(({ style, lines, lineTop, accentTop, descenderBottom }) => {
    const where = `${style} ${lines}`;
    const found: string[] = [];
    // Half a pixel for rounding of the line box to device pixels.
    if (accentTop < lineTop - 0.5) {
      found.push(
        `${where}: the accents rise ${(lineTop - accentTop).toFixed(1)}px above their line`,
      );
    }
    if (descenderBottom > lineTop + 0.5) {
      found.push(
        `${where}: the line above reaches ${(descenderBottom - lineTop).toFixed(1)}px into the next`,
      );
    }
    if (accentTop <= descenderBottom) {
      found.push(`${where}: the accents touch the line above`);
    }
    return found;
  });
  await page.screenshot({ path: screenshotPath('glyphs-heading-lines.png') });
  expect(problems).toEqual([]);
});

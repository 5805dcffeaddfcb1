import { describe, expect, it } from 'vitest';
import {
  contentFits,
  createFitMemory,
  fitElements,
  fitInSteps,
  guessScale,
  hashText,
} from '../../../../src/renderer/fit/fit';
import { fitElement, fitScale } from './run-fit';

describe('fitScale', () => {
  it('keeps the designed size when the text fits', () => {
    expect(fitScale(() => true, { min: 0.2, max: 1 })).toEqual({ scale: 1, fits: true });
  });

  it('finds the largest scale that fits, within the precision', () => {
    // Content that fits up to a scale of 0.437.
    const tried: number[] = [];
    const result = fitScale(
      (scale) => {
        tried.push(scale);
        return scale <= 0.437;
      },
      { min: 0.2, max: 1, precision: 0.01 },
    );
    expect(result.fits).toBe(true);
    expect(result.scale).toBeLessThanOrEqual(0.437);
    expect(result.scale).toBeGreaterThan(0.437 - 0.01);
    // A binary search: a handful of layouts, not a hundred.
    expect(tried.length).toBeLessThanOrEqual(10);
  });

  it('with a good guess, gets there in fewer layouts, to the same answer', () => {
    const fits = (scale: number) => scale <= 0.437;
    let calls = 0;
    const counted = (scale: number) => {
      calls += 1;
      return fits(scale);
    };
    const result = fitScale(counted, { min: 0.2, max: 1.3 }, () => 0.45);
    expect(result.scale).toBeCloseTo(fitScale(fits, { min: 0.2, max: 1.3 }).scale, 1);
    expect(result.scale).toBeLessThanOrEqual(0.437);
    expect(calls).toBeLessThanOrEqual(7);
    // A wild guess still ends in the right place.
    expect(fitScale(fits, { min: 0.2, max: 1.3 }, () => 1.2).scale).toBeLessThanOrEqual(0.437);
    expect(fitScale(fits, { min: 0.2, max: 1.3 }, () => 0.21).scale).toBeGreaterThan(0.42);
  });

  it('says so when even the smallest scale overflows', () => {
    expect(fitScale(() => false, { min: 0.2, max: 1 })).toEqual({ scale: 0.2, fits: false });
  });
});

describe('contentFits', () => {
  it('compares both directions', () => {
    const box = { clientWidth: 100, clientHeight: 50 };
    expect(contentFits({ ...box, scrollWidth: 100, scrollHeight: 50 })).toBe(true);
    expect(contentFits({ ...box, scrollWidth: 101, scrollHeight: 50 })).toBe(false);
    expect(contentFits({ ...box, scrollWidth: 100, scrollHeight: 51 })).toBe(false);
  });
});

/** A box 300x200 whose text needs `need(scale, wrap)` px of height at a scale. */
function fakeBox(need: (scale: number, wrap: string | undefined) => number): HTMLElement {
  const element = document.createElement('div');
  const scale = () => Number(element.style.getPropertyValue('--fit') || 1);
  Object.defineProperties(element, {
    clientWidth: { get: () => 300 },
    clientHeight: { get: () => 200 },
    scrollWidth: { get: () => 300 },
    scrollHeight: { get: () => Math.max(200, need(scale(), element.dataset.fit)) },
  });
  return element;
}

describe('fitElement', () => {
  it('writes the fitted scale to --fit', () => {
    const element = fakeBox((scale) => 500 * scale);
    const result = fitElement(element, { min: 0.2, max: 1 });
    expect(result.fits).toBe(true);
    expect(Number(element.style.getPropertyValue('--fit'))).toBeCloseTo(0.4, 1);
    expect(Number(element.style.getPropertyValue('--fit'))).toBeLessThanOrEqual(0.4);
    expect(element.dataset.fit).toBe('normal');
  });

  it('lets words break anywhere only when shrinking alone cannot make it fit', () => {
    // A word wider than the box at any size: only breaking it helps.
    const element = fakeBox((scale, wrap) => (wrap === 'anywhere' ? 300 * scale : 10_000));
    const result = fitElement(element, { min: 0.2, max: 1 });
    expect(result.fits).toBe(true);
    expect(element.dataset.fit).toBe('anywhere');
    expect(Number(element.style.getPropertyValue('--fit'))).toBeGreaterThan(0.6);
  });

  it('marks a box that cannot be made to fit', () => {
    const element = fakeBox(() => 10_000);
    expect(fitElement(element, { min: 0.2, max: 1 }).fits).toBe(false);
    expect(element.dataset.fit).toBe('overflow');
  });
});

/**
 * A text box as the display has them: lines of a fixed number of characters at full size, each
 * line as high as the type, and a word that cannot wrap below its own width. Height grows
 * with the square of the scale, in steps, as lines wrap.
 */
function simulatedText(chars: number, box: { width: number; height: number }) {
  return (scale: number) => {
    const charWidth = 30 * scale;
    const perLine = Math.max(1, Math.floor(box.width / charWidth));
    const lines = Math.ceil(chars / perLine);
    const longestWord = 12 * charWidth;
    return {
      clientWidth: box.width,
      clientHeight: box.height,
      scrollWidth: Math.max(box.width, Math.ceil(longestWord)),
      scrollHeight: Math.max(box.height, Math.ceil(lines * 60 * scale)),
    };
  };
}

describe('fitScale on simulated text, with the overflow estimate', () => {
  it('finds the largest fitting scale in about five layouts', () => {
    let total = 0;
    let cases = 0;
    for (let chars = 40; chars <= 1200; chars += 37) {
      for (const box of [
        { width: 1600, height: 700 },
        { width: 900, height: 1500 },
        { width: 700, height: 400 },
      ]) {
        const sizes = simulatedText(chars, box);
        const fitsAt = (scale: number) => contentFits(sizes(scale));
        let layouts = 0;
        const result = fitScale(
          (scale) => {
            layouts += 1;
            return fitsAt(scale);
          },
          { min: 0.2, max: 1.3 },
          (scale) => guessScale(sizes(scale), scale),
        );
        if (!result.fits) continue;
        // Correct: it fits, and one step of precision more does not (or it is the maximum).
        expect(fitsAt(result.scale)).toBe(true);
        if (result.scale < 1.3) expect(fitsAt(result.scale + 0.01)).toBe(false);
        total += layouts;
        cases += 1;
      }
    }
    expect(cases).toBeGreaterThan(50);
    expect(total / cases).toBeLessThan(6);
  });

  it('still ends in the right place when the estimate is useless', () => {
    const fits = (scale: number) => scale <= 0.6;
    for (const estimate of [() => Number.NaN, () => 5, () => 0, (s: number) => s]) {
      const result = fitScale(fits, { min: 0.2, max: 1.3 }, estimate);
      expect(result.scale).toBeLessThanOrEqual(0.6);
      expect(result.scale).toBeGreaterThan(0.59);
    }
  });
});

describe('fitElement with a memory', () => {
  /** A fake box that counts its layouts (reads of scrollHeight). */
  function countedBox(need: (scale: number) => number, size = { width: 300, height: 200 }) {
    const element = document.createElement('div');
    element.className = 'fit case-main';
    element.innerHTML = '<h1>Boris Kagarlitsky</h1><p>Sentenced to five years.</p>';
    let layouts = 0;
    const scale = () => Number(element.style.getPropertyValue('--fit') || 1);
    Object.defineProperties(element, {
      clientWidth: { get: () => size.width },
      clientHeight: { get: () => size.height },
      scrollWidth: { get: () => size.width },
      scrollHeight: {
        get: () => {
          layouts += 1;
          return Math.max(size.height, need(scale()));
        },
      },
    });
    return { element, layouts: () => layouts };
  }

  it('fits a box it has seen before with one check, to the same scale', () => {
    const memory = createFitMemory();
    const first = countedBox((scale) => 500 * scale);
    const searched = fitElement(first.element, { min: 0.2, max: 1 }, memory);
    expect(first.layouts()).toBeGreaterThan(2);
    const again = countedBox((scale) => 500 * scale);
    expect(fitElement(again.element, { min: 0.2, max: 1 }, memory)).toEqual(searched);
    expect(again.layouts()).toBe(1);
    expect(again.element.style.getPropertyValue('--fit')).toBe(
      first.element.style.getPropertyValue('--fit'),
    );
  });

  it('searches again when the remembered scale would overflow, or the box has another size', () => {
    const memory = createFitMemory();
    fitElement(countedBox((scale) => 500 * scale).element, { min: 0.2, max: 1 }, memory);
    // The same markup needing more room (another font arrived): it must not overflow.
    const bigger = countedBox((scale) => 800 * scale);
    const result = fitElement(bigger.element, { min: 0.2, max: 1 }, memory);
    expect(result.scale).toBeLessThanOrEqual(0.25);
    expect(result.scale).toBeGreaterThan(0.24);
    // The same markup in a taller box: it may grow.
    const taller = countedBox((scale) => 500 * scale, { width: 300, height: 400 });
    expect(fitElement(taller.element, { min: 0.2, max: 1 }, memory).scale).toBeGreaterThan(0.79);
  });

  it('forgets the oldest boxes past its limit', () => {
    const memory = createFitMemory(2);
    for (const text of ['one', 'two', 'three']) {
      const box = countedBox((scale) => 500 * scale);
      box.element.innerHTML = text;
      fitElement(box.element, { min: 0.2, max: 1 }, memory);
    }
    expect(memory.size).toBe(2);
  });
});

/**
 * Boxes on one fake page that lays out like a browser: writing a box's --fit makes the page
 * dirty, and the next read of any size lays it out (counted) once.
 */
function fakePage() {
  let dirty = true;
  let layouts = 0;
  const read = () => {
    if (dirty) {
      layouts += 1;
      dirty = false;
    }
  };
  const box = (need: (scale: number) => number) => {
    const element = document.createElement('div');
    const scale = () => Number(element.style.getPropertyValue('--fit') || 1);
    const setProperty = element.style.setProperty.bind(element.style);
    element.style.setProperty = (...args: Parameters<typeof setProperty>) => {
      dirty = true;
      setProperty(...args);
    };
    Object.defineProperties(element, {
      clientWidth: { get: () => (read(), 300) },
      clientHeight: { get: () => (read(), 200) },
      scrollWidth: { get: () => (read(), 300) },
      scrollHeight: { get: () => (read(), Math.max(200, need(scale()))) },
    });
    return element;
  };
  return { box, layouts: () => layouts };
}

describe('fitElements', () => {
  const range = { min: 0.2, max: 1.3 };
  const needs = [(s: number) => 500 * s * s, (s: number) => 900 * s, (s: number) => 150 * s];

  it('fits several boxes in step: as many layouts as the longest search, not the sum', () => {
    const alone = needs.map((need) => {
      const page = fakePage();
      const result = fitElement(page.box(need), range);
      return { result, layouts: page.layouts() };
    });
    const page = fakePage();
    const together = fitElements(needs.map((need) => ({ element: page.box(need), range })));
    expect(together).toEqual(alone.map((a) => a.result));
    const sum = alone.reduce((total, a) => total + a.layouts, 0);
    const longest = Math.max(...alone.map((a) => a.layouts));
    expect(page.layouts()).toBeLessThanOrEqual(longest + 1);
    expect(page.layouts()).toBeLessThan(sum);
  });

  it('yields before each layout, so the work can be spread over tasks', () => {
    const page = fakePage();
    const steps = fitInSteps(needs.map((need) => ({ element: page.box(need), range })));
    let yields = 0;
    let step = steps.next();
    while (!step.done) {
      const before = page.layouts();
      step = steps.next();
      // Each resumption runs at most one layout's worth of reads (plus the memory's last read).
      expect(page.layouts() - before).toBeLessThanOrEqual(1);
      yields += 1;
    }
    expect(yields).toBeGreaterThan(2);
    expect(step.value.every((result) => result.fits)).toBe(true);
  });
});

describe('hashText', () => {
  it('is short, stable, and tells apart texts that differ by one character or by order', () => {
    const texts = ['', 'a', 'b', 'ab', 'ba', 'Борис', 'Борис ', '<h1>Free them all</h1>'];
    const hashes = texts.map(hashText);
    expect(new Set(hashes).size).toBe(texts.length);
    expect(hashText('<h1>Free them all</h1>')).toBe(hashes[7]);
    expect(hashText('x'.repeat(10_000)).length).toBeLessThan(16);
  });
});

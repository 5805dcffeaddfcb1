import { describe, expect, it } from 'vitest';
import { contentFits, fitElement, fitScale } from '../../../../src/renderer/fit/fit';

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

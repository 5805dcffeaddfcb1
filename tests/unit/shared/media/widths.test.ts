import { describe, expect, it } from 'vitest';
import { MEDIA_WIDTHS, mediaWidthFor } from '../../../../src/shared/media/widths';

describe('MEDIA_WIDTHS', () => {
  it('is the five fixed steps, smallest first', () => {
    expect([...MEDIA_WIDTHS]).toEqual([640, 1280, 1920, 2560, 3840]);
  });
});

describe('mediaWidthFor', () => {
  it.each([
    [1, 640],
    [639, 640],
    [640, 640],
    [641, 1280],
    [1280, 1280],
    [1281, 1920],
    [1366, 1920],
    [1920, 1920],
    [1920.5, 2560],
    [2048, 2560],
    [2560, 2560],
    [2561, 3840],
    [3840, 3840],
  ])('rounds %d up to %d', (pixels, step) => {
    expect(mediaWidthFor(pixels)).toBe(step);
  });

  it.each([3841, 5120, 7680, 99_999, Number.MAX_SAFE_INTEGER])(
    'caps %d at the largest step',
    (pixels) => {
      expect(mediaWidthFor(pixels)).toBe(3840);
    },
  );

  it.each([0, -1, -5000, Number.NaN, Number.NEGATIVE_INFINITY])(
    'gives the smallest step for %d',
    (pixels) => {
      expect(mediaWidthFor(pixels)).toBe(640);
    },
  );

  it('always answers one of the steps', () => {
    for (let pixels = -10; pixels <= 5000; pixels += 7) {
      expect(MEDIA_WIDTHS).toContain(mediaWidthFor(pixels));
    }
  });

  // "The largest when none is at least that wide", +Infinity included.
  it('gives the largest step for +Infinity (none is that wide)', () => {
    expect(mediaWidthFor(Number.POSITIVE_INFINITY)).toBe(3840);
  });
});

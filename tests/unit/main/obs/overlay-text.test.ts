import { describe, expect, it } from 'vitest';
import { balanceLines, fontSize, shownSize } from '../../../../src/main/obs/overlay-text';

const canvas = { width: 1920, height: 1080 };

describe('native text sizes, after the overlay page', () => {
  it('uses the page’s type sizes, scaled to the canvas', () => {
    expect(fontSize('lyrics-text', canvas)).toBe(64);
    expect(fontSize('lyrics-translation-text', canvas)).toBe(38);
    expect(fontSize('lower-third-text', canvas)).toBe(66);
    expect(fontSize('lower-third-text', { width: 1280, height: 720 })).toBe(44);
  });

  it('shrinks a line only when it is longer than its band can hold', () => {
    expect(shownSize('lyrics-text', canvas, { width: 400, height: 80 })).toEqual({
      width: 400,
      height: 80,
    });
    const long = shownSize('lyrics-text', canvas, { width: 3008, height: 80 });
    expect(long.width).toBe(1504);
    expect(long.height).toBe(40);
  });

  it('breaks a long fact near its middle, and leaves a short one alone', () => {
    expect(balanceLines('Sentenced to five years')).toBe('Sentenced to five years');
    const long = 'Sentenced to five years in a penal colony for a post about the war in Ukraine';
    const [first, second] = balanceLines(long).split('\n');
    expect(`${first} ${second}`).toBe(long);
    expect(Math.abs((first?.length ?? 0) - (second?.length ?? 0))).toBeLessThan(12);
  });
});

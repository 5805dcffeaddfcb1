import { describe, expect, it } from 'vitest';
import { luminance, themeStyle } from '../../../../src/renderer/slides/theme';

describe('themeStyle', () => {
  it('puts white text on a dark accent and black on a light one', () => {
    const base = { background: '#111111', foreground: '#ffffff' };
    expect(themeStyle({ ...base, accent: '#e10600' })).toMatchObject({ '--on-accent': '#ffffff' });
    expect(themeStyle({ ...base, accent: '#ffcc00' })).toMatchObject({ '--on-accent': '#000000' });
  });

  it('reads short colours', () => {
    expect(luminance('#fff')).toBeCloseTo(1);
    expect(luminance('#000')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { fontFace, hexToObsColour } from '../../../../src/main/obs/overlay-look';

describe('native overlay look, after the overlay page', () => {
  it('uses the page’s fonts, except where OBS would draw nothing for a missing one', () => {
    expect(fontFace('lyrics-text', 'linux')).toBe('Oswald');
    expect(fontFace('lyrics-translation-text', 'windows')).toBe('Inter');
    expect(fontFace('lyrics-text', 'macos')).toBe('Helvetica');
  });

  it('turns the pack’s #rrggbb into OBS’s ABGR, opaque', () => {
    expect(hexToObsColour('#e10600')).toBe(0xff0006e1);
    expect(hexToObsColour('nonsense')).toBe(0xff0006e1);
  });
});

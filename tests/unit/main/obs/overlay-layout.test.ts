import { describe, expect, it } from 'vitest';
import {
  BOTTOM,
  LEFT,
  TOP,
  anchorPoint,
  balanceLines,
  fontFace,
  fontSize,
  hexToObsColour,
  panels,
  placePanel,
  qrBeside,
  shownSize,
} from '../../../../src/main/obs/overlay-layout';

const canvas = { width: 1920, height: 1080 };
const panel = (id: string) => {
  const found = panels.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('native overlay layout, after the overlay page', () => {
  it('uses the page’s type sizes, scaled to the canvas', () => {
    expect(fontSize('lyrics-text', canvas)).toBe(64);
    expect(fontSize('lyrics-translation-text', canvas)).toBe(38);
    expect(fontSize('lower-third-text', canvas)).toBe(66);
    expect(fontSize('lower-third-text', { width: 1280, height: 720 })).toBe(44);
  });

  it('uses the page’s fonts, except where OBS would draw nothing for a missing one', () => {
    expect(fontFace('lyrics-text', 'linux')).toBe('Oswald');
    expect(fontFace('lyrics-translation-text', 'windows')).toBe('Inter');
    expect(fontFace('lyrics-text', 'macos')).toBe('Helvetica');
  });

  it('centres the lyrics band on the canvas, 64 px up, padded like the page', () => {
    for (const width of [80, 700, 1400]) {
      const placed = placePanel(panel('lyrics'), canvas, {
        'lyrics-text': { width, height: 90 },
        'lyrics-translation-text': { width: 300, height: 50 },
      });
      if (!placed) throw new Error('not placed');
      const wider = Math.max(width, 300);
      expect(placed.band.width).toBe(wider + 96);
      expect(placed.band.x + placed.band.width / 2).toBeCloseTo(960, 0);
      expect(placed.band.y + placed.band.height).toBe(1080 - 64);
      expect(placed.band.height).toBe(14 + 90 + 4 + 50 + 18);
      expect(placed.lines['lyrics-text']).toEqual({
        positionX: 960,
        positionY: placed.band.y + 14,
      });
      expect(placed.lines['lyrics-translation-text']?.positionY).toBe(placed.band.y + 14 + 94);
      // A centred band stays put as it grows: its anchor is its bottom centre.
      expect(anchorPoint(placed.band, BOTTOM)).toEqual({ positionX: 960, positionY: 1016 });
    }
  });

  it('lifts the lyrics above the lower third, and puts the QR code at the band’s right end', () => {
    const sizes = { 'lyrics-text': { width: 400, height: 90 } };
    const lowerThird = { x: 110, y: 800, width: 900, height: 216 };
    const placed = placePanel(panel('lyrics'), canvas, sizes, { lowerThird });
    expect((placed?.band.y ?? 0) + (placed?.band.height ?? 0)).toBe(800 - 24);
    expect(qrBeside(lowerThird, canvas)).toEqual({ x: 1026, y: 800, width: 216, height: 216 });
    expect(placePanel(panel('lyrics'), canvas, {})).toBeNull();
  });

  it('the lower third: at least 216 px high, lines centred in it, the accent at its left edge', () => {
    const placed = placePanel(panel('lowerThird'), canvas, {
      'lower-third-text': { width: 500, height: 80 },
      'lower-third-fact-text': { width: 300, height: 40 },
    });
    if (!placed) throw new Error('not placed');
    expect(placed.accent).toEqual({ x: 96, y: 1080 - 64 - 216, width: 14, height: 216 });
    expect(placed.band).toEqual({ x: 110, y: 800, width: 32 + 500 + 44, height: 216 });
    const top = placed.lines['lower-third-text']?.positionY ?? 0;
    const block = 80 + 10 + 40;
    // Centred in the padded box, as the page's flex column does.
    expect(top - 800 - 18).toBeCloseTo((216 - 38 - block) / 2, 0);
    expect(placed.lines['lower-third-fact-text']).toEqual({ positionX: 142, positionY: top + 90 });
    expect(anchorPoint(placed.band, BOTTOM | LEFT)).toEqual({ positionX: 110, positionY: 1016 });
    expect(anchorPoint(placed.band, TOP | LEFT)).toEqual({ positionX: 110, positionY: 800 });
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

  it('turns the pack’s #rrggbb into OBS’s ABGR, opaque', () => {
    expect(hexToObsColour('#e10600')).toBe(0xff0006e1);
    expect(hexToObsColour('nonsense')).toBe(0xff0006e1);
  });
});

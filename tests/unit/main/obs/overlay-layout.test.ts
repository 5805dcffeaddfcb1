import { describe, expect, it } from 'vitest';
import { BOTTOM, LEFT, TOP, anchorPoint } from '../../../../src/main/obs/overlay-geometry';
import { placePanel, qrBeside } from '../../../../src/main/obs/overlay-layout';
import { panels } from '../../../../src/main/obs/overlay-panels';

const canvas = { width: 1920, height: 1080 };
const panel = (id: string) => {
  const found = panels.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('native overlay layout, after the overlay page', () => {
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
});

import { describe, expect, it } from 'vitest';
import {
  fitWarnings,
  readFittedBoxes,
  regionName,
} from '../../../../../../../src/renderer/views/operator/editor/preview/overflow-rule';

describe('what the preview says about fit', () => {
  it('names the language, the shape and the part that does not fit, worst first, once each', () => {
    const warnings = fitWarnings([
      {
        language: 'fr',
        shape: 'portrait',
        boxes: [
          { region: 'case-main', wrap: 'normal', scale: 0.3 },
          { region: 'case-main', wrap: 'overflow', scale: 0.2 },
          { region: 'lyrics-credits', wrap: 'anywhere', scale: 0.5 },
        ],
      },
      {
        language: 'en',
        shape: 'landscape',
        boxes: [{ region: 'case-main', wrap: 'normal', scale: 1 }],
      },
      {
        language: 'ru',
        shape: 'landscape',
        boxes: [{ region: 'statement-body', wrap: 'normal', scale: 0.31 }],
      },
    ]);
    expect(warnings.map((w) => [w.key, w.language, w.region, w.severity])).toEqual([
      ['preview.fit.tooLong.portrait', 'fr', 'main', 'error'],
      ['preview.fit.wordsBroken.portrait', 'fr', 'credits', 'warning'],
      ['preview.fit.small.landscape', 'ru', 'main', 'warning'],
    ]);
    expect(warnings[2]!.percent).toBe(31);
  });

  it('says nothing when every box fits at a readable size', () => {
    expect(
      fitWarnings([
        {
          language: 'en',
          shape: 'portrait',
          boxes: [{ region: 'event-main', wrap: 'normal', scale: 0.5 }],
        },
      ]),
    ).toEqual([]);
  });

  it('knows each slide region, and reads what fit.ts wrote', () => {
    expect(
      [
        'case-main',
        'statement-body',
        'lyrics-header',
        'lyrics-lines',
        'drawing-credit',
        'qr-caption',
        'x',
      ].map(regionName),
    ).toEqual(['main', 'main', 'header', 'lines', 'credits', 'caption', 'text']);
    const root = document.createElement('div');
    root.innerHTML =
      '<div class="fit case-main" data-fit="overflow" style="--fit: 0.200"></div><div class="fit qr-caption"></div>';
    expect(readFittedBoxes(root)).toEqual([
      { region: 'case-main', wrap: 'overflow', scale: 0.2 },
      { region: 'qr-caption', wrap: 'normal', scale: 1 },
    ]);
  });
});

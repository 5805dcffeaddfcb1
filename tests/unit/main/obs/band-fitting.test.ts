import { describe, expect, it } from 'vitest';
import { emptyOverlayState } from '../../../../src/main/obs/overlay-state';
import {
  FACT,
  LOWER,
  LOWER_ACCENT,
  LOWER_BAND,
  LYRICS,
  LYRICS_BAND,
  LYRICS_SUB,
  QR,
  caseOnAir,
  ready,
} from './sync-harness';

describe('fitting the bands to the text (through OverlaySync)', () => {
  it('centres each lyric line on the canvas and fits the band around both, short or long', async () => {
    const { sync, rect } = await ready();
    for (const [line, translation] of [
      ['Hey', 'Эй'],
      ['Whirlwinds of danger are raging around us', 'Вихри'],
      ['No', 'Вихри враждебные веют над нами, тёмные силы нас злобно гнетут'],
    ] as const) {
      await sync.apply({
        ...emptyOverlayState(),
        enabled: { ...emptyOverlayState().enabled, lyrics: true },
        lyrics: { line, translation },
      });
      const main = rect(LYRICS);
      const sub = rect(LYRICS_SUB);
      const band = rect(LYRICS_BAND);
      for (const box of [main, sub, band]) {
        expect(Math.abs(box.x + box.width / 2 - 640), line).toBeLessThanOrEqual(1);
      }
      // The translation under the line, both inside the band, with the page's padding.
      expect(sub.y).toBeGreaterThanOrEqual(main.y + main.height);
      for (const text of [main, sub]) {
        expect(text.x).toBeGreaterThanOrEqual(band.x + 20);
        expect(text.x + text.width).toBeLessThanOrEqual(band.x + band.width - 20);
        expect(text.y).toBeGreaterThanOrEqual(band.y);
        expect(text.y + text.height).toBeLessThanOrEqual(band.y + band.height);
      }
      // Bottom of the canvas, 64 page pixels up (43 on 1280×720), like the page.
      expect(Math.round(band.y + band.height)).toBe(720 - 43);
      expect(band.index).toBeLessThan(Math.min(main.index, sub.index));
    }
  });

  it('without a translation the line sits alone on a smaller band', async () => {
    const { sync, rect, enabled } = await ready();
    const state = {
      ...emptyOverlayState(),
      enabled: { ...emptyOverlayState().enabled, lyrics: true },
      lyrics: { line: 'Bella ciao', translation: 'Goodbye, beautiful' },
    };
    await sync.apply(state);
    const withSub = rect(LYRICS_BAND);
    await sync.apply({ ...state, lyrics: { line: 'Bella ciao', translation: '' } });
    expect(enabled(LYRICS_SUB)).toBe(false);
    const alone = rect(LYRICS_BAND);
    expect(alone.height).toBeLessThan(withSub.height);
    const main = rect(LYRICS);
    expect(main.y + main.height).toBeLessThanOrEqual(alone.y + alone.height);
    expect(main.y).toBeGreaterThanOrEqual(alone.y);
  });

  it('the lyrics go above the lower third and the QR code when those are up', async () => {
    const { sync, rect } = await ready();
    await sync.apply({
      ...caseOnAir,
      enabled: { ...caseOnAir.enabled, lyrics: true },
      lyrics: { line: 'Bella ciao', translation: '' },
    });
    const lyrics = rect(LYRICS_BAND);
    expect(lyrics.y + lyrics.height).toBeLessThan(rect(LOWER_BAND).y);
    expect(lyrics.y + lyrics.height).toBeLessThan(rect(QR).y);
    // Switching the lower third off brings them back down.
    await sync.apply({
      ...caseOnAir,
      enabled: { ...caseOnAir.enabled, lyrics: true, lowerThird: false, qr: false },
      lyrics: { line: 'Bella ciao', translation: '' },
    });
    expect(Math.round(rect(LYRICS_BAND).y + rect(LYRICS_BAND).height)).toBe(720 - 43);
  });

  it('the lower third: left aligned on a band at least the page’s height, the accent at its left', async () => {
    const { sync, rect } = await ready();
    await sync.apply(caseOnAir);
    const band = rect(LOWER_BAND);
    const accent = rect(LOWER_ACCENT);
    const title = rect(LOWER);
    const fact = rect(FACT);
    expect(band.height).toBeGreaterThanOrEqual(144); // 216 page pixels on 720
    expect(accent.x + accent.width).toBe(band.x);
    expect(accent.height).toBe(band.height);
    expect(title.x).toBe(fact.x);
    expect(title.x).toBeGreaterThan(band.x);
    expect(fact.y).toBeGreaterThanOrEqual(title.y + title.height);
    expect(band.x + band.width).toBeLessThanOrEqual(rect(QR).x);
    expect(Math.max(band.index, accent.index)).toBeLessThan(Math.min(title.index, fact.index));
  });

  it('measures the text only after OBS has drawn it', async () => {
    // Real OBS applies new settings on its next frame: a size read at once is the old text's.
    const { sync, rect } = await ready({ renderLag: 2 });
    const state = {
      ...emptyOverlayState(),
      enabled: { ...emptyOverlayState().enabled, lyrics: true },
      lyrics: { line: 'Hey', translation: '' },
    };
    await sync.apply(state);
    await sync.apply({
      ...state,
      lyrics: { line: 'A much longer line than the first', translation: '' },
    });
    const main = rect(LYRICS);
    const band = rect(LYRICS_BAND);
    expect(band.width).toBeGreaterThan(main.width);
    expect(main.x).toBeGreaterThanOrEqual(band.x);
  });

  it('a newer line does not wait for the older one’s band: the older stops measuring', async () => {
    const { obs, sync, mark, sentSince, rect } = await ready();
    const line = (text: string) => ({
      ...emptyOverlayState(),
      enabled: { ...emptyOverlayState().enabled, lyrics: true },
      lyrics: { line: text, translation: '' },
    });
    await sync.apply(line('Hey'));
    // OBS is slow to render: the older apply is left waiting for its frames.
    obs.framesPerRequest = 0;
    const from = mark();
    const older = sync.apply(line('An older line, never measured'));
    while (!obs.log.slice(from).some((entry) => entry.requestType === 'GetStats')) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    obs.framesPerRequest = 3;
    const newer = sync.apply(line('The newer line'));
    expect((await older).ok).toBe(true);
    expect((await newer).ok).toBe(true);
    const sent = sentSince(from);
    expect(sent[0]).toBe(`set ${LYRICS} {"text":"An older line, never measured"}`);
    expect(sent[1]).toBe(`set ${LYRICS} {"text":"The newer line"}`);
    // One band size went out, the newer line's.
    expect(sent.filter((entry) => entry.startsWith(`set ${LYRICS_BAND}`))).toHaveLength(1);
    expect(rect(LYRICS_BAND).width).toBeGreaterThan(rect(LYRICS).width);
  });

  it('uses the pack’s accent colour', async () => {
    const { sync, settings, mark, sentSince } = await ready();
    sync.setAccent('#2266aa');
    await sync.apply(caseOnAir);
    expect(settings(LOWER_ACCENT)?.color).toBe(0xffaa6622);
    const from = mark();
    sync.setAccent('#2266aa');
    await sync.apply(caseOnAir);
    expect(sentSince(from)).toEqual([]);
  });
});

// The native overlays in a real OBS look like the overlay page: a dark band behind the text,
// the lyrics centred line by line, the lower third left aligned with its accent and QR code.
// Checked on OBS's own rendering (GetSourceScreenshot), at the page's 1920×1080.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ObsBridge } from '../../src/main/obs/bridge';
import { OVERLAY_SCENE } from '../../src/main/obs/overlay-elements';
import { panels } from '../../src/main/obs/overlay-panels';
import { setUpOverlays, type SetupReport } from '../../src/main/obs/overlay-scene';
import { emptyOverlayState, type OverlayState } from '../../src/main/obs/overlay-state';
import { OverlaySync } from '../../src/main/obs/overlay-sync';
import { nativeInputs } from '../../src/main/obs/overlay-elements';
import { startObs, type ObsInstance } from './harness';
import {
  decodeQr,
  recordingBridge,
  screenshot,
  tempDataDir,
  waitFor,
  type Screenshot,
} from './helpers';
import { describeWithObs } from './obs-suite';
import { LYRICS, LYRICS_SUB, LOWER, FACT } from '../helpers/obs-sources';

const CENTRE = 960;

/** What the overlay page shows in tests/e2e/overlay.spec.ts, for the side-by-side pictures. */
const singing: OverlayState = {
  ...emptyOverlayState(),
  enabled: { ...emptyOverlayState().enabled, lyrics: true, nowPlaying: true },
  lyrics: {
    line: 'Весь мир голодных и рабов!',
    translation: 'The whole world of the hungry and the slaves!',
  },
  nowPlaying: {
    title: 'The Internationale',
    artist: 'Eugène Pottier (words, 1871), Arkady Kots (Russian text, 1902)',
  },
};
const caseOnAir: OverlayState = {
  ...emptyOverlayState(),
  enabled: { ...emptyOverlayState().enabled, lowerThird: true, qr: true },
  lowerThird: {
    title: 'Boris Kagarlitsky',
    text: 'Fabricated charges of "justifying terrorism"',
  },
  qr: { url: 'https://freeboris.info/' },
};
const lyricsOnly = (line: string, translation: string): OverlayState => ({
  ...emptyOverlayState(),
  enabled: { ...emptyOverlayState().enabled, lyrics: true },
  lyrics: { line, translation },
});

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The smallest box around the pixels in `rows` (all rows if left out) that pass `test`. */
function boxOf(
  shot: Screenshot,
  test: (r: number, g: number, b: number, a: number) => boolean,
  rows: { from: number; to: number } = { from: 0, to: shot.height },
): Box | null {
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (let y = Math.max(0, rows.from); y < Math.min(shot.height, rows.to); y++) {
    for (let x = 0; x < shot.width; x++) {
      const i = (y * shot.width + x) * 4;
      const [r, g, b, a] = [shot.data[i], shot.data[i + 1], shot.data[i + 2], shot.data[i + 3]];
      if (!test(r ?? 0, g ?? 0, b ?? 0, a ?? 0)) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return left === Infinity
    ? null
    : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

// Letters are white (the translation #ececec), drawn over the band; the band is dark and
// translucent (alpha 0.8); the accent is the pack's red.
const isLetter = (r: number, g: number, b: number, a: number) =>
  a > 240 && r > 200 && g > 200 && b > 200;
const isDrawn = (_r: number, _g: number, _b: number, a: number) => a > 0;
/** Letters with their shadow: what the text source draws opaque, over the translucent band. */
const isInk = (_r: number, _g: number, _b: number, a: number) => a > 240;
const isAccent = (r: number, g: number, b: number, a: number) =>
  a > 240 && r > 180 && g < 40 && b < 40;
const centre = (box: Box | null) => (box ? box.x + box.width / 2 : NaN);
const inside = (inner: Box, outer: Box, margin: number) =>
  inner.x >= outer.x + margin &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width - margin &&
  inner.y + inner.height <= outer.y + outer.height;

/** On a checkerboard, as the page's pictures in docs/screenshots are, so both compare. */
function savePicture(shot: Screenshot, name: string): void {
  const dir = process.env.UPDATE_SCREENSHOTS
    ? path.resolve('docs/screenshots')
    : process.env.OBS_SCREENSHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const png = new PNG({ width: shot.width, height: shot.height });
  for (let y = 0; y < shot.height; y++) {
    for (let x = 0; x < shot.width; x++) {
      const i = (y * shot.width + x) * 4;
      const a = (shot.data[i + 3] ?? 0) / 255;
      const back = ((x >> 5) + (y >> 5)) % 2 === 0 ? 96 : 128;
      for (let c = 0; c < 3; c++) {
        // OBS's screenshot is premultiplied-free RGBA: blend over the board.
        png.data[i + c] = Math.round((shot.data[i + c] ?? 0) * a + back * (1 - a));
      }
      png.data[i + 3] = 255;
    }
  }
  writeFileSync(path.join(dir, name), PNG.sync.write(png));
}

describeWithObs('the native overlays look like the overlay page (real OBS)', () => {
  let obs: ObsInstance;
  let bridge: ObsBridge;
  let data: { dir: string; cleanup: () => void };
  let sync: OverlaySync;
  let report: SetupReport;

  /** An item's top and drawn height, as OBS reports it (for telling the two lines apart). */
  const rows = async (name: string) => {
    const { sceneItemId } = await bridge.call('GetSceneItemId', {
      sceneName: OVERLAY_SCENE,
      sourceName: name,
    });
    const { sceneItemTransform: t } = await bridge.call('GetSceneItemTransform', {
      sceneName: OVERLAY_SCENE,
      sceneItemId,
    });
    const scale = Math.min(
      1,
      Number(t.boundsWidth) / Number(t.sourceWidth),
      Number(t.boundsHeight) / Number(t.sourceHeight),
    );
    const from = Number(t.positionY);
    return { from, to: from + Number(t.sourceHeight) * scale };
  };

  beforeAll(async () => {
    obs = await startObs({ width: 1920, height: 1080 });
    data = tempDataDir();
    ({ bridge } = recordingBridge({ callTimeoutMs: 5_000 }));
    const status = await bridge.connect({
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    expect(status.state, status.message).toBe('connected');
    sync = new OverlaySync(bridge, { dataDir: data.dir });
    report = await setUpOverlays(bridge, { overlayBaseUrl: 'http://127.0.0.1:1/?token=t' });
  });

  afterAll(async () => {
    await bridge?.disconnect();
    await obs?.stop();
    data?.cleanup();
  });

  it('sets up a colour band under every text, lowest in the scene', async () => {
    expect(report.mode).toBe('native');
    const { sceneItems } = await bridge.call('GetSceneItemList', { sceneName: OVERLAY_SCENE });
    const byName = new Map(sceneItems.map((item) => [String(item.sourceName), item]));
    const nameOf = (role: string) => nativeInputs.find((input) => input.role === role)?.name ?? '';
    for (const panel of panels) {
      for (const role of [panel.band, panel.accent].filter(
        (r): r is NonNullable<typeof r> => !!r,
      )) {
        const band = byName.get(nameOf(role));
        expect(band?.inputKind, nameOf(role)).toBe('color_source_v3');
        for (const line of panel.lines) {
          const text = byName.get(nameOf(line));
          expect(text?.inputKind).toBe('text_ft2_source_v2');
          expect(Number(band?.sceneItemIndex), `${role} under ${line}`).toBeLessThan(
            Number(text?.sceneItemIndex),
          );
        }
      }
    }
  });

  it('centres each lyric line on the canvas, short or long, on a band that holds both', async () => {
    const cases = [
      ['Эй!', 'Hey!'],
      ['Весь мир голодных и рабов!', 'The whole world of the hungry and the slaves!'],
      [
        'No saviour from on high delivers, no faith have we in prince or peer, our own right hand the chains must shiver',
        'Никто не даст нам избавленья',
      ],
    ] as const;
    for (const [line, translation] of cases) {
      const report = await sync.apply(lyricsOnly(line, translation));
      expect(report.errors).toEqual([]);
      const main = await rows(LYRICS);
      const sub = await rows(LYRICS_SUB);
      // OBS draws the new settings on its next frames: wait for the picture to match.
      let last = '';
      const seen = await waitFor(`"${line}" centred in the screenshot`, async () => {
        const shot = await screenshot(bridge);
        const band = boxOf(shot, isDrawn, { from: 540, to: 1080 });
        const mainLetters = boxOf(shot, isInk, main);
        const subLetters = boxOf(shot, isInk, sub);
        last = JSON.stringify({ band, mainLetters, subLetters, main, sub });
        if (!band || !mainLetters || !subLetters) return null;
        const off = [centre(band), centre(mainLetters), centre(subLetters)].map((x) =>
          Math.abs(x - CENTRE),
        );
        return off.every((d) => d <= 4) &&
          inside(mainLetters, band, 24) &&
          inside(subLetters, band, 24)
          ? { shot, band, mainLetters, subLetters }
          : null;
      }).catch((error: unknown) => {
        throw new Error(`${String(error)}: ${last}`);
      });
      // The line above its translation; the band at the page's 64 px from the bottom.
      expect(seen.mainLetters.y + seen.mainLetters.height).toBeLessThan(seen.subLetters.y);
      expect(seen.band.y + seen.band.height).toBeGreaterThanOrEqual(1080 - 64 - 2);
      expect(seen.band.y + seen.band.height).toBeLessThanOrEqual(1080 - 64 + 2);
      // A short line gets a short band, as on the page; a long one stays on the canvas.
      if (line === 'Эй!') expect(seen.band.width).toBeLessThan(400);
      expect(seen.band.x).toBeGreaterThanOrEqual(96 - 2);
    }
  });

  it('the lyrics and now playing, for comparing with the page', async () => {
    expect((await sync.apply(singing)).errors).toEqual([]);
    const shot = await waitFor('the lyrics and now playing drawn', async () => {
      const candidate = await screenshot(bridge);
      const top = boxOf(candidate, isAccent, { from: 0, to: 300 });
      const letters = boxOf(candidate, isLetter, await rows(LYRICS));
      return top && letters && Math.abs(centre(letters) - CENTRE) <= 4 ? candidate : null;
    });
    savePicture(shot, 'obs-native-lyrics.png');
    // Now playing: the accent stripe at the page's 64 px from the left, 54 from the top.
    const accent = boxOf(shot, isAccent, { from: 0, to: 300 });
    expect(accent?.x).toBe(64);
    expect(accent?.y).toBe(54);
  });

  it('the lower third: its band with the accent, the lines left aligned, the QR code beside it', async () => {
    expect((await sync.apply(caseOnAir)).errors).toEqual([]);
    const shot = await waitFor('the lower third and its QR code', async () => {
      const candidate = await screenshot(bridge);
      // OBS resizes a colour source on its next frame: wait until the band has its size.
      const stripe = boxOf(candidate, isAccent);
      return decodeQr(candidate) === 'https://freeboris.info/' && (stripe?.height ?? 0) >= 216
        ? candidate
        : null;
    });
    savePicture(shot, 'obs-native-lower-third.png');
    const accent = boxOf(shot, isAccent);
    const band = boxOf(shot, (r, g, b, a) => a > 150 && a < 240, { from: 700, to: 1080 });
    if (!accent || !band) throw new Error('no band or accent in the screenshot');
    // The page's measures: 96 px from the left, 64 from the bottom, at least 216 high.
    expect(accent.x).toBe(96);
    expect(accent.width).toBe(14);
    expect(accent.y + accent.height).toBe(1080 - 64);
    expect(accent.height).toBeGreaterThanOrEqual(216);
    expect(band.x).toBe(96 + 14);
    const title = boxOf(shot, isLetter, await rows(LOWER));
    const fact = boxOf(shot, isLetter, await rows(FACT));
    if (!title || !fact) throw new Error('no letters');
    // Both lines start at the band's padding (a letter's side bearing is a few px).
    for (const lineBox of [title, fact]) {
      expect(lineBox.x).toBeGreaterThanOrEqual(96 + 14 + 32);
      expect(lineBox.x).toBeLessThanOrEqual(96 + 14 + 32 + 8);
      expect(lineBox.y).toBeGreaterThan(accent.y);
      expect(lineBox.y + lineBox.height).toBeLessThan(accent.y + accent.height);
    }
    expect(title.y + title.height).toBeLessThan(fact.y);
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentStore } from '../../../../src/main/content';
import { checkedDrawingFiles } from '../../../../src/main/obs/checked-media';
import { INPUT_PREFIX, OVERLAY_SCENE } from '../../../../src/main/obs/overlay-elements';
import { setUpOverlays } from '../../../../src/main/obs/overlay-scene';
import { emptyOverlayState, type OverlayState } from '../../../../src/main/obs/overlay-state';
import { OverlaySync } from '../../../../src/main/obs/overlay-sync';
import { FakeObs } from './fakes';
import { copyPack, goodPack, waitFor } from '../content/helpers';

const LYRICS = `${INPUT_PREFIX}Lyrics`;
const LOWER = `${INPUT_PREFIX}Lower third`;
const QR = `${INPUT_PREFIX}QR`;
const DRAWING = `${INPUT_PREFIX}Drawing`;
const CREDIT = `${INPUT_PREFIX}Drawing credit`;
const NOW = `${INPUT_PREFIX}Now playing`;
const LYRICS_SUB = `${INPUT_PREFIX}Lyrics translation`;
const LYRICS_BAND = `${INPUT_PREFIX}Lyrics band`;
const FACT = `${INPUT_PREFIX}Lower third fact`;
const LOWER_BAND = `${INPUT_PREFIX}Lower third band`;
const LOWER_ACCENT = `${INPUT_PREFIX}Lower third accent`;
const NOW_ARTIST = `${INPUT_PREFIX}Now playing artist`;
const NOW_BAND = `${INPUT_PREFIX}Now playing band`;
const NOW_ACCENT = `${INPUT_PREFIX}Now playing accent`;
const BANDS = [LYRICS_BAND, LOWER_BAND, LOWER_ACCENT, NOW_BAND, NOW_ACCENT];

async function ready(options: { browser?: boolean; renderLag?: number } = {}) {
  const obs = new FakeObs();
  obs.renderLag = options.renderLag ?? 0;
  if (options.browser) obs.inputKinds.push('browser_source');
  await setUpOverlays(obs.caller(), { overlayBaseUrl: 'http://127.0.0.1:4173/?token=t' });
  const rendered: string[] = [];
  const sync = new OverlaySync(obs.caller(), {
    dataDir: '/unused',
    renderQr: async (url) => {
      rendered.push(url);
      return `/data/obs/qr-${encodeURIComponent(url)}.png`;
    },
  });
  const mark = () => obs.log.length;
  const sentSince = (from: number) =>
    obs.log
      .slice(from)
      .filter((entry) => entry.requestType.startsWith('Set'))
      .map((entry) => {
        const data = entry.requestData;
        if (entry.requestType === 'SetSceneItemEnabled') {
          const shown = obs.scenes
            .get(OVERLAY_SCENE)
            ?.find((candidate) => candidate.sceneItemId === data.sceneItemId);
          return `${data.sceneItemEnabled ? 'show' : 'hide'} ${shown?.sourceName}`;
        }
        const item = obs.scenes
          .get(OVERLAY_SCENE)
          ?.find((candidate) => candidate.sceneItemId === data.sceneItemId);
        if (entry.requestType === 'SetSceneItemTransform') return `place ${item?.sourceName}`;
        return `set ${data.inputName} ${JSON.stringify(data.inputSettings)}`;
      });
  /** What was sent, without the layout step (band sizes and places). */
  const contentSince = (from: number) =>
    sentSince(from).filter(
      (line) =>
        !line.startsWith('place ') && !BANDS.some((band) => line.startsWith(`set ${band} `)),
    );
  const item = (name: string) =>
    obs.scenes.get(OVERLAY_SCENE)?.find((candidate) => candidate.sourceName === name);
  const enabled = (name: string) =>
    obs.scenes.get(OVERLAY_SCENE)?.find((item) => item.sourceName === name)?.enabled;
  const settings = (name: string) => obs.inputs.get(name)?.settings;
  /** An item's rectangle on the canvas as OBS would draw it (the fake's measured size). */
  const rect = (name: string) => {
    // Let the fake OBS draw what it was last sent.
    obs.handle('GetStats');
    const entry = item(name);
    if (!entry) throw new Error(`no item ${name}`);
    const t = entry.transform as {
      boundsType?: string;
      boundsWidth: number;
      boundsHeight: number;
      alignment: number;
      positionX: number;
      positionY: number;
    };
    const { sourceWidth: w, sourceHeight: h } = obs.measure(name);
    const scale =
      t.boundsType === 'OBS_BOUNDS_MAX_ONLY'
        ? Math.min(1, t.boundsWidth / w, t.boundsHeight / h)
        : 1;
    const width = w * scale;
    const height = h * scale;
    const x =
      t.alignment & 1
        ? t.positionX
        : t.alignment & 2
          ? t.positionX - width
          : t.positionX - width / 2;
    const y =
      t.alignment & 4
        ? t.positionY
        : t.alignment & 8
          ? t.positionY - height
          : t.positionY - height / 2;
    return { x, y, width, height, index: obs.scenes.get(OVERLAY_SCENE)?.indexOf(entry) ?? -1 };
  };
  return { obs, sync, rendered, mark, sentSince, contentSince, enabled, settings, item, rect };
}

const caseOnAir: OverlayState = {
  ...emptyOverlayState(),
  enabled: { lyrics: false, lowerThird: true, qr: true, drawing: false, nowPlaying: false },
  lowerThird: { title: 'Boris K.', text: 'treason · in detention' },
  qr: { url: 'https://example.org/write' },
};

describe('OverlaySync', () => {
  it('sends content, fits the band to it, then shows, for visible elements only', async () => {
    const { sync, mark, sentSince, contentSince, settings, enabled } = await ready();
    const from = mark();
    const report = await sync.apply(caseOnAir);
    expect(report.ok).toBe(true);
    expect(contentSince(from)).toEqual([
      `set ${LOWER} {"text":"BORIS K."}`,
      `set ${FACT} {"text":"treason · in detention"}`,
      `set ${QR} {"file":"/data/obs/qr-https%3A%2F%2Fexample.org%2Fwrite.png"}`,
      `show ${LOWER_BAND}`,
      `show ${LOWER_ACCENT}`,
      `show ${LOWER}`,
      `show ${FACT}`,
      `show ${QR}`,
    ]);
    // Every band size and place went out before anything was shown.
    const sent = sentSince(from);
    const firstShow = sent.findIndex((line) => line.startsWith('show '));
    const lastLayout = sent.findLastIndex(
      (line) => line.startsWith('place ') || line.startsWith(`set ${LOWER_BAND}`),
    );
    expect(lastLayout).toBeGreaterThan(0);
    expect(lastLayout).toBeLessThan(firstShow);
    expect(report.sent).toBe(sent.length);
    // The accent stripe in the pack's colour (the default red #e10600 as OBS's ABGR).
    expect(settings(LOWER_ACCENT)?.color).toBe(0xff0006e1);
    expect(enabled(LYRICS)).toBe(false);
    expect(enabled(LYRICS_BAND)).toBe(false);
  });

  it('a lyric advance sends the new lines and the band’s new size, nothing else', async () => {
    const { sync, mark, sentSince } = await ready();
    const singing: OverlayState = {
      ...emptyOverlayState(),
      enabled: { ...emptyOverlayState().enabled, lyrics: true, nowPlaying: true },
      lyrics: { line: 'Arise, ye prisoners', translation: 'Вставай, проклятьем' },
      nowPlaying: { title: "L'Internationale", artist: 'Choir' },
    };
    await sync.apply(singing);
    let from = mark();
    expect(await sync.apply(singing)).toEqual({ ok: true, sent: 0, errors: [] });
    expect(sentSince(from)).toEqual([]);

    from = mark();
    const next = {
      ...singing,
      lyrics: { line: 'Arise, ye wretched of the earth', translation: 'Весь мир голодных' },
    };
    expect(await sync.apply(next)).toMatchObject({ ok: true, sent: 3 });
    expect(sentSince(from)).toEqual([
      `set ${LYRICS} {"text":"Arise, ye wretched of the earth"}`,
      `set ${LYRICS_SUB} {"text":"Весь мир голодных"}`,
      expect.stringMatching(new RegExp(`^set ${LYRICS_BAND} \\{"width":\\d+,"height":\\d+\\}$`)),
    ]);
  });

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

  it('hides before changing content, and keeps hidden content until shown again', async () => {
    const { sync, mark, sentSince, settings } = await ready();
    await sync.apply(caseOnAir);
    const from = mark();
    await sync.apply({
      ...emptyOverlayState(),
      enabled: { ...emptyOverlayState().enabled, drawing: true },
      drawing: { file: '/pack/media/crane.png', credit: 'by Masha · CC BY' },
    });
    expect(sentSince(from)).toEqual([
      `hide ${LOWER_BAND}`,
      `hide ${LOWER_ACCENT}`,
      `hide ${LOWER}`,
      `hide ${FACT}`,
      `hide ${QR}`,
      `set ${DRAWING} {"file":"/pack/media/crane.png"}`,
      `set ${CREDIT} {"text":"by Masha · CC BY"}`,
      `show ${DRAWING}`,
      `show ${CREDIT}`,
    ]);
    // The lower third still holds the case: it is hidden, so nothing was sent to it.
    expect(settings(LOWER)?.text).toBe('BORIS K.');
  });

  it('an element switched on without content stays hidden, bands too', async () => {
    const { sync, enabled } = await ready();
    await sync.apply({
      ...emptyOverlayState(),
      enabled: { lyrics: true, lowerThird: true, qr: true, drawing: true, nowPlaying: true },
    });
    for (const name of [LYRICS, LOWER, QR, DRAWING, CREDIT, NOW, NOW_ARTIST, ...BANDS]) {
      expect(enabled(name)).toBe(false);
    }
  });

  it('after forget(), as after a reconnect, re-sends all content and fixes visibility', async () => {
    const { obs, sync, mark, contentSince, enabled } = await ready();
    await sync.apply(caseOnAir);
    // OBS came back from a crash with an older save: different text, a different item shown.
    const lower = obs.inputs.get(LOWER);
    if (lower) lower.settings.text = '';
    const items = obs.scenes.get(OVERLAY_SCENE) ?? [];
    for (const item of items) item.enabled = item.sourceName === NOW;
    const from = mark();
    const report = await sync.reapply();
    expect(report.ok).toBe(true);
    expect(contentSince(from)).toEqual([
      `hide ${NOW}`,
      `set ${LOWER} {"text":"BORIS K."}`,
      `set ${FACT} {"text":"treason · in detention"}`,
      `set ${QR} {"file":"/data/obs/qr-https%3A%2F%2Fexample.org%2Fwrite.png"}`,
      `show ${LOWER_BAND}`,
      `show ${LOWER_ACCENT}`,
      `show ${LOWER}`,
      `show ${FACT}`,
      `show ${QR}`,
    ]);
    expect([enabled(LOWER), enabled(QR), enabled(NOW)]).toEqual([true, true, false]);
    expect(sync.current()).toBe(caseOnAir);
  });

  it('drops a state that a newer one overtook while it waited', async () => {
    const { sync, settings } = await ready();
    const a = sync.apply(caseOnAir);
    const b = sync.apply({ ...caseOnAir, lowerThird: { title: 'B', text: '' } });
    const c = sync.apply({ ...caseOnAir, lowerThird: { title: 'C', text: '' } });
    // All three arrived before the first could start: only the latest goes out.
    expect(await a).toMatchObject({ ok: true, superseded: true, sent: 0 });
    expect(await b).toMatchObject({ ok: true, superseded: true, sent: 0 });
    expect(await c).toMatchObject({ ok: true });
    expect(settings(LOWER)?.text).toBe('C');
  });

  it('reports failures instead of throwing, and retries them next time', async () => {
    const { obs, sync, enabled } = await ready();
    obs.inputs.delete(LOWER); // deleted in OBS behind our back
    const report = await sync.apply(caseOnAir);
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toMatch(/^OBS refused SetInputSettings/);
    expect(enabled(QR)).toBe(true);
  });

  it('says to press setup when the scene is missing', async () => {
    const obs = new FakeObs();
    const sync = new OverlaySync(obs.caller(), { dataDir: '/unused', renderQr: async () => '' });
    const report = await sync.apply(caseOnAir);
    expect(report).toEqual({
      ok: false,
      sent: 0,
      errors: [`OBS has no "${OVERLAY_SCENE}" scene. Press "Set up overlays".`],
    });
    expect(sync.current()).toBe(caseOnAir);
  });

  it('with browser sources only shows and hides; the pages draw the content', async () => {
    const { sync, mark, sentSince, rendered } = await ready({ browser: true });
    const from = mark();
    await sync.apply(caseOnAir);
    expect(sentSince(from)).toEqual([`show ${LOWER}`, `show ${QR}`]);
    expect(rendered).toEqual([]);
  });

  it('a drawing saved broken mid-show never changes the drawing source’s file; a fixed one does at once', async () => {
    const copy = await copyPack(goodPack);
    const store = await openContentStore(copy.pack, { watch: true, debounceMs: 30 });
    try {
      await store.watching;
      const obs = new FakeObs();
      await setUpOverlays(obs.caller(), { overlayBaseUrl: 'http://127.0.0.1:4173/?token=t' });
      const sync = new OverlaySync(obs.caller(), {
        dataDir: copy.dir,
        drawingFile: checkedDrawingFiles({
          obsDir: path.join(copy.dir, 'data', 'obs'),
          contentDir: copy.pack,
          media: (rel) => store.media(rel),
        }),
      });
      const packFile = path.join(copy.pack, 'media/ship.png');
      const drawing: OverlayState = {
        ...emptyOverlayState(),
        enabled: { ...emptyOverlayState().enabled, drawing: true },
        drawing: { file: packFile, credit: 'A ship' },
      };
      const shownFile = () => String(obs.inputs.get(DRAWING)?.settings.file);
      const good = await readFile(packFile);

      expect((await sync.apply(drawing)).ok).toBe(true);
      const first = shownFile();
      expect(first).not.toBe(packFile);
      expect(await readFile(first)).toEqual(good);

      // Saved half mid-show: every later apply, and a full re-send after a reconnect, keeps
      // the file OBS opens, and that file still holds the good picture.
      await writeFile(packFile, good.subarray(0, good.length - 20));
      await waitFor(() => store.snapshot().errors.length > 0, 'the media error');
      await sync.apply({ ...drawing, drawing: { ...drawing.drawing, credit: 'A ship (2)' } });
      await sync.reapply();
      expect(shownFile()).toBe(first);
      expect(await readFile(shownFile())).toEqual(good);
      expect(obs.scenes.get(OVERLAY_SCENE)?.find((i) => i.sourceName === DRAWING)?.enabled).toBe(
        true,
      );

      // Fixed: a new version, so a new file OBS opens with the next apply.
      await writeFile(packFile, good);
      await waitFor(() => store.snapshot().errors.length === 0, 'the fix');
      await sync.apply(drawing);
      expect(shownFile()).not.toBe(first);
      expect(shownFile()).not.toBe(packFile);
      expect(await readFile(shownFile())).toEqual(good);
    } finally {
      await store.close();
      await copy.cleanup();
    }
  });
});

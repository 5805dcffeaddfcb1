import { OVERLAY_SCENE } from '../../../../src/main/obs/overlay-elements';
import { setUpOverlays } from '../../../../src/main/obs/overlay-scene';
import { emptyOverlayState, type OverlayState } from '../../../../src/main/obs/overlay-state';
import { OverlaySync } from '../../../../src/main/obs/overlay-sync';
import { FakeObs } from './fakes';
import {
  LYRICS,
  LOWER,
  QR,
  DRAWING,
  CREDIT,
  NOW,
  LYRICS_SUB,
  LYRICS_BAND,
  FACT,
  LOWER_BAND,
  LOWER_ACCENT,
  NOW_ARTIST,
  NOW_BAND,
  NOW_ACCENT,
} from '../../../helpers/obs-sources';

export {
  LYRICS,
  LOWER,
  QR,
  DRAWING,
  CREDIT,
  NOW,
  LYRICS_SUB,
  LYRICS_BAND,
  FACT,
  LOWER_BAND,
  LOWER_ACCENT,
  NOW_ARTIST,
  NOW_BAND,
  NOW_ACCENT,
};

// An OverlaySync on a fake OBS after setup, with ways to read what it sent: shared by the
// tests of the sync, its band fitting and what each source shows.

export const BANDS = [LYRICS_BAND, LOWER_BAND, LOWER_ACCENT, NOW_BAND, NOW_ACCENT];

export async function ready(options: { browser?: boolean; renderLag?: number } = {}) {
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

export const caseOnAir: OverlayState = {
  ...emptyOverlayState(),
  enabled: { lyrics: false, lowerThird: true, qr: true, drawing: false, nowPlaying: false },
  lowerThird: { title: 'Boris K.', text: 'treason · in detention' },
  qr: { url: 'https://example.org/write' },
};

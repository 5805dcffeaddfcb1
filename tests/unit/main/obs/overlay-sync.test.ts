import { describe, expect, it } from 'vitest';
import { INPUT_PREFIX, OVERLAY_SCENE } from '../../../../src/main/obs/overlay-elements';
import { setUpOverlays } from '../../../../src/main/obs/overlay-scene';
import { emptyOverlayState, type OverlayState } from '../../../../src/main/obs/overlay-state';
import { OverlaySync } from '../../../../src/main/obs/overlay-sync';
import { FakeObs } from './fakes';

const LYRICS = `${INPUT_PREFIX}Lyrics`;
const LOWER = `${INPUT_PREFIX}Lower third`;
const QR = `${INPUT_PREFIX}QR`;
const DRAWING = `${INPUT_PREFIX}Drawing`;
const CREDIT = `${INPUT_PREFIX}Drawing credit`;
const NOW = `${INPUT_PREFIX}Now playing`;

async function ready(options: { browser?: boolean } = {}) {
  const obs = new FakeObs();
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
          const item = obs.scenes
            .get(OVERLAY_SCENE)
            ?.find((candidate) => candidate.sceneItemId === data.sceneItemId);
          return `${data.sceneItemEnabled ? 'show' : 'hide'} ${item?.sourceName}`;
        }
        return `set ${data.inputName} ${JSON.stringify(data.inputSettings)}`;
      });
  const enabled = (name: string) =>
    obs.scenes.get(OVERLAY_SCENE)?.find((item) => item.sourceName === name)?.enabled;
  const settings = (name: string) => obs.inputs.get(name)?.settings;
  return { obs, sync, rendered, mark, sentSince, enabled, settings };
}

const caseOnAir: OverlayState = {
  ...emptyOverlayState(),
  enabled: { lyrics: false, lowerThird: true, qr: true, drawing: false, nowPlaying: false },
  lowerThird: { title: 'Boris K.', text: 'treason · in detention' },
  qr: { url: 'https://example.org/write' },
};

describe('OverlaySync', () => {
  it('sends content before showing, for visible elements only', async () => {
    const { sync, mark, sentSince, settings, enabled } = await ready();
    const from = mark();
    const report = await sync.apply(caseOnAir);
    expect(report).toEqual({ ok: true, sent: 4, errors: [] });
    expect(sentSince(from)).toEqual([
      `set ${LOWER} {"text":"Boris K.\\ntreason · in detention"}`,
      `set ${QR} {"file":"/data/obs/qr-https%3A%2F%2Fexample.org%2Fwrite.png"}`,
      `show ${LOWER}`,
      `show ${QR}`,
    ]);
    expect(settings(LOWER)?.text).toBe('Boris K.\ntreason · in detention');
    expect(enabled(LYRICS)).toBe(false);
  });

  it('sends only what changed: a lyric advance is one request', async () => {
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
    const next = { ...singing, lyrics: { line: 'Arise, ye wretched', translation: '' } };
    expect(await sync.apply(next)).toMatchObject({ ok: true, sent: 1 });
    expect(sentSince(from)).toEqual([`set ${LYRICS} {"text":"Arise, ye wretched"}`]);
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
      `hide ${LOWER}`,
      `hide ${QR}`,
      `set ${DRAWING} {"file":"/pack/media/crane.png"}`,
      `set ${CREDIT} {"text":"by Masha · CC BY"}`,
      `show ${DRAWING}`,
      `show ${CREDIT}`,
    ]);
    // The lower third still holds the case: it is hidden, so nothing was sent to it.
    expect(settings(LOWER)?.text).toBe('Boris K.\ntreason · in detention');
  });

  it('an element switched on without content stays hidden', async () => {
    const { sync, enabled } = await ready();
    await sync.apply({
      ...emptyOverlayState(),
      enabled: { lyrics: true, lowerThird: true, qr: true, drawing: true, nowPlaying: true },
    });
    for (const name of [LYRICS, LOWER, QR, DRAWING, CREDIT, NOW]) expect(enabled(name)).toBe(false);
  });

  it('after forget(), as after a reconnect, re-sends all content and fixes visibility', async () => {
    const { obs, sync, mark, sentSince, enabled } = await ready();
    await sync.apply(caseOnAir);
    // OBS came back from a crash with an older save: different text, a different item shown.
    const lower = obs.inputs.get(LOWER);
    if (lower) lower.settings.text = '';
    const items = obs.scenes.get(OVERLAY_SCENE) ?? [];
    for (const item of items) item.enabled = item.sourceName === NOW;
    const from = mark();
    const report = await sync.reapply();
    expect(report.ok).toBe(true);
    expect(sentSince(from)).toEqual([
      `hide ${NOW}`,
      `set ${LOWER} {"text":"Boris K.\\ntreason · in detention"}`,
      `set ${QR} {"file":"/data/obs/qr-https%3A%2F%2Fexample.org%2Fwrite.png"}`,
      `show ${LOWER}`,
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
    expect(await c).toMatchObject({ ok: true, sent: 4 });
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
});

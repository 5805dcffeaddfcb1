import { describe, expect, it } from 'vitest';
import { OVERLAY_SCENE } from '../../../../src/main/obs/overlay-elements';
import { emptyOverlayState, type OverlayState } from '../../../../src/main/obs/overlay-state';
import { FakeObs } from './fakes';
import { OverlaySync } from '../../../../src/main/obs/overlay-sync';
import {
  BANDS,
  CREDIT,
  DRAWING,
  FACT,
  LOWER,
  LOWER_ACCENT,
  LOWER_BAND,
  LYRICS,
  LYRICS_BAND,
  LYRICS_SUB,
  NOW,
  NOW_ARTIST,
  QR,
  caseOnAir,
  ready,
} from './sync-harness';

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
});

import { describe, expect, it } from 'vitest';
import { INPUT_PREFIX, OVERLAY_SCENE } from '../../../../src/main/obs/overlay-elements';
import { setUpOverlays } from '../../../../src/main/obs/overlay-scene';
import { FakeObs } from './fakes';

const BASE = 'http://192.168.1.20:4173/?token=abc';

describe('band order: each band under its text', () => {
  it('puts every band under its text: in a scene from before the bands, and after a reorder in OBS', async () => {
    const obs = new FakeObs();
    // A scene set up by an older version: the text sources exist, the bands do not.
    obs.handle('CreateScene', { sceneName: OVERLAY_SCENE });
    for (const name of ['Lyrics', 'Lower third', 'Now playing']) {
      obs.handle('CreateInput', {
        sceneName: OVERLAY_SCENE,
        inputName: `${INPUT_PREFIX}${name}`,
        inputKind: 'text_ft2_source_v2',
        inputSettings: { text: '' },
      });
    }
    const order = () => (obs.scenes.get(OVERLAY_SCENE) ?? []).map((item) => item.sourceName);
    const below = (band: string, text: string) =>
      order().indexOf(`${INPUT_PREFIX}${band}`) < order().indexOf(`${INPUT_PREFIX}${text}`);
    const pairs = [
      ['Lyrics band', 'Lyrics'],
      ['Lyrics band', 'Lyrics translation'],
      ['Lower third band', 'Lower third'],
      ['Lower third accent', 'Lower third fact'],
      ['Now playing band', 'Now playing artist'],
      ['Now playing accent', 'Now playing'],
    ] as const;
    await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    for (const [band, text] of pairs) expect(below(band, text), `${band} under ${text}`).toBe(true);

    // Someone drags the lyrics band to the top of the scene in OBS: it covers the text.
    const items = obs.scenes.get(OVERLAY_SCENE) ?? [];
    const band = items.find((item) => item.sourceName === `${INPUT_PREFIX}Lyrics band`);
    if (!band) throw new Error('no band');
    obs.handle('SetSceneItemIndex', {
      sceneName: OVERLAY_SCENE,
      sceneItemId: band.sceneItemId,
      sceneItemIndex: items.length - 1,
    });
    expect(below('Lyrics band', 'Lyrics')).toBe(false);
    const report = await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    expect(
      report.inputs.find((input) => input.name === `${INPUT_PREFIX}Lyrics band`),
    ).toMatchObject({ item: 'updated' });
    for (const [band, text] of pairs) expect(below(band, text), `${band} under ${text}`).toBe(true);
    // And a press after that changes nothing.
    expect((await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE })).unchanged).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { addToScenes } from '../../../../src/main/obs/add-to-scenes';
import { OVERLAY_SCENE } from '../../../../src/main/obs/overlay-elements';
import { setUpOverlays } from '../../../../src/main/obs/overlay-scene';
import { FakeObs } from './fakes';

const BASE = 'http://192.168.1.20:4173/?token=abc';

describe('addToScenes', () => {
  it('nests our scene on top of the chosen scenes once, and never creates scenes', async () => {
    const obs = new FakeObs();
    await setUpOverlays(obs.caller(), { overlayBaseUrl: BASE });
    expect(await addToScenes(obs.caller(), ['Scene', 'Gone'])).toEqual([
      { scene: 'Scene', result: 'added' },
      { scene: 'Gone', result: 'missing' },
    ]);
    expect(await addToScenes(obs.caller(), ['Scene'])).toEqual([
      { scene: 'Scene', result: 'already-there' },
    ]);
    expect(obs.scenes.get('Scene')?.map((item) => item.sourceName)).toEqual([OVERLAY_SCENE]);
    expect(obs.scenes.has('Gone')).toBe(false);
  });
});

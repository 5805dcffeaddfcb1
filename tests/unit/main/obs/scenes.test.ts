import { describe, expect, it } from 'vitest';
import { listScenes, switchScene } from '../../../../src/main/obs/scenes';
import { FakeObs } from './fakes';

describe('scenes', () => {
  it('lists scenes top first, with program and preview', async () => {
    const obs = new FakeObs();
    obs.handle('CreateScene', { sceneName: 'Stage' });
    obs.handle('CreateScene', { sceneName: 'Break' });
    expect(await listScenes(obs.caller())).toEqual({
      scenes: ['Scene', 'Stage', 'Break'],
      program: 'Scene',
      preview: null,
      studioMode: false,
    });
  });

  it('switches the program, or in studio mode only the preview unless forced', async () => {
    const obs = new FakeObs();
    obs.handle('CreateScene', { sceneName: 'Stage' });
    expect(await switchScene(obs.caller(), 'Stage')).toEqual({ switched: 'program' });
    expect(obs.program).toBe('Stage');
    obs.studioMode = true;
    expect(await switchScene(obs.caller(), 'Scene')).toEqual({ switched: 'preview' });
    expect([obs.program, obs.preview]).toEqual(['Stage', 'Scene']);
    expect(await switchScene(obs.caller(), 'Scene', { forceProgram: true })).toEqual({
      switched: 'program',
    });
    expect(obs.program).toBe('Scene');
  });
});

import { describe, expect, it } from 'vitest';
import type { ObsInfo } from '../../../../../src/shared/protocol';
import { obsDisagrees } from '../../../../../src/renderer/views/operator/obs-on-stream';

const info = (
  state: ObsInfo['status']['state'],
  elements: NonNullable<ObsInfo['overlay']>['elements'] | null,
): ObsInfo =>
  ({
    status: { state },
    overlay: elements && {
      at: 1,
      sceneExists: true,
      mode: 'native',
      remote: false,
      drift: [],
      elements,
    },
  }) as unknown as ObsInfo;

describe('obsDisagrees: the stream toggle says when OBS shows otherwise', () => {
  it('is OBS’s real state when it differs from what the show wants', () => {
    const obs = info('connected', [{ element: 'lyrics', console: true, obs: false }]);
    expect(obsDisagrees(obs, 'lyrics', true)).toBe(false);
    const shown = info('connected', [{ element: 'drawing', console: false, obs: true }]);
    expect(obsDisagrees(shown, 'drawing', false)).toBe(true);
  });

  it('is null when they agree, when OBS has no source for it, or cannot say', () => {
    const agree = info('connected', [{ element: 'lyrics', console: true, obs: true }]);
    expect(obsDisagrees(agree, 'lyrics', true)).toBeNull();
    const none = info('connected', [{ element: 'lyrics', console: true, obs: null }]);
    expect(obsDisagrees(none, 'lyrics', true)).toBeNull();
    expect(obsDisagrees(info('connected', null), 'lyrics', true)).toBeNull();
    const away = info('disconnected', [{ element: 'lyrics', console: true, obs: false }]);
    expect(obsDisagrees(away, 'lyrics', true)).toBeNull();
    expect(obsDisagrees(null, 'lyrics', true)).toBeNull();
  });
});

import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  StoresContext,
  applyContent,
  applyShow,
  applySyncOffset,
  connectionWelcomed,
  createStores,
} from '../../../../../src/renderer/stores';
import { StageView } from '../../../../../src/renderer/views/stage/StageView';
import { showState, snapshot } from '../../fixtures';
import { inLanguage } from '../../in-language';

const singing = (line: number, extra: Parameters<typeof showState>[0] = {}) =>
  showState({
    itemId: 'internationale',
    lyrics: { songId: 'internationale', line, timed: null },
    ...extra,
  });

describe('StageView', () => {
  it('moves the sung line at its showAt, with the screens, not when it hears it', () => {
    const stores = createStores();
    const { container } = render(
      inLanguage(
        <StoresContext.Provider value={stores}>
          <StageView />
        </StoresContext.Provider>,
        'en',
      ).ui,
    );
    act(() => {
      connectionWelcomed({ clientId: 's', role: 'stage' }, stores.connection);
      applyContent(snapshot(), stores.content);
      applyShow(singing(0), stores.show);
      applySyncOffset(0, stores.show);
    });
    const stage = () => container.querySelector('main.stage');
    expect(stage()).toHaveAttribute('data-lyric-line', '0');
    const line = container.querySelector('[data-testid="stage-line"]')?.textContent;
    const now = performance.timeOrigin + performance.now();
    // Due in a minute on this page's clock: the band's monitor keeps the line until then.
    act(() => applyShow(singing(1, { sequence: 1, showAt: now + 60_000 }), stores.show));
    expect(stage()).toHaveAttribute('data-lyric-line', '0');
    expect(container.querySelector('[data-testid="stage-line"]')?.textContent).toBe(line);
    // Due already (heard late): at once.
    act(() => applyShow(singing(2, { sequence: 2, showAt: now - 1 }), stores.show));
    expect(stage()).toHaveAttribute('data-lyric-line', '2');
  });
});

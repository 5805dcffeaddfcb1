import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  StoresContext,
  createStores,
  applyContent,
  applyShow,
  applySyncOffset,
  connectionProblem,
  connectionWelcomed,
} from '../../../../../src/renderer/stores';
import type { ShowState } from '../../../../../src/shared/protocol';
import {
  OverlayView,
  type OverlayViewProps,
} from '../../../../../src/renderer/views/overlay/OverlayView';
import type { AppLanguage } from '../../../../../src/shared/i18n';
import { inLanguage } from '../../in-language';
import { showState, snapshot } from '../../fixtures';

function renderOverlay(props: OverlayViewProps = {}, pageLanguage: AppLanguage = 'en') {
  const stores = createStores();
  const result = render(
    inLanguage(
      <StoresContext.Provider value={stores}>
        <OverlayView pathname="/overlay" fadeMs={0} {...props} />
      </StoresContext.Provider>,
      pageLanguage,
    ).ui,
  );
  const setShow = (show: ShowState) => act(() => applyShow(show, stores.show));
  return { ...result, stores, setShow };
}

function live(props: OverlayViewProps = {}, show = showState(), pageLanguage?: AppLanguage) {
  const rendered = renderOverlay(props, pageLanguage);
  act(() => {
    connectionWelcomed({ clientId: 'o', role: 'overlay' }, rendered.stores.connection);
    applyContent(snapshot(), rendered.stores.content);
    applyShow(show, rendered.stores.show);
  });
  return rendered;
}

const element = (container: HTMLElement, name: string) =>
  container.querySelector(`[data-element="${name}"]`);
const singing = (line: number, overrides: Partial<ShowState> = {}) =>
  showState({
    itemId: 'internationale',
    lyrics: { songId: 'internationale', line, timed: null },
    ...overrides,
  });
const toggles = (overrides: Partial<ShowState['overlays']>) => ({
  overlays: { lowerThird: true, lyrics: true, drawing: true, nowPlaying: true, ...overrides },
});

afterEach(() => vi.useRealTimers());

describe('OverlayView', () => {
  it('makes the whole page transparent while it is up', () => {
    const { unmount } = renderOverlay();
    expect(document.documentElement).toHaveClass('overlay-page');
    unmount();
    expect(document.documentElement).not.toHaveClass('overlay-page');
  });

  it('shows nothing, not even a status, until the core has spoken', () => {
    const { container } = renderOverlay();
    expect(screen.getByTestId('overlay')).toHaveAttribute('data-state', 'connecting');
    expect(container).toHaveTextContent(/^$/);
  });

  it('shows a case as a lower third with its name, charge, QR code and short URL', () => {
    const { container } = live();
    const lowerThird = element(container, 'lower-third') as HTMLElement;
    expect(lowerThird).toHaveAttribute('data-item-id', 'boris-kagarlitsky');
    expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
    expect(lowerThird).toHaveTextContent('Fabricated charges of "justifying terrorism"');
    expect(lowerThird).toHaveTextContent('freeboris.info');
    expect(lowerThird.querySelector('[data-qr-value]')).toHaveAttribute(
      'data-qr-value',
      'https://freeboris.info/',
    );
    expect(element(container, 'lyrics')).toBeNull();
    expect(element(container, 'now-playing')).toBeNull();
  });

  it('shows an action with its call to action and link', () => {
    const { container } = live({}, showState({ itemId: 'free-boris-site' }));
    const lowerThird = element(container, 'lower-third') as HTMLElement;
    expect(lowerThird).toHaveTextContent('The campaign for Boris Kagarlitsky');
    expect(lowerThird).toHaveTextContent('Sign a petition, come to an action!');
    expect(lowerThird.querySelector('[data-qr-value]')).toHaveAttribute(
      'data-qr-value',
      'https://freeboris.info/',
    );
  });

  it('shows a drawing in its corner, from the pack media, with its credit', () => {
    const { container } = live({}, showState({ itemId: 'raised-fist' }));
    const drawing = element(container, 'drawing') as HTMLElement;
    expect(screen.getByRole('img', { name: 'Raised fist' })).toHaveAttribute(
      'src',
      '/media/media/drawings/raised%20fist.svg',
    );
    expect(drawing).toHaveTextContent('A. Artist, Penal colony No. 1, 2022');
    expect(element(container, 'lower-third')).toBeNull();
  });

  it('shows the lyric line being sung with its translation, and what is playing', () => {
    const { container, setShow } = live({}, singing(0));
    const lyrics = element(container, 'lyrics') as HTMLElement;
    expect(lyrics.querySelector('[lang="ru"]')).toHaveTextContent(
      'Вставай, проклятьем заклеймённый,',
    );
    expect(lyrics.querySelector('[lang="en"]')).toHaveTextContent(
      'Arise, you who are branded with a curse,',
    );
    expect(element(container, 'now-playing')).toHaveTextContent('The Internationale');
    expect(element(container, 'now-playing')).toHaveTextContent('Eugène Pottier, Arkady Kots');

    // The next line replaces it in the same render: no fade between lines.
    setShow(singing(1));
    expect(element(container, 'lyrics')).toHaveTextContent('Весь мир голодных и рабов!');
    expect(element(container, 'lyrics')).not.toHaveTextContent('Вставай');
    expect(element(container, 'lyrics')).toHaveAttribute('data-line', '1');
  });

  it('says what is playing in the stream’s language, not the page’s', () => {
    // The browser source runs on a Ukrainian machine; the stream speaks Russian, then English.
    const { container, setShow } = live(
      {},
      singing(0, { outputLanguages: { display: [], overlay: ['ru'] } }),
      'uk',
    );
    const label = () => container.querySelector('.ov-np-label');
    expect(label()).toHaveTextContent('Сейчас звучит');
    expect(label()).toHaveAttribute('lang', 'ru');
    setShow(singing(0, { outputLanguages: { display: [], overlay: ['en'] } }));
    expect(label()).toHaveTextContent('Now playing');
  });

  it('puts only the translation on the stream when that is all the operator chose', () => {
    const { container } = live(
      {},
      singing(0, { outputLanguages: { display: [], overlay: ['en'] } }),
    );
    const lyrics = element(container, 'lyrics') as HTMLElement;
    expect(lyrics).toHaveTextContent('Arise, you who are branded with a curse,');
    expect(lyrics).not.toHaveTextContent('Вставай');
  });

  it('hides each element when its toggle is off, and brings it back', () => {
    const { container, setShow } = live();
    setShow(showState(toggles({ lowerThird: false })));
    expect(element(container, 'lower-third')).toBeNull();
    expect(container.querySelector('[data-qr-value]')).toBeNull();
    setShow(showState());
    expect(element(container, 'lower-third')).not.toBeNull();

    setShow(singing(0, toggles({ lyrics: false })));
    expect(element(container, 'lyrics')).toBeNull();
    expect(element(container, 'now-playing')).not.toBeNull();
    setShow(singing(0, toggles({ nowPlaying: false })));
    expect(element(container, 'now-playing')).toBeNull();
    expect(element(container, 'lyrics')).not.toBeNull();

    setShow(showState({ itemId: 'raised-fist', ...toggles({ drawing: false }) }));
    expect(element(container, 'drawing')).toBeNull();
  });

  it('cuts everything in a blackout', () => {
    const { container, setShow } = live({ fadeMs: 200 }, singing(0));
    setShow(singing(0, { blackout: true }));
    expect(screen.getByTestId('overlay')).toHaveAttribute('data-state', 'blackout');
    expect(container).toHaveTextContent(/^$/);
  });

  it('hides a sensitive name in safe mode at once, with no fade', () => {
    const { container, setShow } = live({ fadeMs: 200 });
    expect(container).toHaveTextContent('Kagarlitsky');
    setShow(showState({ safeMode: true }));
    expect(container).not.toHaveTextContent('Kagarlitsky');
    expect(container.querySelector('[data-qr-value]')).toBeNull();
  });

  it('fades an element out over the fade time when it is switched off', () => {
    vi.useFakeTimers();
    const { container, setShow } = live({ fadeMs: 200 });
    setShow(showState(toggles({ lowerThird: false })));
    const leaving = element(container, 'lower-third')?.closest('.ov-fade');
    expect(leaving).toHaveAttribute('data-phase', 'out');
    act(() => vi.advanceTimersByTime(200));
    expect(element(container, 'lower-third')).toBeNull();
  });

  it('shows a new item at once in place of the old one', () => {
    const { container, setShow } = live({ fadeMs: 200 });
    setShow(showState({ itemId: 'free-boris-site' }));
    const lowerThird = element(container, 'lower-third');
    expect(lowerThird).toHaveAttribute('data-item-id', 'free-boris-site');
    expect(lowerThird?.closest('.ov-fade')).toHaveAttribute('data-phase', 'in');
    expect(container.querySelectorAll('[data-element="lower-third"]')).toHaveLength(1);
  });

  describe('single elements', () => {
    it('/overlay/lower-third draws the band without the QR code (it has its own source)', () => {
      const { container } = live({ pathname: '/overlay/lower-third' });
      expect(screen.getByTestId('overlay')).toHaveAttribute('data-page', 'lower-third');
      expect(element(container, 'lower-third')).toHaveTextContent('Boris Kagarlitsky');
      expect(container.querySelector('[data-qr-value]')).toBeNull();
    });

    it('/overlay/qr draws only the QR code, where it sits at the end of the lower third', () => {
      const { container } = live({ pathname: '/overlay/qr' }, singing(0));
      expect(container.querySelector('[data-qr-value]')).toBeNull();
      expect(element(container, 'lyrics')).toBeNull();

      const { container: qrPage } = live({ pathname: '/overlay/qr' });
      const qr = element(qrPage, 'qr') as HTMLElement;
      expect(qr.querySelector('[data-qr-value]')).toHaveAttribute(
        'data-qr-value',
        'https://freeboris.info/',
      );
      // The band is only there for the layout: hidden from people and screen readers.
      const band = qr.querySelector('.ov-band');
      expect(band).toHaveClass('is-placeholder');
      expect(band).toHaveAttribute('aria-hidden', 'true');
      expect(element(qrPage, 'lower-third')).toBeNull();
    });

    it('/overlay/lyrics and /overlay/now-playing draw only their element', () => {
      const { container } = live({ pathname: '/overlay/lyrics' }, singing(0));
      expect(element(container, 'lyrics')).not.toBeNull();
      expect(element(container, 'now-playing')).toBeNull();
      const { container: playing } = live({ pathname: '/overlay/now-playing' }, singing(0));
      expect(element(playing, 'now-playing')).not.toBeNull();
      expect(element(playing, 'lyrics')).toBeNull();
    });

    it('/overlay/drawing draws only the drawing', () => {
      const { container } = live({ pathname: '/overlay/drawing' }, showState());
      expect(container).toHaveTextContent(/^$/);
      const { container: drawing } = live(
        { pathname: '/overlay/drawing' },
        showState({ itemId: 'raised-fist' }),
      );
      expect(element(drawing, 'drawing')).not.toBeNull();
    });

    it('says so, briefly, for a name it does not know', () => {
      live({ pathname: '/overlay/ticker' });
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('no overlay called “ticker”');
      expect(alert).toHaveTextContent('lower-third, lyrics, qr, drawing, now-playing');
    });

    it('says it in the language of whoever set up the source', () => {
      live({ pathname: '/overlay/ticker' }, showState(), 'fr');
      expect(screen.getByRole('alert').textContent).toContain(
        'Il n’y a pas d’habillage nommé «\u00a0ticker\u00a0»',
      );
    });
  });

  it('says why when its link was refused, instead of staying blank', () => {
    const { stores } = renderOverlay();
    act(() => connectionProblem('wrong token for the overlay role', stores.connection));
    expect(screen.getByRole('alert')).toHaveTextContent('wrong token');
  });

  it('keeps showing the last state when the connection drops', () => {
    const { container, stores } = live();
    act(() => connectionProblem('core restarting', stores.connection));
    expect(container).toHaveTextContent('Boris Kagarlitsky');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('scales the 1920×1080 canvas to the window', () => {
    const { container } = live();
    const canvas = container.querySelector('.ov-canvas') as HTMLElement;
    // jsdom's window is 1024×768: the canvas shrinks to its width and is centred.
    const scale = 1024 / 1920;
    expect(canvas.style.transform).toBe(
      `translate(0px, ${(768 - 1080 * scale) / 2}px) scale(${scale})`,
    );
  });

  it('moves the sung line at its showAt, with the screens, not when it hears it', () => {
    const { container, setShow, stores } = live({}, singing(0, toggles({})));
    act(() => applySyncOffset(0, stores.show));
    const now = performance.timeOrigin + performance.now();
    // Due in a minute on this page's clock: the band's line stays until then.
    setShow(singing(1, { ...toggles({}), sequence: 1, showAt: now + 60_000 }));
    expect(element(container, 'lyrics')).toHaveAttribute('data-line', '0');
    // Due already (heard late): at once.
    setShow(singing(1, { ...toggles({}), sequence: 2, showAt: now - 1 }));
    expect(element(container, 'lyrics')).toHaveAttribute('data-line', '1');
  });
});

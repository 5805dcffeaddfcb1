import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  StoresContext,
  createStores,
  applyContent,
  applyShow,
  connectionLost,
  connectionWelcomed,
  type Stores,
} from '../../../../../src/renderer/stores';
import type { ContentSnapshot } from '../../../../../src/shared/content';
import { coreText, type Command } from '../../../../../src/shared/protocol';
import {
  DisplayView,
  type DisplayViewProps,
} from '../../../../../src/renderer/views/display/DisplayView';
import type { AppLanguage } from '../../../../../src/shared/i18n';
import { inLanguage } from '../../in-language';
import { createPreloader } from '../../../../../src/renderer/views/display/preload';
import { MAX_IMAGE_WAIT_MS } from '../../../../../src/renderer/views/display/SlideStage';
import { STARTUP_GRACE_MS } from '../../../../../src/renderer/views/display/use-started';
import {
  actionItem,
  allItems,
  caseItem,
  drawingItem,
  pack,
  safeStatement,
  showState,
  snapshot,
} from '../../fixtures';

function renderDisplay(props: DisplayViewProps = {}, pageLanguage: AppLanguage = 'en') {
  const stores = createStores();
  const send = vi.fn(async (_command: Command) => ({ ok: true as const }));
  const result = render(
    inLanguage(
      <StoresContext.Provider value={stores}>
        <DisplayView fadeMs={0} search="" send={send} {...props} />
      </StoresContext.Provider>,
      pageLanguage,
    ).ui,
  );
  return { ...result, stores, send };
}

function connected(stores: Stores, show = showState(), content: ContentSnapshot = snapshot()) {
  act(() => {
    connectionWelcomed({ clientId: 'c', role: 'display' }, stores.connection);
    applyContent(content, stores.content);
    applyShow(show, stores.show);
  });
}

const withDisplay = (display: Partial<(typeof pack)['display']>): ContentSnapshot => {
  const content = snapshot();
  return { ...content, pack: { ...pack, display: { ...pack.display, ...display } } };
};

describe('DisplayView', () => {
  it('shows a calm connecting screen, with no names, until the core has spoken', () => {
    const { container, stores } = renderDisplay();
    expect(screen.getByRole('status')).toHaveTextContent(/Connecting/);
    act(() => applyContent(snapshot(), stores.content));
    expect(screen.getByRole('status')).toHaveTextContent(/Connecting/);
    expect(container).not.toHaveTextContent('Kagarlitsky');
  });

  it('renders the item on air and follows the show', () => {
    const { stores } = renderDisplay();
    connected(stores);
    expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
    act(() => applyShow(showState({ itemId: 'free-boris-site', position: 1 }), stores.show));
    expect(
      screen.getByRole('heading', { name: 'The campaign for Boris Kagarlitsky' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Boris Kagarlitsky' })).toBeNull();
  });

  it('applies the pack theme as CSS variables', () => {
    const { container, stores } = renderDisplay();
    connected(stores);
    const root = container.firstElementChild as HTMLElement;
    expect(root.style.getPropertyValue('--accent')).toBe('#e10600');
    expect(root.style.getPropertyValue('--on-accent')).toBe('#ffffff');
    expect(root).toHaveAttribute('lang', 'en');
  });

  it('goes pure black with no text in a blackout', () => {
    const { container, stores } = renderDisplay();
    connected(stores, showState({ blackout: true }));
    expect(screen.getByTestId('blackout')).toHaveClass('display-blackout');
    expect(container).toHaveTextContent(/^$/);
    // Even a dropped connection adds nothing to a blackout.
    act(() => connectionLost('gone', stores.connection));
    expect(container).toHaveTextContent(/^$/);
  });

  it('in safe mode shows the safe slide instead of a sensitive item', () => {
    const { container, stores } = renderDisplay();
    connected(stores, showState({ safeMode: true }));
    expect(screen.getByText('Solidarity with all political prisoners')).toBeInTheDocument();
    expect(container).not.toHaveTextContent('Kagarlitsky');
  });

  it('in safe mode still shows items that are not sensitive', () => {
    const { stores } = renderDisplay();
    connected(stores, showState({ safeMode: true, itemId: 'free-boris-site' }));
    expect(
      screen.getByRole('heading', { name: 'The campaign for Boris Kagarlitsky' }),
    ).toBeInTheDocument();
  });

  it('keeps the slide and adds a discreet mark when the connection drops', () => {
    const { stores } = renderDisplay();
    connected(stores);
    expect(screen.queryByTestId('reconnecting')).toBeNull();
    act(() => connectionLost(null, stores.connection));
    expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
    expect(screen.getByTestId('reconnecting')).toHaveTextContent('Reconnecting');
    act(() => connectionWelcomed({ clientId: 'c', role: 'display' }, stores.connection));
    expect(screen.queryByTestId('reconnecting')).toBeNull();
  });

  it('marks a dropped connection in the slide’s language, whatever the device speaks', () => {
    // A Russian-speaking device; the slide on air speaks French (pinned on the link).
    const { stores } = renderDisplay({ search: '?lang=fr' }, 'ru');
    connected(stores);
    act(() => connectionLost(null, stores.connection));
    expect(screen.getByTestId('reconnecting')).toHaveTextContent('Reconnexion');
  });

  it('says it is connecting in the page’s language before any slide exists', () => {
    renderDisplay({}, 'uk');
    expect(screen.getByRole('status')).toHaveTextContent('Підключення…');
  });

  it('shows the pack title when nothing is on air', () => {
    const { stores } = renderDisplay();
    connected(stores, showState({ itemId: null }));
    expect(screen.getByTestId('neutral')).toHaveTextContent('Solidarity with political prisoners');
  });

  it('speaks the slide’s language, cycling with the core, and sets the page’s lang', () => {
    const { container, stores } = renderDisplay();
    const cycling = withDisplay({ languages: ['en', 'ru'], cycleLanguages: true });
    connected(stores, showState({ sequence: 1 }), cycling);
    expect(screen.getByRole('heading', { name: 'Борис Кагарлицкий' })).toBeInTheDocument();
    expect(container.firstElementChild).toHaveAttribute('lang', 'ru');
    expect(document.documentElement.lang).toBe('ru');
    act(() => applyShow(showState({ sequence: 2 }), stores.show));
    expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('keeps a language pinned on the link', () => {
    const { stores } = renderDisplay({ search: '?token=t&lang=ru' });
    connected(stores, showState({ sequence: 2 }), withDisplay({ languages: ['en', 'ru'] }));
    expect(screen.getByRole('heading', { name: 'Борис Кагарлицкий' })).toBeInTheDocument();
  });
});

describe('DisplayView keys', () => {
  it('on the kiosk, sends the registered action’s command for a key', () => {
    const { stores, send } = renderDisplay({ kiosk: true });
    connected(stores, showState({ blackout: false }));
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    fireEvent.keyDown(window, { key: 'PageUp' });
    fireEvent.keyDown(window, { key: ' ' });
    fireEvent.keyDown(window, { key: 'b' });
    fireEvent.keyDown(window, { key: 'S' });
    expect(send.mock.calls.map(([command]) => command)).toEqual([
      { name: 'next' },
      { name: 'previous' },
      { name: 'togglePause' },
      { name: 'blackout', on: true },
      { name: 'safeMode', on: true },
    ]);
  });

  it('on the kiosk, leaves held keys, modified keys and other keys alone', () => {
    const { stores, send } = renderDisplay({ kiosk: true });
    connected(stores);
    fireEvent.keyDown(window, { key: 'ArrowRight', repeat: true });
    fireEvent.keyDown(window, { key: 'ArrowRight', ctrlKey: true });
    fireEvent.keyDown(window, { key: 'x' });
    expect(send).not.toHaveBeenCalled();
  });

  it('a display that only shows sends nothing', () => {
    const { stores, send } = renderDisplay();
    connected(stores);
    for (const key of ['ArrowRight', 'ArrowLeft', 'PageDown', ' ', 'b', 's']) {
      fireEvent.keyDown(window, { key });
    }
    expect(send).not.toHaveBeenCalled();
  });

  it('on the kiosk, shows why the core refused a key', async () => {
    const send = vi.fn(async (_command: Command) => ({
      ok: false as const,
      error: coreText('command.safeModeOffOperatorOnly'),
    }));
    const { stores } = renderDisplay({ kiosk: true, send });
    connected(stores, showState({ safeMode: true }));
    await act(async () => {
      fireEvent.keyDown(window, { key: 's' });
    });
    expect(screen.getByRole('alert')).toHaveTextContent('only the operator');
  });
});

describe('DisplayView merch table', () => {
  const merch = () =>
    withDisplay({ languages: ['en', 'ru'], merchTable: { enabled: true, idleSeconds: 5 } });

  it('without it, a tap does nothing', () => {
    const { container, stores } = renderDisplay();
    connected(stores);
    fireEvent.click(container.firstElementChild as HTMLElement);
    expect(screen.queryByTestId('merch-browse')).toBeNull();
  });

  it('a tap opens the cases and actions; each opens with its QR code; idleness ends it', () => {
    vi.useFakeTimers();
    try {
      const { container, stores, send } = renderDisplay();
      connected(stores, showState(), merch());
      expect(screen.getByTestId('merch-hint')).toHaveTextContent('Tap to browse');
      fireEvent.click(container.firstElementChild as HTMLElement);
      expect(screen.getByTestId('merch-browse')).toBeInTheDocument();
      const cards = [...container.querySelectorAll('.merch-card')].map((card) =>
        card.getAttribute('data-item-id'),
      );
      expect(cards).toEqual(['boris-kagarlitsky', 'free-boris-site']);

      fireEvent.click(screen.getByText('The campaign for Boris Kagarlitsky'));
      expect(screen.getByTestId('merch-detail')).toBeInTheDocument();
      expect(container.querySelector('svg[data-qr-value]')).toHaveAttribute(
        'data-qr-value',
        'https://freeboris.info/',
      );
      // Local to this screen: nothing went to the core.
      expect(send).not.toHaveBeenCalled();

      act(() => vi.advanceTimersByTime(4_000));
      fireEvent.pointerDown(window);
      act(() => vi.advanceTimersByTime(4_000));
      expect(screen.getByTestId('merch-detail')).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(1_000));
      expect(screen.queryByTestId('merch-detail')).toBeNull();
      expect(container.firstElementChild).toHaveAttribute('data-view', 'loop');
      expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('switches language on the table without touching the loop', () => {
    const { container, stores } = renderDisplay();
    connected(stores, showState(), merch());
    fireEvent.click(container.firstElementChild as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: /Русский/i }));
    expect(screen.getByText('Борис Кагарлицкий')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /Вернуться к показу/ }));
    expect(screen.getByRole('heading', { name: 'Boris Kagarlitsky' })).toBeInTheDocument();
  });

  it('a blackout or safe mode closes what a visitor opened', () => {
    const { container, stores } = renderDisplay();
    connected(stores, showState(), merch());
    fireEvent.click(container.firstElementChild as HTMLElement);
    fireEvent.click(screen.getByText('Boris Kagarlitsky'));
    expect(screen.getByTestId('merch-detail')).toBeInTheDocument();
    act(() => applyShow(showState({ safeMode: true }), stores.show));
    // The case is sensitive: its page closes and its card goes; the action is not.
    expect(screen.queryByTestId('merch-detail')).toBeNull();
    expect(container.querySelector('.merch-card[data-item-id="boris-kagarlitsky"]')).toBeNull();
    expect(container.querySelector('.merch-card[data-item-id="free-boris-site"]')).not.toBeNull();

    act(() => applyShow(showState(), stores.show));
    expect(screen.getByTestId('merch-browse')).toBeInTheDocument();
    act(() => applyShow(showState({ blackout: true }), stores.show));
    expect(container).toHaveTextContent(/^$/);
    act(() => applyShow(showState(), stores.show));
    expect(screen.queryByTestId('merch-browse')).toBeNull();
  });

  it("marks the line the operator's lyrics cursor is on, and the lines already sung", () => {
    const { stores, container } = renderDisplay();
    const cursor = (line: number) =>
      showState({
        itemId: 'internationale',
        lyrics: { songId: 'internationale', line, timed: null },
      });
    connected(stores, cursor(1));
    const current = () => container.querySelector('[aria-current="true"]');
    expect(current()).toHaveTextContent('Весь мир голодных и рабов!');
    expect(container.querySelectorAll('.lyric.is-sung')).toHaveLength(1);
    act(() => applyShow(cursor(0), stores.show));
    expect(current()).toHaveTextContent('Вставай, проклятьем заклеймённый,');
  });
});

describe('DisplayView first slide', () => {
  /** Each image load waits until the test finishes it; `asked` is every URL asked for, in order. */
  function heldLoads() {
    const asked: string[] = [];
    const waiting = new Map<string, () => void>();
    const preloader = createPreloader(
      (url) =>
        new Promise<void>((resolve) => {
          asked.push(url);
          waiting.set(url, resolve);
        }),
    );
    const finish = (url: string) => act(async () => waiting.get(url)?.());
    return { preloader, asked, finish };
  }
  const sensitiveDrawing = {
    ...drawingItem,
    id: 'prison-drawing',
    image: 'media/drawings/cell.jpg',
    sensitive: true,
  };
  const photoCase = { ...caseItem, photo: { file: 'media/cases/boris.jpg', consent: true } };
  const firstImage = '/media/media/drawings/raised%20fist.svg';
  // The case after the drawing is the one with a photo: preparing it would fetch the photo.
  const onDrawing = () =>
    showState({ itemId: 'raised-fist', position: 0, order: ['raised-fist', 'boris-kagarlitsky'] });
  const onSensitive = (safeMode: boolean) =>
    showState({
      itemId: 'prison-drawing',
      position: 0,
      order: ['prison-drawing', 'free-boris-site'],
      safeMode,
    });

  it('puts the first slide up only with its picture decoded, never part-loaded', async () => {
    const { preloader, asked, finish } = heldLoads();
    const { container, stores } = renderDisplay({ preloader });
    connected(stores, onDrawing());
    // The file as it is (the first slide shows originals), asked for at once, off screen.
    expect(asked).toEqual([firstImage]);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.slide-frame')).toBeNull();
    expect(container).not.toHaveTextContent('Raised fist');
    expect(screen.getByTestId('first-slide-wait')).toBeInTheDocument();

    await finish(firstImage);
    expect(container.querySelector('img')).toHaveAttribute('src', firstImage);
    expect(container.querySelector('.slide-frame[data-phase="in"]')).toHaveAttribute(
      'data-item-id',
      'raised-fist',
    );
  });

  it('does not prepare the next slide while the first one waits', async () => {
    vi.useFakeTimers();
    try {
      const { preloader, asked } = heldLoads();
      const content = snapshot([...allItems, photoCase].filter((i) => i !== caseItem));
      const { stores } = renderDisplay({ preloader });
      connected(stores, onDrawing(), content);
      expect(asked).toEqual([firstImage]);
      act(() => vi.advanceTimersByTime(MAX_IMAGE_WAIT_MS - 1));
      expect(asked).toEqual([firstImage]);
      // The wait has a limit: the slide goes up with what has arrived.
      await act(async () => vi.advanceTimersByTime(1));
      expect(screen.getByText('Raised fist')).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(STARTUP_GRACE_MS - 1));
      expect(asked).toEqual([firstImage]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('calls onStarted only once the first slide is up and has had the grace period', async () => {
    vi.useFakeTimers();
    try {
      const { preloader, finish } = heldLoads();
      const onStarted = vi.fn();
      const { stores } = renderDisplay({ preloader, onStarted });
      connected(stores, onDrawing());
      // The picture is still arriving: however long that takes, nothing else starts.
      act(() => vi.advanceTimersByTime(STARTUP_GRACE_MS * 2));
      expect(onStarted).not.toHaveBeenCalled();
      await finish(firstImage);
      expect(screen.getByText('Raised fist')).toBeInTheDocument();
      act(() => vi.advanceTimersByTime(STARTUP_GRACE_MS - 1));
      expect(onStarted).not.toHaveBeenCalled();
      act(() => vi.advanceTimersByTime(1));
      expect(onStarted).toHaveBeenCalledTimes(1);
      // The show going on does not start it again.
      act(() => applyShow(showState({ itemId: 'boris-kagarlitsky', position: 1 }), stores.show));
      act(() => vi.advanceTimersByTime(STARTUP_GRACE_MS * 2));
      expect(onStarted).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('in safe mode never asks for, nor waits on, a sensitive first picture', async () => {
    const { preloader, asked } = heldLoads();
    const content = snapshot([sensitiveDrawing, safeStatement, actionItem]);
    const { container, stores } = renderDisplay({ preloader });
    connected(stores, onSensitive(true), content);
    expect(asked).toEqual([]);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('Solidarity with all political prisoners')).toBeInTheDocument();
  });

  it('safe mode arriving during the wait puts up the safe slide, not the picture', async () => {
    const { preloader, asked, finish } = heldLoads();
    const content = snapshot([sensitiveDrawing, safeStatement, actionItem]);
    const { container, stores } = renderDisplay({ preloader });
    connected(stores, onSensitive(false), content);
    expect(asked).toEqual(['/media/media/drawings/cell.jpg']);
    act(() => applyShow(onSensitive(true), stores.show));
    expect(screen.getByText('Solidarity with all political prisoners')).toBeInTheDocument();
    await finish('/media/media/drawings/cell.jpg');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-item-id="prison-drawing"]')).toBeNull();
  });
});

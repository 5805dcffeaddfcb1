import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Fit } from '../../../../../src/renderer/fit/Fit';
import { createPreloader, videoFrameKey } from '../../../../../src/renderer/views/display/preload';
import {
  SlideStage,
  entryImages,
  nextStage,
  type StageEntry,
} from '../../../../../src/renderer/views/display/SlideStage';
import { StageFlip } from '../../../../../src/renderer/views/display/stage-flip';
import { caseItem, drawingItem, safeStatement, showState, statementItem } from '../../fixtures';

const entry = (
  item: StageEntry['screen'] extends infer S ? S : never,
  key: string,
): StageEntry => ({
  key,
  screen: item,
  language: 'en',
});
const slide = (item: typeof caseItem | typeof drawingItem | typeof safeStatement, n = 0) =>
  entry({ kind: 'slide', item }, `${item.id}|en|${n}`);

/** Each frame on the stage, in order: its item and phase. */
const phases = (container: HTMLElement) =>
  [...container.querySelectorAll('.slide-frame')].map((f) => [
    f.getAttribute('data-item-id'),
    f.getAttribute('data-phase'),
  ]);

const ready = () => true;
const notReady = () => false;

describe('nextStage', () => {
  const boris = slide(caseItem);
  const drawing = slide(drawingItem, 1);
  const safe = slide(safeStatement, 2);
  const start = { shown: boris, leaving: null, pending: null };

  it('keeps the stage as it is while the same entry is on air', () => {
    expect(nextStage(start, boris, { safeMode: false, fade: true, imagesReady: ready })).toBe(
      start,
    );
  });

  it('switches at once, fading over the old slide, when the images are ready', () => {
    expect(nextStage(start, drawing, { safeMode: false, fade: true, imagesReady: ready })).toEqual({
      shown: drawing,
      leaving: boris,
      pending: null,
    });
    expect(
      nextStage(start, drawing, { safeMode: false, fade: false, imagesReady: ready }).leaving,
    ).toBeNull();
  });

  it('keeps the old slide up while the new one’s images load', () => {
    expect(
      nextStage(start, drawing, { safeMode: false, fade: true, imagesReady: notReady }),
    ).toEqual({ shown: boris, leaving: null, pending: drawing });
  });

  it('in safe mode takes a sensitive slide down at once: no fade, no wait', () => {
    expect(nextStage(start, safe, { safeMode: true, fade: true, imagesReady: notReady })).toEqual({
      shown: safe,
      leaving: null,
      pending: null,
    });
    const fading = { shown: safe, leaving: boris, pending: null };
    expect(
      nextStage(fading, safe, { safeMode: true, fade: true, imagesReady: ready }).leaving,
    ).toBe(null);
  });
});

function deferredPreloader() {
  const waiting: (() => void)[] = [];
  const preloader = createPreloader(
    () => new Promise<void>((resolve) => waiting.push(() => resolve())),
  );
  return { preloader, finishAll: () => waiting.splice(0).forEach((finish) => finish()) };
}

const renderEntry = (e: StageEntry) =>
  e.screen.kind === 'slide' ? <p>{e.screen.item.id}</p> : null;

describe('SlideStage', () => {
  it('holds the outgoing slide until the incoming one’s images are decoded, then fades', async () => {
    vi.useFakeTimers();
    try {
      const { preloader, finishAll } = deferredPreloader();
      const onShown = vi.fn();
      const props = { safeMode: false, fadeMs: 400, preloader, renderEntry, onShown };
      const { container, rerender } = render(
        <SlideStage target={slide(statementItem)} {...props} />,
      );
      expect(onShown).toHaveBeenCalledTimes(1);

      rerender(<SlideStage target={slide(drawingItem, 1)} {...props} />);
      expect(container.querySelector('[data-phase="in"]')).toHaveTextContent('call-to-action');
      // Built while it waits, but not shown.
      expect(container.querySelector('[data-phase="upcoming"]')).toHaveTextContent('raised-fist');

      await act(async () => finishAll());
      const frames = container.querySelectorAll('.slide-frame');
      expect(
        [...frames].map((f) => [f.getAttribute('data-item-id'), f.getAttribute('data-phase')]),
      ).toEqual([
        ['call-to-action', 'out'],
        ['raised-fist', 'in'],
      ]);
      expect(container.querySelector('.stage')).toHaveAttribute('data-item-id', 'raised-fist');
      expect(onShown).toHaveBeenLastCalledWith(
        expect.objectContaining({ key: 'raised-fist|en|1' }),
      );

      await act(async () => vi.advanceTimersByTimeAsync(400));
      expect(container.querySelectorAll('.slide-frame')).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('switches anyway when the images take too long', async () => {
    vi.useFakeTimers();
    try {
      const { preloader } = deferredPreloader();
      const props = { safeMode: false, fadeMs: 0, preloader, renderEntry };
      const { container, rerender } = render(
        <SlideStage target={slide(statementItem)} {...props} />,
      );
      rerender(<SlideStage target={slide(drawingItem, 1)} {...props} />);
      const onAir = () => container.querySelector('[data-phase="in"]');
      await act(async () => vi.advanceTimersByTimeAsync(1_999));
      expect(onAir()).toHaveTextContent('call-to-action');
      await act(async () => vi.advanceTimersByTimeAsync(1));
      expect(onAir()).toHaveTextContent('raised-fist');
      expect(screen.queryByText('call-to-action')).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks sensitive frames, and never keeps one while safe mode is on', () => {
    const { preloader } = deferredPreloader();
    const props = { fadeMs: 400, preloader, renderEntry };
    const { container, rerender } = render(
      <SlideStage target={slide(caseItem)} safeMode={false} {...props} />,
    );
    expect(container.querySelector('[data-sensitive="true"]')).not.toBeNull();
    rerender(<SlideStage target={slide(safeStatement, 1)} safeMode {...props} />);
    expect(container.querySelector('[data-sensitive="true"]')).toBeNull();
    expect(container).not.toHaveTextContent('boris-kagarlitsky');
  });
});

describe('SlideStage preparing the next slide', () => {
  const props = () => ({
    safeMode: false,
    fadeMs: 400,
    preloader: createPreloader(() => Promise.resolve()),
    renderEntry,
  });

  it('builds the upcoming slide hidden, and puts that very frame up when it comes', async () => {
    const common = props();
    const next = slide(drawingItem, 1);
    const { container, rerender } = render(
      <SlideStage target={slide(statementItem)} upcoming={next} {...common} />,
    );
    expect(phases(container)).toEqual([
      ['call-to-action', 'in'],
      ['raised-fist', 'upcoming'],
    ]);
    const prepared = container.querySelector('[data-phase="upcoming"]')!;
    expect(prepared).toHaveAttribute('aria-hidden', 'true');
    expect(prepared).toHaveAttribute('inert');

    await act(async () => {
      rerender(<SlideStage target={next} upcoming={null} {...common} />);
    });
    expect(phases(container)).toEqual([
      ['call-to-action', 'out'],
      ['raised-fist', 'in'],
    ]);
    // The same element: nothing was built at the switch.
    expect(container.querySelector('[data-phase="in"]')).toBe(prepared);
  });

  it('leaves the upcoming slide out of the render that puts a new slide up', async () => {
    const common = props();
    const seen: string[][] = [];
    const recordingEntry = (e: StageEntry) => {
      seen.push([e.key]);
      return renderEntry(e);
    };
    const { rerender } = render(
      <SlideStage
        target={slide(statementItem)}
        upcoming={slide(drawingItem, 1)}
        {...common}
        renderEntry={recordingEntry}
      />,
    );
    seen.length = 0;
    await act(async () => {
      rerender(
        <SlideStage
          target={slide(drawingItem, 1)}
          upcoming={slide(caseItem, 2)}
          {...common}
          renderEntry={recordingEntry}
        />,
      );
    });
    // The switch rendered without the new upcoming slide; a later, deferred render built it.
    const firstRender = seen.findIndex(([key]) => key === 'boris-kagarlitsky|en|2');
    expect(firstRender).toBeGreaterThan(0);
    expect(seen.slice(0, firstRender).map(([key]) => key)).toContain('raised-fist|en|1');
  });

  it('keeps a slide waiting for its images hidden, and prepares nothing else meanwhile', async () => {
    const { preloader, finishAll } = deferredPreloader();
    const common = { safeMode: false, fadeMs: 400, preloader, renderEntry };
    const { container, rerender } = render(
      <SlideStage target={slide(statementItem)} {...common} />,
    );
    rerender(
      <SlideStage target={slide(drawingItem, 1)} upcoming={slide(caseItem, 2)} {...common} />,
    );
    expect(phases(container)).toEqual([
      ['call-to-action', 'in'],
      ['raised-fist', 'upcoming'],
    ]);
    const waiting = container.querySelector('[data-phase="upcoming"]');
    await act(async () => finishAll());
    expect(container.querySelector('[data-phase="in"]')).toBe(waiting);
  });
});

describe('SlideStage with a change waiting for its showAt', () => {
  // jsdom lays nothing out: a box 400 px high whose text needs 40 px a character at full size.
  let restore: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers();
    const scale = (element: HTMLElement) => Number(element.style.getPropertyValue('--fit') || 1);
    const spies = [
      vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(400),
      vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(400),
      vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(400),
      vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (
        this: HTMLElement,
      ) {
        return Math.max(400, 40 * (this.textContent?.length ?? 0) * scale(this));
      }),
    ];
    restore = () => spies.forEach((spy) => spy.mockRestore());
  });
  afterEach(() => {
    restore();
    vi.useRealTimers();
  });

  const fitted = (e: StageEntry) =>
    e.screen.kind === 'slide' ? <Fit>{`${e.screen.item.id} ${'x'.repeat(20)}`}</Fit> : null;
  const props = () => ({
    safeMode: false,
    fadeMs: 400,
    preloader: createPreloader(() => Promise.resolve()),
    renderEntry: fitted,
  });
  const fitOf = (container: HTMLElement, itemId: string) =>
    (
      container.querySelector(`.slide-frame[data-item-id="${itemId}"] .fit`) as HTMLElement | null
    )?.style.getPropertyValue('--fit') ?? null;

  it('fits the slide it heard is coming now, hidden, not in the frame that puts it up', async () => {
    const common = props();
    const next = slide(drawingItem, 1);
    const { container, rerender } = render(
      <SlideStage target={slide(statementItem)} upcoming={next} {...common} />,
    );
    // The guess at what comes next is fitted in idle moments: none yet on a busy page, and it
    // is not painted ahead.
    expect(fitOf(container, 'raised-fist')).toBe('');
    expect(container.querySelector('[data-phase="upcoming"]')).not.toHaveAttribute('data-imminent');
    // The core says it goes up at showAt: the page has the lead time to finish it.
    rerender(
      <SlideStage target={slide(statementItem)} upcoming={next} imminent={next} {...common} />,
    );
    const waiting = container.querySelector('[data-phase="upcoming"]');
    expect(waiting).toHaveAttribute('data-item-id', 'raised-fist');
    // Marked as scheduled: the stylesheet paints it ahead, unseen, on a layer of its own.
    expect(waiting).toHaveAttribute('data-imminent', 'true');
    expect(Number(fitOf(container, 'raised-fist'))).toBeGreaterThan(0);
    expect(Number(fitOf(container, 'raised-fist'))).toBeLessThan(1);
    // Its frame: that very element goes up.
    await act(async () => {
      rerender(<SlideStage target={next} {...common} />);
    });
    expect(container.querySelector('[data-phase="in"]')).toBe(waiting);
  });

  it('builds and fits a slide the operator jumped to (not the guessed one) when heard', () => {
    const common = props();
    const { container, rerender } = render(
      <SlideStage target={slide(statementItem)} upcoming={slide(drawingItem, 1)} {...common} />,
    );
    rerender(
      <SlideStage
        target={slide(statementItem)}
        upcoming={slide(drawingItem, 1)}
        imminent={slide(caseItem, 1)}
        {...common}
      />,
    );
    const waiting = container.querySelector('[data-phase="upcoming"]');
    expect(waiting).toHaveAttribute('data-item-id', 'boris-kagarlitsky');
    expect(waiting).toHaveAttribute('aria-hidden', 'true');
    expect(Number(fitOf(container, 'boris-kagarlitsky'))).toBeGreaterThan(0);
    // Still the old slide on air until its frame.
    expect(container.querySelector('[data-phase="in"]')).toHaveAttribute(
      'data-item-id',
      'call-to-action',
    );
  });

  it('lets the scheduler put the imminent slide up in its frame, and React then agrees', async () => {
    const common = props();
    const flip = new StageFlip();
    const due = showState({ itemId: drawingItem.id, sequence: 1 });
    const next = { ...slide(drawingItem, 1), state: due };
    const { container, rerender } = render(
      <SlideStage target={slide(statementItem)} imminent={next} flip={flip} {...common} />,
    );
    const waiting = container.querySelector('[data-imminent="true"]') as HTMLElement;
    const onAir = container.querySelector('[data-phase="in"]') as HTMLElement;
    // Its picture decoded, as DisplayView has it fetched while the slide before is up.
    expect(entryImages(next).length).toBeGreaterThan(0);
    await act(async () => common.preloader.ready(entryImages(next), 1_000));
    // Not for a state it was not built for (another change came meanwhile).
    expect(flip.flipTo({ ...due })).toBe(false);
    expect(phases(container)).toEqual([
      ['call-to-action', 'in'],
      ['raised-fist', 'upcoming'],
    ]);

    expect(flip.flipTo(due)).toBe(true);
    // No render: the attributes that decide what is painted, on the two frames.
    expect(phases(container)).toEqual([
      ['call-to-action', 'out'],
      ['raised-fist', 'in'],
    ]);
    expect(waiting).not.toHaveAttribute('data-imminent');
    expect(container.querySelector('.stage')).toHaveAttribute('data-item-id', 'raised-fist');
    // Once: until React has rendered it, there is nothing more to flip.
    expect(flip.flipTo(due)).toBe(false);

    await act(async () => {
      rerender(<SlideStage target={next} flip={flip} {...common} />);
    });
    expect(phases(container)).toEqual([
      ['call-to-action', 'out'],
      ['raised-fist', 'in'],
    ]);
    expect(container.querySelector('[data-phase="in"]')).toBe(waiting);
    expect(container.querySelector('[data-phase="out"]')).toBe(onAir);
    // What the flip left to React: the new slide can be reached, the old one cannot.
    expect(waiting).not.toHaveAttribute('aria-hidden');
    expect(waiting).not.toHaveAttribute('inert');
    expect(onAir).toHaveAttribute('aria-hidden', 'true');
    expect(onAir).toHaveAttribute('inert');
  });

  it('keeps a flipped slide up through a render of the old state with a newer change heard', async () => {
    const common = props();
    const flip = new StageFlip();
    const due = showState({ itemId: drawingItem.id, sequence: 1 });
    const next = { ...slide(drawingItem, 1), state: due };
    const { container, rerender } = render(
      <SlideStage target={slide(statementItem)} imminent={next} flip={flip} {...common} />,
    );
    await act(async () => common.preloader.ready(entryImages(next), 1_000));
    expect(flip.flipTo(due)).toBe(true);
    const flipped = container.querySelector('[data-phase="in"]');
    // A newer change is heard before React has rendered the flipped one: the render still has
    // the old slide as its target, and another imminent one.
    const newer = { ...slide(caseItem, 2), state: showState({ itemId: caseItem.id, sequence: 2 }) };
    await act(async () => {
      rerender(
        <SlideStage target={slide(statementItem)} imminent={newer} flip={flip} {...common} />,
      );
    });
    // Still exactly one slide on air: the flipped one, the same element.
    expect(container.querySelectorAll('[data-phase="in"]')).toHaveLength(1);
    expect(container.querySelector('[data-phase="in"]')).toBe(flipped);
    // React then renders the flipped state, and the newer change is prepared as usual.
    await act(async () => {
      rerender(<SlideStage target={next} imminent={newer} flip={flip} {...common} />);
    });
    expect(phases(container)).toEqual([
      ['call-to-action', 'out'],
      ['raised-fist', 'in'],
      ['boris-kagarlitsky', 'upcoming'],
    ]);
  });

  it('does not flip a slide whose pictures are not decoded: the old one stays up', () => {
    const { preloader } = deferredPreloader();
    const flip = new StageFlip();
    const due = showState({ itemId: drawingItem.id, sequence: 1 });
    const next = { ...slide(drawingItem, 1), state: due };
    const { container } = render(
      <SlideStage
        target={slide(statementItem)}
        imminent={next}
        flip={flip}
        safeMode={false}
        fadeMs={400}
        preloader={preloader}
        renderEntry={renderEntry}
      />,
    );
    expect(flip.flipTo(due)).toBe(false);
    expect(container.querySelector('[data-phase="in"]')).toHaveAttribute(
      'data-item-id',
      'call-to-action',
    );
  });
});

describe('SlideStage and a video’s first frame', () => {
  const film = {
    kind: 'video',
    id: 'film',
    file: 'media/videos/film.webm',
    title: { en: 'Film' },
    licence: 'CC BY 4.0',
  } as unknown as typeof drawingItem;
  const filmEntry = (n: number) => entry({ kind: 'slide', item: film }, `film|en|${n}`);

  it('puts a video frame up only once its own element has a frame, not another of the same file', async () => {
    vi.useFakeTimers();
    try {
      const preloader = createPreloader(() => Promise.resolve());
      const props = { safeMode: false, fadeMs: 0, preloader, renderEntry };
      const first = filmEntry(1);
      const { container, rerender } = render(
        <SlideStage target={slide(statementItem)} {...props} />,
      );
      rerender(<SlideStage target={first} {...props} />);
      const onAir = () =>
        container.querySelector('[data-phase="in"]')?.getAttribute('data-item-id');
      expect(onAir()).toBe('call-to-action');
      await act(async () => preloader.frameReady(videoFrameKey(first.key)));
      expect(onAir()).toBe('film');

      // The same film again under a new key (a new showing): a new <video>, from nothing.
      const again = filmEntry(2);
      rerender(<SlideStage target={again} {...props} />);
      expect(phases(container)).toEqual([
        ['film', 'in'],
        ['film', 'upcoming'],
      ]);
      await act(async () => preloader.frameReady(videoFrameKey(again.key)));
      expect(phases(container)).toEqual([['film', 'in']]);
      expect(preloader.isReady(entryImages(again))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

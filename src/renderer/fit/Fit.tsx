import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import {
  createFitMemory,
  finishFitting,
  fitElements,
  fitInSteps,
  type FitRange,
  type FitRequest,
  type FitResult,
} from './fit';

/** Shared by every Fit on the page: the same slide shown again fits at once. */
const fitMemory = createFitMemory();

/**
 * Font loads finished on this page, counted from before the first box is fitted. A fit's own
 * layout can start a face loading (the first italic on the page), and that load can finish
 * before the box's effect subscribes to `loadingdone` (a busy page runs effects late, a cached
 * font arrives at once): the box compares the count at its fit with the count then.
 */
let fontLoads = 0;
let countingFontLoads: FontFaceSet | null = null;
function fontLoadsNow(): number {
  const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
  if (fonts && countingFontLoads !== fonts && fonts.addEventListener) {
    countingFontLoads = fonts;
    fonts.addEventListener('loadingdone', () => fontLoads++);
  }
  return fontLoads;
}

/**
 * When the browser has a moment between frames: one step of background fitting (a layout)
 * then never delays a frame of the slide on air, or its cross-fade.
 */
function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(callback, 16);
  return () => clearTimeout(timer);
}
/** Busy for this long, and the next slide is prepared anyway. */
const IDLE_TIMEOUT_MS = 500;

interface QueuedFit extends FitRequest {
  fitted: () => void;
}

interface FitQueue {
  add(fit: QueuedFit): void;
}

const FitBatchContext = createContext<FitQueue | null>(null);

/**
 * The Fit boxes waiting to be fitted together, and, for a slide being prepared off screen,
 * the fitting in progress: one layout per task, so preparing the next slide never holds up a
 * frame of the one on air.
 */
function createFitQueue() {
  const pending: QueuedFit[] = [];
  let background = false;
  let running: {
    steps: Generator<void, FitResult[], void>;
    batch: QueuedFit[];
    cancel: () => void;
  } | null = null;

  const done = (batch: readonly QueuedFit[]) => {
    for (const fit of batch) fit.fitted();
  };
  /** Ends the fitting in progress: now, or (its slide gone) not at all. */
  const stopRunning = (finish: boolean): QueuedFit[] => {
    if (!running) return [];
    const { steps, batch, cancel } = running;
    running = null;
    cancel();
    if (finish) {
      finishFitting(steps);
      done(batch);
      return [];
    }
    steps.return([]);
    return batch;
  };
  const tick = () => {
    if (!running) return;
    if (running.batch.some((fit) => !fit.element.isConnected)) {
      stopRunning(false);
      return;
    }
    if (running.steps.next().done) {
      const { batch } = running;
      running = null;
      done(batch);
    } else {
      running.cancel = whenIdle(tick);
    }
  };
  const flush = () => {
    if (!background) {
      // Going on air: nothing may be painted half-fitted.
      stopRunning(true);
      const batch = pending.splice(0);
      if (batch.length === 0) return;
      fitElements(batch, fitMemory);
      done(batch);
      return;
    }
    if (pending.length === 0) return;
    // New boxes while others are still being fitted: start over with all of them.
    const batch = [...stopRunning(false), ...pending.splice(0)].filter(
      (fit, index, all) =>
        fit.element.isConnected &&
        all.findIndex((other) => other.element === fit.element) === index,
    );
    if (batch.length === 0) return;
    running = { steps: fitInSteps(batch, fitMemory), batch, cancel: whenIdle(tick) };
  };
  return {
    flush,
    /** Set by the FitBatch on each commit, before it flushes. */
    setBackground(value: boolean) {
      background = value;
    },
    add(fit: QueuedFit) {
      if (pending.length === 0) {
        // A box can re-render without its FitBatch (a slide's own timer): then nothing below
        // flushes the queue, and this does, still before the frame is painted.
        queueMicrotask(flush);
      }
      pending.push(fit);
    },
  };
}

/**
 * Fits every Fit box below it together, once per commit, after they have all rendered: the
 * boxes of a slide search in step and share each layout (see fitInSteps), so a new slide
 * costs a few layouts instead of a few per region. In the `background`, for a slide prepared
 * before it goes up, the layouts are spread over tasks; when the slide goes on air, whatever
 * is left is finished before it is painted.
 */
export function FitBatch({
  children,
  background = false,
}: {
  children: ReactNode;
  background?: boolean;
}) {
  const [queue] = useState(createFitQueue);
  // No dependencies: after every commit, and after the boxes' own effects, which run first.
  useLayoutEffect(() => {
    queue.setBackground(background);
    queue.flush();
  });
  return <FitBatchContext.Provider value={queue}>{children}</FitBatchContext.Provider>;
}

type FitTag =
  'div' | 'section' | 'header' | 'footer' | 'aside' | 'blockquote' | 'ol' | 'main' | 'figcaption';

interface FitProps extends Partial<FitRange> {
  as?: FitTag;
  className?: string;
  style?: CSSProperties;
  children: ReactNode;
  /** Anything besides the children that changes the text (the language, a count). */
  watch?: unknown;
  'data-testid'?: string;
}

/**
 * A box whose text shrinks until it fits: on every render (new text, new language), when the
 * box changes size (rotation, window resize) and when a font finishes loading (a Cyrillic
 * face arrives after the first paint and is wider than the fallback).
 */
export function Fit({
  as = 'div',
  className,
  style,
  children,
  min = 0.2,
  max = 1,
  precision,
  watch,
  'data-testid': testId,
}: FitProps) {
  const ref = useRef<HTMLElement | null>(null);
  const batch = useContext(FitBatchContext);
  /** The box size the last fit was for: a resize to the same size needs no new fit. */
  const fittedFor = useRef('');
  /** The markup the last fit was for. */
  const fittedMarkup = useRef<string | null>(null);
  /** How many font loads had finished when the last fit was asked for. */
  const fittedFontLoads = useRef(-1);
  /**
   * Fits the box with the slide's other boxes when there is a batch (a font arriving touches
   * them all), else at once. `markup` is the box's HTML, read once: the skip check, the fit
   * memory and the record of what was fitted all use it. Fitting writes only the box's own
   * style and data attribute, so its inner HTML is the same afterwards.
   */
  const fit = useCallback(
    (markup?: string) => {
      const element = ref.current;
      if (!element) return;
      const request = {
        element,
        range: { min, max, precision },
        markup: markup ?? element.innerHTML,
      };
      const loads = fontLoadsNow();
      const fitted = () => {
        fittedFor.current = `${element.clientWidth}x${element.clientHeight}`;
        fittedMarkup.current = request.markup;
        fittedFontLoads.current = loads;
      };
      if (batch) {
        batch.add({ ...request, fitted });
      } else {
        fitElements([request], fitMemory);
        fitted();
      }
    },
    [batch, min, max, precision],
  );

  // Before paint, so a slide never shows a frame of overflowing text. The children are new
  // objects on every render (the display renders each second for its clocks, and the outgoing
  // slide again during the cross-fade): only markup that really changed is fitted again, since
  // each fit forces layouts. Size changes and fonts arriving are watched below.
  useLayoutEffect(() => {
    const markup = ref.current?.innerHTML;
    if (markup === undefined || markup === fittedMarkup.current) return;
    fit(markup);
  }, [fit, children, watch]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fitAgain = () => fit();
    // A ResizeObserver reports once as soon as it observes: that size is already fitted.
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (`${element.clientWidth}x${element.clientHeight}` !== fittedFor.current) fitAgain();
          });
    observer?.observe(element);
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    let live = true;
    // Fonts still loading when the slide went up: fit again once they are in.
    if (fonts && fonts.status !== 'loaded') {
      void fonts.ready.then(() => {
        if (live) fitAgain();
      });
    }
    fonts?.addEventListener?.('loadingdone', fitAgain);
    // A face that finished loading between the fit and now: its event has already gone by.
    if (fittedFontLoads.current !== -1 && fittedFontLoads.current !== fontLoadsNow()) fitAgain();
    return () => {
      live = false;
      observer?.disconnect();
      fonts?.removeEventListener?.('loadingdone', fitAgain);
    };
  }, [fit]);

  // One element type for TypeScript's sake; the tag itself is whichever `as` names.
  const Tag = as as 'div';
  return (
    <Tag
      ref={ref as RefObject<HTMLDivElement | null>}
      className={className ? `fit ${className}` : 'fit'}
      style={style}
      data-testid={testId}
    >
      {children}
    </Tag>
  );
}

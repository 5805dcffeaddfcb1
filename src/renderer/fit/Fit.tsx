import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  type CSSProperties,
  type ReactNode,
  type RefObject,
} from 'react';
import { createFitMemory, fitElement, type FitRange } from './fit';

/** Shared by every Fit on the page: the same slide shown again fits at once. */
const fitMemory = createFitMemory();

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
  /** The box size the last fit was for: a resize to the same size needs no new fit. */
  const fittedFor = useRef('');
  /** The markup the last fit was for. */
  const fittedMarkup = useRef<string | null>(null);
  const refit = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    fitElement(element, { min, max, precision }, fitMemory);
    fittedFor.current = `${element.clientWidth}x${element.clientHeight}`;
    fittedMarkup.current = element.innerHTML;
  }, [min, max, precision]);

  // Before paint, so a slide never shows a frame of overflowing text. The children are new
  // objects on every render (the display renders each second for its clocks, and the outgoing
  // slide again during the cross-fade): only markup that really changed is fitted again, since
  // each fit forces layouts. Size changes and fonts arriving are watched below.
  useLayoutEffect(() => {
    const element = ref.current;
    if (element && element.innerHTML === fittedMarkup.current) return;
    refit();
  }, [refit, children, watch]);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    // A ResizeObserver reports once as soon as it observes: that size is already fitted.
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            if (`${element.clientWidth}x${element.clientHeight}` !== fittedFor.current) refit();
          });
    observer?.observe(element);
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    let live = true;
    // Fonts still loading when the slide went up: fit again once they are in.
    if (fonts && fonts.status !== 'loaded') {
      void fonts.ready.then(() => {
        if (live) refit();
      });
    }
    fonts?.addEventListener?.('loadingdone', refit);
    return () => {
      live = false;
      observer?.disconnect();
      fonts?.removeEventListener?.('loadingdone', refit);
    };
  }, [refit]);

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

/**
 * Auto-fit: the largest text scale at which a box's content fits inside it.
 *
 * Every slide region is a box with a size the layout decides (a grid cell, a capped strip).
 * Its text is sized in CSS as `calc(n * var(--u) * var(--fit))`, so one number scales the
 * whole region; we search that number. Layout is monotonic enough in the scale (bigger text
 * never takes less room) for a binary search, and ~7 steps of 1 % cost a few layouts.
 */

export interface FitRange {
  /** The smallest scale tried. Below it text would be unreadable anyway. */
  min: number;
  /** The designed size: never grow beyond it. */
  max: number;
  /** Stop when the bracket is this narrow. */
  precision?: number;
}

export interface FitResult {
  scale: number;
  /** False when even `min` overflows: the caller must fall back (break words anywhere). */
  fits: boolean;
}

/** Binary search for the largest scale in [min, max] for which `fits(scale)` holds. */
export function fitScale(fits: (scale: number) => boolean, range: FitRange): FitResult {
  const { min, max, precision = 0.01 } = range;
  if (fits(max)) return { scale: max, fits: true };
  if (!fits(min)) return { scale: min, fits: false };
  let low = min; // fits
  let high = max; // does not
  while (high - low > precision) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return { scale: low, fits: true };
}

/** The sizes an element reports; the DOM's, or a fake in tests. */
export interface BoxSizes {
  scrollWidth: number;
  scrollHeight: number;
  clientWidth: number;
  clientHeight: number;
}

/** True when nothing sticks out of the box, in either direction. */
export function contentFits(box: BoxSizes): boolean {
  return box.scrollHeight <= box.clientHeight && box.scrollWidth <= box.clientWidth;
}

export const FIT_VARIABLE = '--fit';

/**
 * How far a slide's main text may grow past its designed size when the box has room: a short
 * text on a tall portrait screen should fill it, since every centimetre counts at 20 m.
 */
export const GROW = 1.3;

/**
 * Fits `element` in place: writes the scale to `--fit` on it and returns the result. When even
 * the smallest scale overflows (one word longer than the box is wide), it allows breaking
 * words anywhere (`data-fit="anywhere"`, see display.css) and searches again, so text is
 * never cut; in the ordinary case words stay whole and the type shrinks instead.
 */
export function fitElement(element: HTMLElement, range: FitRange): FitResult {
  const apply = (scale: number) => {
    element.style.setProperty(FIT_VARIABLE, scale.toFixed(3));
    return contentFits(element);
  };
  element.dataset.fit = 'normal';
  let result = fitScale(apply, range);
  if (!result.fits) {
    element.dataset.fit = 'anywhere';
    result = fitScale(apply, range);
    if (!result.fits) element.dataset.fit = 'overflow';
  }
  apply(result.scale);
  return result;
}

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

/**
 * Binary search for the largest scale in [min, max] for which `fits(scale)` holds. A `guess`,
 * asked right after `max` failed (from how far it overflows), narrows the bracket first, so a
 * fit usually costs five or six layouts instead of nine.
 */
export function fitScale(
  fits: (scale: number) => boolean,
  range: FitRange,
  guessAfterMax?: () => number,
): FitResult {
  const { min, max, precision = 0.01 } = range;
  if (fits(max)) return { scale: max, fits: true };
  const guess = guessAfterMax?.();
  let low = min; // fits, once checked
  let high = max; // does not
  let lowChecked = false;
  if (guess !== undefined && guess > min && guess < max) {
    if (fits(guess)) {
      low = guess;
      lowChecked = true;
      const up = guess * 1.2;
      if (up < max) {
        if (fits(up)) low = up;
        else high = up;
      }
    } else {
      high = guess;
      const down = guess * 0.8;
      if (down > min) {
        if (fits(down)) {
          low = down;
          lowChecked = true;
        } else {
          high = down;
        }
      }
    }
  }
  if (!lowChecked && !fits(min)) return { scale: min, fits: false };
  while (high - low > precision) {
    const mid = (low + high) / 2;
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return { scale: low, fits: true };
}

/**
 * Where to start looking, from the sizes at the designed scale: a text's area grows with the
 * square of its size, a word too long for the line only with its size.
 */
export function guessScale(box: BoxSizes, max: number): number {
  const byHeight = Math.sqrt(box.clientHeight / Math.max(1, box.scrollHeight));
  const byWidth = box.clientWidth / Math.max(1, box.scrollWidth);
  return max * Math.min(byHeight, byWidth);
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
  // Read right after the designed size failed, so the sizes are those at `max`.
  const guess = () => guessScale(element, range.max);
  element.dataset.fit = 'normal';
  let result = fitScale(apply, range, guess);
  if (!result.fits) {
    element.dataset.fit = 'anywhere';
    result = fitScale(apply, range, guess);
    if (!result.fits) element.dataset.fit = 'overflow';
  }
  apply(result.scale);
  return result;
}

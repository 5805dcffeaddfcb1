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
 * The largest scale in [min, max] for which `fits(scale)` holds, to within the precision. Each
 * `fits` call is a forced layout, so the search spends few: after a scale overflows,
 * `estimate(scale)` (from how far it overflows, read from that same layout) says where the
 * text would just fit, and the search steps there, a little under. That lands within a few
 * per cent, usually from above; bisection closes the rest. Without an estimate it bisects.
 */
export function fitScale(
  fits: (scale: number) => boolean,
  range: FitRange,
  estimate?: (overflowingScale: number) => number,
): FitResult {
  const { min, max, precision = 0.01 } = range;
  if (fits(max)) return { scale: max, fits: true };
  let low = min; // fits, once checked
  let high = max; // does not
  let lowChecked = false;
  if (estimate) {
    let scale = estimate(max) * APPROACH;
    for (let step = 0; step < MAX_APPROACH_STEPS && scale > low && scale < high; step++) {
      if (fits(scale)) {
        low = scale;
        lowChecked = true;
        break;
      }
      high = scale;
      // Always at least one step of precision lower, so a poor estimate still makes progress.
      scale = Math.min(estimate(scale) * APPROACH, scale - precision);
    }
    // The estimate undershot: look a little higher before bisecting the whole way up.
    if (lowChecked && high === max && low * UNDERSHOT_STEP < max) {
      const up = low * UNDERSHOT_STEP;
      if (fits(up)) low = up;
      else high = up;
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

/** Aim this far under the estimate: text reflows in steps, so the exact estimate often misses. */
const APPROACH = 0.99;
const MAX_APPROACH_STEPS = 3;
const UNDERSHOT_STEP = 1.04;

/**
 * Where the text would just fit, from the sizes at a scale where it overflows: a text's area
 * grows with the square of its size, a word too long for the line only with its size.
 */
export function guessScale(box: BoxSizes, scale: number): number {
  const byHeight = Math.sqrt(box.clientHeight / Math.max(1, box.scrollHeight));
  const byWidth = box.clientWidth / Math.max(1, box.scrollWidth);
  return scale * Math.min(byHeight, byWidth);
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

/** What the search found for one box: its scale, how words may break, and the box's size. */
interface RememberedFit {
  scale: number;
  wrap: string;
  fits: boolean;
  width: number;
  height: number;
}

/**
 * The scales found before, by what decides them: the markup inside, the range and the fonts'
 * state, with the box's size checked on use. A venue loop shows the same slides all night; a
 * slide seen before then fits with one layout, already at its final size, instead of a search
 * (a layout per step, each one shaping the text at a new size). The oldest are forgotten first.
 */
export function createFitMemory(limit = 400) {
  const fits = new Map<string, RememberedFit>();
  return {
    recall(key: string): RememberedFit | undefined {
      const found = fits.get(key);
      if (found) {
        fits.delete(key);
        fits.set(key, found);
      }
      return found;
    },
    remember(key: string, fit: RememberedFit): void {
      fits.delete(key);
      fits.set(key, fit);
      if (fits.size > limit) fits.delete(fits.keys().next().value as string);
    },
    get size() {
      return fits.size;
    },
  };
}
export type FitMemory = ReturnType<typeof createFitMemory>;

/** Read before anything is laid out: no sizes, so looking up costs no layout. */
function memoryKey(element: HTMLElement, range: FitRange): string {
  const fonts = typeof document !== 'undefined' ? document.fonts?.status : undefined;
  return [
    range.min,
    range.max,
    range.precision ?? '',
    fonts ?? '',
    element.className,
    element.innerHTML,
  ].join('|');
}

/**
 * Fits `element` in place: writes the scale to `--fit` on it and returns the result. When even
 * the smallest scale overflows (one word longer than the box is wide), it allows breaking
 * words anywhere (`data-fit="anywhere"`, see display.css) and searches again, so text is
 * never cut; in the ordinary case words stay whole and the type shrinks instead.
 */
export function fitElement(element: HTMLElement, range: FitRange, memory?: FitMemory): FitResult {
  const write = (scale: number) => element.style.setProperty(FIT_VARIABLE, scale.toFixed(3));
  const apply = (scale: number) => {
    write(scale);
    return contentFits(element);
  };
  const key = memory ? memoryKey(element, range) : '';
  const known = memory?.recall(key);
  if (known) {
    element.dataset.fit = known.wrap;
    write(known.scale);
    // Checked, not trusted: the same box, and nothing overflows, whatever the memory says.
    const sameBox = element.clientWidth === known.width && element.clientHeight === known.height;
    if (sameBox && (contentFits(element) || !known.fits)) {
      return { scale: known.scale, fits: known.fits };
    }
  }
  // Read right after `scale` overflowed, so the sizes are those of that same layout.
  const guess = (scale: number) => guessScale(element, scale);
  element.dataset.fit = 'normal';
  let result = fitScale(apply, range, guess);
  if (!result.fits) {
    element.dataset.fit = 'anywhere';
    result = fitScale(apply, range, guess);
    if (!result.fits) element.dataset.fit = 'overflow';
  }
  // Written, not measured again: the search already saw this scale fit. Each measurement is a
  // forced layout, and a slide change runs a dozen searches.
  write(result.scale);
  memory?.remember(key, {
    ...result,
    wrap: element.dataset.fit,
    width: element.clientWidth,
    height: element.clientHeight,
  });
  return result;
}

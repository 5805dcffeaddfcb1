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

/** What one layout said about a candidate scale. */
export interface Trial {
  fits: boolean;
  /** Where the text would just fit, read from the same layout; only when it overflowed. */
  estimate?: number;
}

/**
 * The search for the largest scale in [min, max] that fits, to within the precision, one
 * candidate at a time: it yields a scale to try and is told how that went. Each trial is a
 * forced layout, so it spends few: after a scale overflows, the estimate (from how far it
 * overflows) says where the text would just fit, and the search steps there, a little under.
 * That lands within a few per cent, usually from above; bisection closes the rest. Written
 * as a generator so that many boxes can search in step, sharing each layout.
 */
export function* scaleSearch(range: FitRange): Generator<number, FitResult, Trial> {
  const { min, max, precision = 0.01 } = range;
  const first = yield max;
  if (first.fits) return { scale: max, fits: true };
  let low = min; // fits, once checked
  let high = max; // does not
  let lowChecked = false;
  let scale = (first.estimate ?? Number.NaN) * APPROACH;
  for (let step = 0; step < MAX_APPROACH_STEPS && scale > low && scale < high; step++) {
    const trial = yield scale;
    if (trial.fits) {
      low = scale;
      lowChecked = true;
      break;
    }
    high = scale;
    // Always at least one step of precision lower, so a poor estimate still makes progress.
    scale = Math.min((trial.estimate ?? Number.NaN) * APPROACH, scale - precision);
  }
  // The estimate undershot: look a little higher before bisecting the whole way up.
  if (lowChecked && high === max && low * UNDERSHOT_STEP < max) {
    const up = low * UNDERSHOT_STEP;
    if ((yield up).fits) low = up;
    else high = up;
  }
  if (!lowChecked && !(yield min).fits) return { scale: min, fits: false };
  while (high - low > precision) {
    const mid = (low + high) / 2;
    if ((yield mid).fits) low = mid;
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

/**
 * Two independent 32-bit FNV-1a hashes of `text`: the memory keeps this, not the markup, so a
 * long show does not hold hundreds of slides' HTML. A collision could only cost a smaller type
 * than necessary for one box (a remembered scale is always checked to fit), at odds of about
 * one in 2^64.
 */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

/** Read before anything is laid out: no sizes, so looking up costs no layout. */
function memoryKey({ element, range, markup: inner }: FitRequest): string {
  const fonts = typeof document !== 'undefined' ? document.fonts?.status : undefined;
  const markup = [element.className, inner ?? element.innerHTML].join('|');
  return [range.min, range.max, range.precision ?? '', fonts ?? '', hashText(markup)].join('|');
}

export interface FitRequest {
  element: HTMLElement;
  range: FitRange;
  /** The box's inner HTML, when the caller has already read it. */
  markup?: string;
}

/** One box while it is being fitted. */
interface BoxFit {
  element: HTMLElement;
  range: FitRange;
  key: string;
  known?: RememberedFit;
  search?: Generator<number, FitResult, Trial>;
  /** The scale written for the layout being read. */
  trying: number;
  result?: FitResult;
}

function writeScale(element: HTMLElement, scale: number): void {
  element.style.setProperty(FIT_VARIABLE, scale.toFixed(3));
}

/** Starts (or restarts, breaking words anywhere) a box's search and writes its first try. */
function startSearch(box: BoxFit, wrap: 'normal' | 'anywhere'): void {
  box.element.dataset.fit = wrap;
  box.search = scaleSearch(box.range);
  box.trying = box.search.next().value as number;
  writeScale(box.element, box.trying);
}

/**
 * Fits every box in place: writes each one's scale to `--fit` and returns the results, in
 * order. When even the smallest scale overflows (one word longer than the box is wide), a box
 * may break words anywhere (`data-fit="anywhere"`, see display.css) and is searched again, so
 * text is never cut; in the ordinary case words stay whole and the type shrinks instead.
 *
 * The boxes search in step: every box writes its next try, then one layout answers them all.
 * A slide's regions cost as many layouts as its slowest search, not the sum of them, and a
 * slide seen before (every box remembered) costs one. It yields before each layout, so a
 * caller can spread the work over several tasks (fitting a slide before it goes up).
 */
export function* fitInSteps(
  requests: readonly FitRequest[],
  memory?: FitMemory,
): Generator<void, FitResult[], void> {
  const boxes: BoxFit[] = requests.map((request) => {
    const { element, range } = request;
    const key = memory ? memoryKey(request) : '';
    return { element, range, key, known: memory?.recall(key), trying: range.max };
  });
  // Writes first, for every box, so that what follows costs one layout.
  for (const box of boxes) {
    if (box.known) {
      box.element.dataset.fit = box.known.wrap;
      writeScale(box.element, box.known.scale);
    } else {
      startSearch(box, 'normal');
    }
  }
  if (boxes.some((box) => box.known)) yield;
  for (const box of boxes) {
    const known = box.known;
    if (!known) continue;
    // Checked, not trusted: the same box, and nothing overflows, whatever the memory says.
    const { element } = box;
    const sameBox = element.clientWidth === known.width && element.clientHeight === known.height;
    if (sameBox && (contentFits(element) || !known.fits)) {
      box.result = { scale: known.scale, fits: known.fits };
    } else {
      startSearch(box, 'normal');
    }
  }
  let searching = boxes.filter((box) => !box.result);
  while (searching.length > 0) {
    yield;
    // One layout: the first read. Every later read in this pass comes from the same layout.
    for (const box of searching) {
      const { element } = box;
      const fits = contentFits(element);
      const step = box.search!.next({
        fits,
        estimate: fits ? undefined : guessScale(element, box.trying),
      });
      if (!step.done) {
        box.trying = step.value;
        continue;
      }
      if (!step.value.fits && element.dataset.fit === 'normal') {
        startSearch(box, 'anywhere');
        continue;
      }
      if (!step.value.fits) element.dataset.fit = 'overflow';
      box.result = step.value;
    }
    // Then the writes: the next tries, and the final scales (already seen to fit).
    for (const box of searching)
      writeScale(box.element, box.result ? box.result.scale : box.trying);
    searching = searching.filter((box) => !box.result);
  }
  if (memory) {
    for (const box of boxes) {
      if (box.known && box.result?.scale === box.known.scale) continue;
      memory.remember(box.key, {
        ...box.result!,
        wrap: box.element.dataset.fit ?? 'normal',
        width: box.element.clientWidth,
        height: box.element.clientHeight,
      });
    }
  }
  return boxes.map((box) => box.result!);
}

/** Runs fitInSteps to the end, now. */
export function finishFitting(steps: Generator<void, FitResult[], void>): FitResult[] {
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** Fits every box in place, now; see fitInSteps. */
export function fitElements(requests: readonly FitRequest[], memory?: FitMemory): FitResult[] {
  return finishFitting(fitInSteps(requests, memory));
}

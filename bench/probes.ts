// Scripts the benchmarks run in a page before any of the page's own. Strings, not functions:
// bench/ is type-checked without the DOM library.

/** The display's slide on the stage: the frame fading in, else any frame with an item. */
export const DISPLAY_SLIDE = [
  '.slide-frame[data-phase="in"][data-item-id]',
  '.slide-frame[data-item-id]',
  '.slide-frame[data-item]',
] as const;

/** reveal.js's current slide, once the deck has initialised (the deck marks it `ready`). */
export const REVEAL_SLIDE = ['.reveal.ready .slides > section.present[data-item-id]'] as const;

/**
 * Sets `window.__bench.firstSlide` to the wall-clock time the first slide (the first of
 * `selectors` that matches, in that order) was painted with every image in it decoded. The same probe for our display and for the
 * reveal.js deck, so the two are timed to the same event.
 */
export function firstSlideProbe(selectors: readonly string[]): string {
  return `(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = (window.__bench = window.__bench || {});
  bench.firstSlide = null;
  bench.firstSlideItem = null;
  bench.slideInDom = null;
  let waiting = false;
  const selectors = ${JSON.stringify(selectors)};
  const check = () => {
    if (bench.firstSlide !== null || waiting) return;
    const frame = selectors.map((s) => document.querySelector(s)).find(Boolean);
    if (!frame) return;
    if (bench.slideInDom === null) bench.slideInDom = now();
    const images = [...frame.querySelectorAll('img')];
    if (!images.every((img) => img.complete && img.naturalWidth > 0)) return;
    waiting = true;
    // Decoded, then two frames: the second callback runs once the frame with the slide is out.
    Promise.all(images.map((img) => img.decode().catch(() => undefined))).then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          bench.firstSlide = now();
          bench.firstSlideItem = frame.getAttribute('data-item-id') || frame.getAttribute('data-item');
        }),
      ),
    );
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('load', check, true);
})()`;
}

/** What the transition benchmark asks of the display: item changes and animation frames. */
export const SHOW_PROBES = `(() => {
  const bench = (window.__bench = window.__bench || {});
  bench.frames = [];
  bench.recording = false;
  // armChange() notes the item on the stage; change then resolves once another one is there.
  // Two steps, because the command reaches the page over the show's socket and could beat an
  // observer set up in the same call. Always the same two sources, so the measuring compiles
  // nothing new in the page: each distinct evaluated string stays in V8's heap as growth.
  const shownItem = () => document.querySelector('.stage')?.getAttribute('data-item-id') ?? null;
  bench.armChange = () => {
    const before = shownItem();
    bench.change = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (shownItem() === before) return;
        observer.disconnect();
        resolve(shownItem());
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-item-id'] });
    });
    return before;
  };
  bench.startFrames = () => {
    bench.frames = [];
    bench.recording = true;
    const loop = (t) => {
      if (!bench.recording) return;
      bench.frames.push(t);
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };
  bench.stopFrames = () => {
    bench.recording = false;
    const frames = bench.frames;
    bench.frames = [];
    return frames;
  };
})()`;

// waitForFunction takes a function: a string predicate is evaluated with eval, which the
// display's CSP (rightly) forbids.
interface PageGlobals {
  __bench: { firstSlide: number | null };
}
// Self-contained: Playwright sends the function's source to the page, not its closure.
export const firstSlidePainted = () =>
  (globalThis as unknown as PageGlobals).__bench.firstSlide !== null;

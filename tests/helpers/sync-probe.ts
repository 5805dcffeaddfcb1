import type { Page } from '@playwright/test';

/*
 * What the sync e2e test and the sync benchmark read from each screen, installed before the
 * app: for every `show` message, when it was heard and its `showAt`; for every change of the
 * slide (or of the sung line) on screen, the frame that painted it and when that frame's
 * rendering was done.
 *
 * Why not "the next animation frame after the DOM change" (the first version): a change made
 * in a frame's own callback (a scheduled one) is painted in THAT frame, and the next frame's
 * stamp added a frame, or many on a busy page, to scheduled changes but not to changes
 * applied on receipt. And a frame's time is when it began: a busy page runs a frame's
 * callbacks long after it, so the frame time alone can call a late paint on time.
 *
 * When the rendering was done is the first task after the frame, posted as the frame's first
 * callback runs. A task posted later in the frame (the second version stamped from the change
 * itself) queued behind whatever the page had posted meanwhile, such as React's own work after
 * a commit, and counted that work as the frame's rendering.
 */

export interface ProbeChange {
  /** What changed to: the slide's item id, or `line:<n>` for a lyric line. */
  id: string | null;
  /** The DOM change's own time (page clock, epoch ms). */
  dom: number;
  /** The time of the animation frame that painted it. */
  frame: number;
  /** When that frame's rendering was done on the page's main thread: the first task after it. */
  painted: number;
  /**
   * Whether the change was made in a frame's callback (a scheduled change), not on receipt.
   * A stamped change made outside a frame after its showAt was handled late: the page could
   * not get to the message before it was due.
   */
  inFrame: boolean;
}

/** A frame the page ran callbacks in: its time, and when its first callback ran. */
export interface ProbeFrame {
  time: number;
  ran: number;
}

/** When a slide was marked imminent: built hidden, its change heard and waiting for its frame. */
export interface ProbeImminent {
  id: string;
  at: number;
  /**
   * With `images`: when every picture of that frame was decoded (its own <img>s' `decode()`).
   * The display puts a slide up only once its pictures are decoded, so before then it cannot.
   */
  imagesAt?: number;
}

export interface ProbeHeard {
  itemId: string | null;
  line: number | null;
  showAt: number | null;
  /** When the page got the message (page clock). */
  heard: number;
  /** The page's clock offset then (NaN before it had one): the one it scheduled the change by. */
  offset: number;
}

export interface ProbeOptions {
  /** Take `showAt` out of every message: the baseline that applies changes on receipt. */
  stripShowAt?: boolean;
  /** The element whose change is watched, and how its id is read. */
  watch?: 'slide' | 'line';
  /** Note when each imminent slide's pictures are decoded (`ProbeImminent.imagesAt`). */
  images?: boolean;
}

export const syncProbe = ({
  stripShowAt = false,
  watch = 'slide',
  images = false,
}: ProbeOptions = {}) => `(() => {
  const now = () => performance.timeOrigin + performance.now();
  window.__changes = [];
  window.__heard = [];
  window.__prepared = [];
  // Every frame the page ran a callback in: while a change waits, the scheduler asks for each.
  window.__frames = [];
  // Each slide as it was marked imminent: the page had taken its change in and scheduled it.
  window.__imminent = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    set onmessage(handler) {
      super.onmessage = handler && ((event) => {
        const data = String(event.data);
        if (!data.startsWith('{"type":"show"')) return handler(event);
        const message = JSON.parse(data);
        const show = message.show;
        window.__heard.push({
          itemId: show.itemId, line: show.lyrics ? show.lyrics.line : null,
          showAt: ${stripShowAt} ? null : (show.showAt ?? null), heard: now(),
          // The clock offset the page had when it heard this: the one it scheduled it by.
          offset: Number(document.querySelector('[data-sync-offset]')?.getAttribute('data-sync-offset')),
        });
        if (!${stripShowAt}) return handler(event);
        delete show.showAt;
        return handler(new MessageEvent('message', { data: JSON.stringify(message) }));
      });
    }
    get onmessage() { return super.onmessage; }
    send(data) {
      // The page's reports of when it had a change in (the core learns its lead from them).
      if (String(data).startsWith('{"type":"prepared"')) {
        window.__prepared.push({ ...JSON.parse(String(data)), sent: now() });
      }
      return super.send(data);
    }
  };
  // Whether the page is inside a frame's rendering steps (its callbacks, then style, layout,
  // paint): from the first callback of a frame until a task, which runs only after them.
  const nativeFrame = window.requestAnimationFrame.bind(window);
  let inFrame = false;
  let frameTime = 0;
  const afterRendering = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then();
    channel.port2.postMessage(null);
  };
  // Changes painted by the frame running now, told when its rendering is done.
  let frameWaiters = [];
  // The frame's "rendering done" task is posted before any of the page's callbacks run: a task
  // the page posts in its callbacks (React's own work after a commit) would otherwise run
  // first, and its time would count as the frame's rendering.
  const beginFrame = (t) => {
    if (inFrame) return;
    inFrame = true;
    frameTime = performance.timeOrigin + t;
    window.__frames.push({ time: frameTime, ran: now() });
    if (window.__frames.length > 2000) window.__frames.shift();
    const waiters = (frameWaiters = []);
    afterRendering(() => {
      inFrame = false;
      const done = now();
      for (const w of waiters) w(done);
    });
  };
  window.requestAnimationFrame = (callback) => nativeFrame((t) => {
    beginFrame(t);
    callback(t);
  });
  const read = ${
    watch === 'slide'
      ? `() => {
    const frame = document.querySelector('.slide-frame[data-phase="in"]');
    return frame ? frame.getAttribute('data-item-id') : null;
  }`
      : `() => {
    const line = document.querySelector('[data-lyric-line]');
    return line ? 'line:' + line.getAttribute('data-lyric-line') : null;
  }`
  };
  let last = null;
  let lastImminent = null;
  const checkImminent = () => {
    const frame = document.querySelector('.slide-frame[data-imminent="true"]');
    const id = frame ? frame.getAttribute('data-item-id') : null;
    if (id !== null && id !== lastImminent) {
      const mark = { id, at: now() };
      window.__imminent.push(mark);
      if (${images}) {
        const pictures = [...frame.querySelectorAll('img')];
        Promise.all(pictures.map((img) => img.decode().catch(() => undefined))).then(() => {
          mark.imagesAt = now();
        });
      }
    }
    lastImminent = id;
  };
  const check = () => {
    checkImminent();
    const id = read();
    if (id === last) return;
    last = id;
    const change = { id, dom: now(), frame: 0, painted: 0, inFrame };
    window.__changes.push(change);
    const stamp = (time) => {
      frameWaiters.push((done) => { change.painted = done; change.frame = time; });
    };
    // Made inside a frame (a scheduled change): that frame paints it. Else the next one.
    if (inFrame) stamp(frameTime);
    else nativeFrame((t) => { beginFrame(t); stamp(performance.timeOrigin + t); });
  };
  const start = () => {
    new MutationObserver(check).observe(document.documentElement, {
      subtree: true, childList: true, characterData: true, attributes: true,
      attributeFilter: ['data-item-id', 'data-phase', 'data-lyric-line', 'data-imminent'],
    });
    check();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})()`;

export const FRAME_MS = 1000 / 60;

/**
 * The vsync at which a change reached the screen: the first frame boundary after its
 * frame's rendering was done (frames tick every FRAME_MS from the painting frame's time).
 * A page that rendered its frame in time shows it one frame after the frame's start, like
 * every other page; one that ran that frame late shows it as late as it really did.
 */
export function presentedAt(change: ProbeChange): number {
  const frames = Math.max(1, Math.ceil((change.painted - change.frame) / FRAME_MS - 1e-6));
  return change.frame + frames * FRAME_MS;
}

export const changesOf = (page: Page) => page.evaluate<ProbeChange[]>('window.__changes');
/** How many changes a page has recorded, and the last: a light read for polling. */
export const latestChangeOf = (page: Page) =>
  page.evaluate<{ count: number; last: ProbeChange | null }>(
    '({ count: window.__changes.length, last: window.__changes.at(-1) ?? null })',
  );
export const heardOf = (page: Page) => page.evaluate<ProbeHeard[]>('window.__heard');
export const framesOf = (page: Page) => page.evaluate<ProbeFrame[]>('window.__frames');
/** A page's `prepared` reports as it sent them, and when (page clock). */
export interface ProbePrepared {
  showAt: number;
  at: number;
  sent: number;
}
export const preparedOf = (page: Page) => page.evaluate<ProbePrepared[]>('window.__prepared');
export const imminentOf = (page: Page) => page.evaluate<ProbeImminent[]>('window.__imminent');
export const offsetOf = (page: Page) =>
  page.evaluate<number>(
    `Number(document.querySelector('[data-sync-offset]')?.getAttribute('data-sync-offset'))`,
  );

/** Flags a screen's Chromium needs to keep its frames and timers when not in front. */
export const SCREEN_FLAGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

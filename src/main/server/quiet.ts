import { SOCKET_PATH } from '../../shared/protocol';

/**
 * When the server has stopped being asked for things: the core reads the pack only once a
 * browser that opened its page has its scripts. Node serves files and reads the pack on one
 * thread; traced at start-up, the display's 336 kB script waited ~350 ms behind the pack's
 * loading (its parsers compiled, the YAML read and checked, the engine built), while the
 * browser sat idle. Sent first, the browser compiles it while the pack loads.
 */
export interface QuietWatch {
  /** A request has arrived. */
  touch(): void;
  /**
   * Something waits for the content itself (a view's socket, a pack file): its page has its
   * scripts, so the quiet wait ends at once.
   */
  wanted(): void;
  /**
   * A page was served that names these files (`/assets/…` paths): its browser asks for them
   * next, and the wait ends once each has been answered.
   */
  expect(paths: readonly string[]): void;
  /** A response to `url` has gone out in full. */
  answered(url: string): void;
  /**
   * Resolves once every file a served page named has been answered, or no request has arrived
   * for `quietMs`, or `maxMs` after the call, whichever comes first: a stream of requests
   * cannot keep the pack from loading, nor can a browser that had the files already.
   */
  settled(quietMs: number, maxMs: number): Promise<void>;
}

/** Counts from its creation (the server listening): a browser needs a moment to ask at all. */
export function createQuietWatch(now: () => number = () => performance.now()): QuietWatch {
  let last = now();
  let isWanted = false;
  // Files named by a served page and not yet answered; `pageServed` once a page named any.
  const outstanding = new Set<string>();
  let pageServed = false;
  const waiting = new Set<() => void>();
  const endWaits = () => {
    for (const resolve of waiting) resolve();
    waiting.clear();
  };
  return {
    touch() {
      last = now();
    },
    wanted() {
      isWanted = true;
      endWaits();
    },
    expect(paths) {
      if (paths.length === 0) return;
      pageServed = true;
      for (const p of paths) outstanding.add(p);
    },
    answered(url) {
      const [pathname = ''] = url.split('?', 1);
      if (!outstanding.delete(pathname)) return;
      if (outstanding.size === 0) endWaits();
    },
    settled(quietMs, maxMs) {
      const deadline = now() + maxMs;
      return new Promise((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = () => {
          clearTimeout(timer);
          waiting.delete(done);
          resolve();
        };
        const check = () => {
          const at = now();
          const quietAt = Math.min(last + quietMs, deadline);
          const pageHasAll = pageServed && outstanding.size === 0;
          if (isWanted || pageHasAll || at >= quietAt) done();
          else timer = setTimeout(check, quietAt - at);
        };
        waiting.add(done);
        check();
      });
    },
  };
}

/** A request that waits for the content: a view's socket, or a file of the pack. */
export function wantsContent(url: string): boolean {
  const [pathname = ''] = url.split('?', 1);
  return pathname === SOCKET_PATH || pathname.startsWith('/media/');
}

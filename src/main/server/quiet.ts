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
   * Resolves once no request has arrived for `quietMs`, or `maxMs` after the call, whichever
   * comes first: a stream of requests cannot keep the pack from loading.
   */
  settled(quietMs: number, maxMs: number): Promise<void>;
}

/** Counts from its creation (the server listening): a browser needs a moment to ask at all. */
export function createQuietWatch(now: () => number = () => performance.now()): QuietWatch {
  let last = now();
  let isWanted = false;
  const waiting = new Set<() => void>();
  return {
    touch() {
      last = now();
    },
    wanted() {
      isWanted = true;
      for (const resolve of waiting) resolve();
      waiting.clear();
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
          if (isWanted || at >= quietAt) done();
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

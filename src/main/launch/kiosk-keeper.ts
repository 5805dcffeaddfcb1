/** A started browser process, as much of it as the keeper uses. */
export interface KioskProcess {
  on(event: 'exit', cb: (code: number | null, signal?: NodeJS.Signals | null) => void): void;
  kill?(): void;
}

export interface KioskKeeperOptions {
  /** Starts the kiosk browser once. */
  spawn: () => KioskProcess;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Where the browser's own output goes: named when the keeper gives up, for the reason. */
  logFile?: string;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** Wait before reopening, so a window closed by mistake comes back, but not in a busy loop. */
export const RELAUNCH_DELAY_MS = 1_000;
/** A kiosk that lasted less than this did not start: a missing display, a browser that fails. */
export const QUICK_EXIT_MS = 10_000;
/** Quick exits in a row after which the keeper gives up and says so. */
export const MAX_QUICK_EXITS = 5;
/** How long `stop` waits for a killed browser to exit before it gives up waiting. */
export const STOP_WAIT_MS = 5_000;

export interface KioskKeeper {
  /**
   * The show is stopping: stop reopening, and close the kiosk window. Resolves once the
   * browser has exited (at most STOP_WAIT_MS), so its profile folder can be removed.
   */
  stop(): Promise<void>;
}

/**
 * Keeps the browser kiosk open while the show runs. A browser has no PIN lock: Alt+F4 (or a
 * crash) closes it, and the venue screen would show the desktop. So a closed kiosk is
 * reopened after a second, for as long as the show runs; one that keeps failing at once is
 * given up after a few tries, with the reason, rather than flashing windows all night.
 */
export function keepKioskOpen(options: KioskKeeperOptions): KioskKeeper {
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer =
    options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  let stopped = false;
  /** The browser on screen, and when it has exited (what `stop` waits for). */
  let current: { child: KioskProcess; exited: Promise<void> } | null = null;
  let timer: unknown = null;
  let quickExits = 0;

  const open = (): void => {
    timer = null;
    if (stopped) return;
    const startedAt = now();
    const child = options.spawn();
    let exit!: () => void;
    const running = { child, exited: new Promise<void>((resolve) => (exit = resolve)) };
    current = running;
    child.on('exit', (code) => {
      exit();
      if (current === running) current = null;
      if (stopped) return;
      quickExits = now() - startedAt < QUICK_EXIT_MS ? quickExits + 1 : 0;
      if (quickExits >= MAX_QUICK_EXITS) {
        options.err(
          `The kiosk browser closed ${MAX_QUICK_EXITS} times right after opening (last exit code ${code ?? 'none'}); it is not reopened again. The show keeps running: open the kiosk address from the banner by hand.${options.logFile ? ` The browser's own log says why: ${options.logFile}` : ''}`,
        );
        return;
      }
      options.out(
        'The kiosk window was closed; it reopens while the show runs (Ctrl+C stops the show).',
      );
      timer = setTimer(open, RELAUNCH_DELAY_MS);
    });
  };

  open();
  return {
    stop() {
      stopped = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
      const running = current;
      // Nothing on screen, or nothing this keeper can close: nothing to wait for.
      if (!running?.child.kill) return Promise.resolve();
      running.child.kill();
      return new Promise<void>((resolve) => {
        const waitTimer = setTimer(resolve, STOP_WAIT_MS);
        void running.exited.then(() => {
          clearTimer(waitTimer);
          resolve();
        });
      });
    },
  };
}

import type { ObsBridge } from './bridge';
import { BROWSER_KIND } from './overlay-elements';
import { checkOverlayScene, type OverlayHealth } from './overlay-health';
import type { OverlaySync } from './overlay-sync';

export interface HealthWatchOptions {
  bridge: ObsBridge;
  sync: OverlaySync;
  /** OBS on another computer. */
  remote: () => boolean;
  overlayBaseUrl: () => string;
  /** True once the controller stopped: no more checks. */
  stopped: () => boolean;
  log: (message: string) => void;
}

/** The overlay scene's health as last checked, and the one way to check it again. */
export interface HealthWatch {
  current(): OverlayHealth | null;
  onChange(listener: (health: OverlayHealth | null) => void): () => void;
  /** Checks now; a request during a check makes one more after it. */
  check(): Promise<OverlayHealth | null>;
  /** A new connection: this OBS's source kinds are read again on the next check. */
  connected(): void;
  /** Not connected: there is no health to report. */
  disconnected(): void;
  stop(): void;
}

export function createHealthWatch(options: HealthWatchOptions): HealthWatch {
  const { bridge, sync, log } = options;
  let health: OverlayHealth | null = null;
  const healthListeners = new Set<(health: OverlayHealth | null) => void>();
  const setHealth = (next: OverlayHealth | null) => {
    health = next;
    for (const listener of healthListeners) {
      try {
        listener(next);
      } catch (error) {
        log(`obs: an overlay health listener threw: ${String(error)}`);
      }
    }
  };
  /** Whether this OBS has browser sources; read once per connection. */
  let hasBrowser: boolean | null = null;
  const connected = () => bridge.status().state === 'connected';

  // One check at a time; a request during one makes one more after it, so the last word is
  // always from after the last event.
  let checking: Promise<OverlayHealth | null> | null = null;
  let checkAgain = false;
  const checkOnce = async (): Promise<OverlayHealth | null> => {
    if (!connected() || options.stopped()) return null;
    if (hasBrowser === null) {
      const { inputKinds } = await bridge.call('GetInputKindList', { unversioned: false });
      hasBrowser = inputKinds.includes(BROWSER_KIND);
    }
    const browserKind = hasBrowser;
    // After the applies queued so far: it compares OBS with what they left there.
    return sync.whenIdle(() =>
      checkOverlayScene(bridge, {
        remote: options.remote(),
        hasBrowser: browserKind,
        overlayBaseUrl: options.overlayBaseUrl(),
        wanted: (name, browser) => sync.wanted(name, browser),
        consoleElements: () => sync.applied()?.enabled ?? null,
        knownItems: sync.knownItems(),
        now: () => Date.now(),
      }),
    );
  };
  const check = (): Promise<OverlayHealth | null> => {
    if (checking) {
      checkAgain = true;
      return checking;
    }
    checking = (async () => {
      let result: OverlayHealth | null;
      do {
        checkAgain = false;
        try {
          result = await checkOnce();
        } catch (error) {
          log(`obs: checking the overlay scene failed: ${String(error)}`);
          result = health;
        }
        if (!connected() || options.stopped()) result = null;
      } while (checkAgain);
      setHealth(result);
      return result;
    })().finally(() => {
      checking = null;
    });
    return checking;
  };

  return {
    current: () => health,
    onChange(listener) {
      healthListeners.add(listener);
      return () => healthListeners.delete(listener);
    },
    check,
    connected() {
      hasBrowser = null;
    },
    disconnected() {
      if (health) setHealth(null);
    },
    stop() {
      healthListeners.clear();
    },
  };
}

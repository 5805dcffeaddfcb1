import { screen, type BrowserWindow } from 'electron';

/** The parts of Electron's `Display` the placement logic needs. */
export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The monitor the kiosk goes on: the one the settings name when it is connected, otherwise an
 * external monitor (the projector) when there is one, otherwise the primary.
 */
export function chooseDisplay(
  displays: readonly DisplayInfo[],
  primaryId: number,
  preferredId?: number,
): DisplayInfo | undefined {
  const preferred = displays.find((d) => d.id === preferredId);
  if (preferred) return preferred;
  return (
    displays.find((d) => d.id !== primaryId) ??
    displays.find((d) => d.id === primaryId) ??
    displays[0]
  );
}

export function sameDisplay(a: DisplayInfo | undefined, b: DisplayInfo | undefined): boolean {
  if (!a || !b) return false;
  const [p, q] = [a.bounds, b.bounds];
  return (
    a.id === b.id && p.x === q.x && p.y === q.y && p.width === q.width && p.height === q.height
  );
}

/** The display the window should be on now, from Electron's current list. */
export function currentTarget(preferredDisplayId?: number): DisplayInfo | undefined {
  return chooseDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id, preferredDisplayId);
}

/**
 * How long a move waits for the window to say it has left or entered full screen. macOS
 * animates it (about a second); a window manager that never says so must not stall the move.
 */
export const FULL_SCREEN_WAIT_MS = 3_000;

/** Resolves when `window` emits `event`, or after `waitMs`, whichever comes first. */
function fullScreenChange(
  window: BrowserWindow,
  event: 'leave-full-screen' | 'enter-full-screen',
  waitMs: number,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      window.off(event as 'leave-full-screen', done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    window.once(event as 'leave-full-screen', done);
  });
}

/**
 * A kiosk or full-screen window ignores `setBounds` on most platforms, so it leaves kiosk
 * mode, moves, and goes back. Leaving full screen finishes later (an animation on macOS,
 * electron PR #25470): moving before `leave-full-screen` would put the show back on the old
 * monitor, so each step waits for the window to say it is done. Only the shell calls this,
 * and only while the window is locked.
 */
export async function moveToDisplay(
  window: BrowserWindow,
  display: DisplayInfo,
  waitMs = FULL_SCREEN_WAIT_MS,
): Promise<void> {
  const kiosk = window.isKiosk();
  if (window.isFullScreen() || kiosk) {
    const left = fullScreenChange(window, 'leave-full-screen', waitMs);
    if (kiosk) window.setKiosk(false);
    else window.setFullScreen(false);
    await left;
  }
  if (window.isDestroyed()) return;
  window.setBounds(display.bounds);
  const entered = fullScreenChange(window, 'enter-full-screen', waitMs);
  if (kiosk) window.setKiosk(true);
  else window.setFullScreen(true);
  await entered;
}

export interface DisplayPlacement {
  /**
   * Puts the window where it belongs now; does nothing when it is already there. Moves run
   * one after another (a hot-plug sends several events); resolves when this one is done.
   */
  place(): Promise<void>;
  dispose(): void;
}

/**
 * Keeps the show on its monitor: when the projector is unplugged the window moves to the
 * laptop's screen, and when it is plugged back in (or changes resolution) the show goes back.
 */
export function setupDisplayPlacement(
  window: BrowserWindow,
  preferredDisplayId?: number,
  initial?: DisplayInfo,
): DisplayPlacement {
  let placedOn = initial;
  let moves = Promise.resolve();
  const placeNow = async () => {
    if (window.isDestroyed()) return;
    const target = currentTarget(preferredDisplayId);
    if (!target || sameDisplay(target, placedOn)) return;
    placedOn = target;
    await moveToDisplay(window, target);
  };
  const place = () => {
    moves = moves.then(placeNow).catch((error: unknown) => {
      console.error('Moving the show to its monitor failed:', error);
    });
    return moves;
  };
  const onChange = () => void place();
  screen.on('display-added', onChange);
  screen.on('display-removed', onChange);
  screen.on('display-metrics-changed', onChange);
  const dispose = () => {
    screen.off('display-added', onChange);
    screen.off('display-removed', onChange);
    screen.off('display-metrics-changed', onChange);
  };
  window.once('closed', dispose);
  return { place, dispose };
}

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
 * A kiosk or full-screen window ignores `setBounds` on most platforms, so it leaves kiosk
 * mode, moves, and goes back. Only the shell calls this, and only while the window is locked.
 */
export function moveToDisplay(window: BrowserWindow, display: DisplayInfo): void {
  const kiosk = window.isKiosk();
  if (kiosk) window.setKiosk(false);
  else window.setFullScreen(false);
  window.setBounds(display.bounds);
  if (kiosk) window.setKiosk(true);
  else window.setFullScreen(true);
}

export interface DisplayPlacement {
  /** Puts the window where it belongs now; does nothing when it is already there. */
  place(): void;
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
  const place = () => {
    if (window.isDestroyed()) return;
    const target = currentTarget(preferredDisplayId);
    if (!target || sameDisplay(target, placedOn)) return;
    placedOn = target;
    moveToDisplay(window, target);
  };
  screen.on('display-added', place);
  screen.on('display-removed', place);
  screen.on('display-metrics-changed', place);
  const dispose = () => {
    screen.off('display-added', place);
    screen.off('display-removed', place);
    screen.off('display-metrics-changed', place);
  };
  window.once('closed', dispose);
  return { place, dispose };
}

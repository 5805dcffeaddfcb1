import { app, session, type BrowserWindow } from 'electron';
import { currentTarget, setupDisplayPlacement, type DisplayPlacement } from './displays';
import { setupKioskLock, type KioskLock } from './kiosk-lock';
import { setupLoginItem } from './login-item';
import { createKioskWindow } from './kiosk-window';
import { LOCK_ORIGIN, LOCK_PAGE_URL, serveLockPage } from './lock-page';
import { setupNetworkGuard } from './network';
import { setupPowerSaveBlocker } from './power';
import { denyAllPermissions, originOf } from './security';
import type { PinState } from './settings';

export interface ShellOptions {
  /** The core's `/kiosk?token=…` page: the local display, whose keyboard runs the show. */
  kioskUrl: string;
  pin: PinState;
  /** The monitor chosen in the settings, if any. */
  preferredDisplayId?: number;
  /** The built renderer (out/renderer), for the PIN prompt's page. */
  rendererDir: string;
  preloadPath: string;
  /** The `startAtLogin` setting (Windows, macOS); off when absent. */
  startAtLogin?: boolean;
  /** The OS the login item is for; the process's, except in tests. */
  platform?: NodeJS.Platform;
  /** Lets DevTools load (electron-vite dev). */
  dev?: boolean;
  /** Stops the core; awaited before the process exits. */
  onQuit: () => Promise<void>;
  log?: (line: string) => void;
  /** Where SIGINT and SIGTERM arrive; the process, except in tests. */
  signals?: { on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown };
}

export interface Shell {
  window: BrowserWindow;
  lock: KioskLock;
  placement: DisplayPlacement;
  /** Brings the show forward (a second start of the app lands here). */
  focus(): void;
}

/**
 * The thin Electron shell, set up once the app is ready, one feature per module (Electron
 * Fiddle's layout): session hardening, the PIN prompt's page, the kiosk window on its monitor,
 * the power-save blocker, start at login, the kiosk lock, and an orderly quit that stops the core.
 */
export function startShell(options: ShellOptions): Shell {
  const log = options.log ?? ((line: string) => console.log(line));
  const coreOrigin = originOf(options.kioskUrl);
  if (!coreOrigin) throw new Error(`not a URL the kiosk can show: ${options.kioskUrl}`);

  const ses = session.defaultSession;
  denyAllPermissions(ses);
  setupNetworkGuard(ses, { coreOrigin, extraOrigins: [LOCK_ORIGIN], dev: options.dev });
  serveLockPage(options.rendererDir);

  const display = currentTarget(options.preferredDisplayId);
  const window = createKioskWindow({
    url: options.kioskUrl,
    preloadPath: options.preloadPath,
    display,
  });
  const placement = setupDisplayPlacement(window, options.preferredDisplayId, display);
  setupPowerSaveBlocker(window);
  setupLoginItem({
    startAtLogin: options.startAtLogin === true,
    platform: options.platform,
    log,
  });
  const lock = setupKioskLock({
    window,
    pin: options.pin,
    promptUrl: LOCK_PAGE_URL,
    preloadPath: options.preloadPath,
    onUnlock: () => app.quit(),
    log,
  });

  app.on('window-all-closed', () => app.quit());
  let stopping = false;
  app.on('will-quit', (event) => {
    if (stopping) return;
    stopping = true;
    // Electron would exit right after this event; the core must close its sockets and
    // watchers first, so the quit waits for it.
    event.preventDefault();
    void options
      .onQuit()
      .catch((error: unknown) => console.error('Stopping the core failed:', error))
      .finally(() => app.exit(0));
  });
  // Whoever can send a signal already holds the machine; without this the lock would swallow
  // the quit that Ctrl+C in the terminal or a service manager asks for.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    (options.signals ?? process).on(signal, () => {
      lock.allowQuit(`received ${signal}`);
      app.quit();
    });
  }

  // Windows has no powerMonitor `shutdown`: a logoff or shutdown is told to the window. Without
  // these the lock would refuse to close, Windows would kill the app, and the core would not
  // stop in order (the last show position unwritten).
  window.on('query-session-end', () => lock.allowQuit('Windows is ending the session'));
  window.on('session-end', () => {
    lock.allowQuit('Windows is ending the session');
    app.quit();
  });

  return {
    window,
    lock,
    placement,
    focus: () => {
      if (window.isDestroyed()) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    },
  };
}

/**
 * Applied to every web contents the app ever creates, including any we did not make
 * ourselves: no popups, no webviews. Navigation is guarded per window, by its own origin.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

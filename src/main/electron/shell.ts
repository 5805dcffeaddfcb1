import { BrowserWindow, app, powerSaveBlocker, screen, session } from 'electron';
import { join } from 'node:path';
import { chooseDisplay } from './displays';
import { denyAllPermissions, guardWebContents, secureWebPreferences } from './security';

export interface ShellOptions {
  /** The display view's URL on the local server, with its token. */
  displayUrl: string;
  /** The monitor chosen in the settings, if any. */
  preferredDisplayId?: number;
  /** Called when the app quits, to stop the core. */
  onQuit: () => Promise<void>;
}

function placeOnChosenDisplay(window: BrowserWindow, preferredDisplayId?: number): void {
  const target = chooseDisplay(
    screen.getAllDisplays(),
    screen.getPrimaryDisplay().id,
    preferredDisplayId,
  );
  if (target) window.setBounds(target.bounds);
  window.setFullScreen(true);
}

function createDisplayWindow(options: ShellOptions): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    kiosk: true,
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  guardWebContents(window.webContents, new URL(options.displayUrl).origin);
  // Shown only once painted, so the projector never flashes a white window.
  window.once('ready-to-show', () => {
    placeOnChosenDisplay(window, options.preferredDisplayId);
    window.show();
  });
  void window.loadURL(options.displayUrl);
  return window;
}

/** The thin Electron shell: one fullscreen display window on the chosen monitor. */
export function startShell(options: ShellOptions): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => window?.focus());

  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    window = createDisplayWindow(options);
    const blocker = powerSaveBlocker.start('prevent-display-sleep');
    // A projector unplugged and plugged back in: put the show back where it belongs.
    const replace = () => window && placeOnChosenDisplay(window, options.preferredDisplayId);
    screen.on('display-added', replace);
    screen.on('display-removed', replace);
    app.on('before-quit', () => powerSaveBlocker.stop(blocker));
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    event.preventDefault();
    void options.onQuit().finally(() => app.exit(0));
  });
}

import { BrowserWindow } from 'electron';
import type { DisplayInfo } from './displays';
import { guardWebContents, originOf, secureWebPreferences } from './security';

export interface KioskWindowOptions {
  /** The core's `/kiosk?token=…` page. */
  url: string;
  preloadPath: string;
  /** Where it opens, so it never flashes up on the wrong monitor first. */
  display?: DisplayInfo;
}

/** A renderer that crashed leaves a black screen at the venue; reload it after a breath. */
export const RELOAD_AFTER_CRASH_MS = 1_000;

export function createKioskWindow(options: KioskWindowOptions): BrowserWindow {
  const origin = originOf(options.url);
  if (!origin) throw new Error(`not a URL the kiosk can show: ${options.url}`);
  const window = new BrowserWindow({
    ...options.display?.bounds,
    show: false,
    kiosk: true,
    fullscreen: true,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    title: 'Solidarity Screens',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  guardWebContents(window.webContents, origin);
  // Shown only once painted, so the projector never flashes a white window.
  window.once('ready-to-show', () => window.show());
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    console.error(`The display page stopped (${details.reason}); reloading it.`);
    setTimeout(() => {
      if (!window.isDestroyed()) void window.loadURL(options.url);
    }, RELOAD_AFTER_CRASH_MS);
  });
  void window.loadURL(options.url);
  return window;
}

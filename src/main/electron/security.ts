import type { Session, WebContents, WebPreferences } from 'electron';

/** Signal Desktop's baseline: every window is sandboxed and isolated, with no Node. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    spellcheck: false,
  };
}

/** True when `target` is the app's own server: the only place a window may go. */
export function isOwnOrigin(target: string, serverOrigin: string): boolean {
  try {
    return new URL(target).origin === new URL(serverOrigin).origin;
  } catch {
    return false;
  }
}

/**
 * Denies navigation away from the app's server and every `window.open`, so a link in the
 * content can never turn the kiosk into a browser.
 */
export function guardWebContents(contents: WebContents, serverOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnOrigin(url, serverOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnOrigin(url, serverOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The kiosk needs no camera, microphone, notifications or location: deny every request. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

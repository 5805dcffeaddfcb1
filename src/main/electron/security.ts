import type { Session, WebContents, WebPreferences } from 'electron';

/** Signal Desktop's baseline: every window is sandboxed and isolated, with no Node. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A video slide starts on its own, with sound, on a screen nobody touches.
    autoplayPolicy: 'no-user-gesture-required',
  };
}

/**
 * `scheme://host:port`, lower case, or null. Not `URL.origin`: that is the string "null" for
 * every non-web scheme, so two unrelated `app://` URLs would compare equal.
 */
export function originOf(target: string): string | null {
  try {
    const url = new URL(target);
    if (!url.host) return null;
    return `${url.protocol}//${url.host}`.toLowerCase();
  } catch {
    return null;
  }
}

/** True when `target` is on `allowedOrigin`: the only place a window may go. */
export function isOwnOrigin(target: string, allowedOrigin: string): boolean {
  const origin = originOf(target);
  return origin !== null && origin === originOf(allowedOrigin);
}

/**
 * Denies navigation away from the window's own origin and every `window.open`, so a link in
 * the content can never turn the kiosk into a browser.
 */
export function guardWebContents(contents: WebContents, ownOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnOrigin(url, ownOrigin)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isOwnOrigin(event.url, ownOrigin)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnOrigin(url, ownOrigin)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The kiosk needs no camera, microphone, notifications or location: deny every request. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Device pickers (USB, HID, serial, Bluetooth) are not covered by the permission handler.
  session.setDevicePermissionHandler(() => false);
}

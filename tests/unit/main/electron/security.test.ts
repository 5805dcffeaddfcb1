import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import {
  denyAllPermissions,
  guardWebContents,
  isOwnOrigin,
  originOf,
  secureWebPreferences,
} from '../../../../src/main/electron/security';
import { createFakeEvent, createFakeSession, createFakeWebContents } from '../../../mocks/electron';

const server = 'http://127.0.0.1:8080';

describe('secureWebPreferences', () => {
  it('sandboxes and isolates every window, with no Node', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });
});

describe('guardWebContents', () => {
  it('lets the window move within the app server and nowhere else', () => {
    const contents = createFakeWebContents();
    guardWebContents(contents as unknown as WebContents, server);
    const inside = createFakeEvent();
    contents.emit('will-navigate', inside, `${server}/display?token=x`);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const outside = createFakeEvent();
    contents.emit('will-navigate', outside, 'https://example.org/');
    expect(outside.preventDefault).toHaveBeenCalled();
    const redirect = createFakeEvent();
    contents.emit('will-redirect', redirect, 'http://127.0.0.1:9999/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const frame = createFakeEvent({ url: 'https://tracker.example/' });
    contents.emit('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and webviews', () => {
    const contents = createFakeWebContents();
    guardWebContents(contents as unknown as WebContents, server);
    expect(contents.openWindow(`${server}/display`)).toEqual({ action: 'deny' });
    const webview = createFakeEvent();
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('keeps a custom-scheme page on its own host', () => {
    const contents = createFakeWebContents();
    guardWebContents(contents as unknown as WebContents, 'app://kiosk-lock');
    const other = createFakeEvent();
    contents.emit('will-navigate', other, 'app://elsewhere/');
    expect(other.preventDefault).toHaveBeenCalled();
    const foreign = createFakeEvent();
    contents.emit('will-navigate', foreign, 'foo://kiosk-lock/');
    expect(foreign.preventDefault).toHaveBeenCalled();
  });
});

describe('denyAllPermissions', () => {
  it('answers every permission request and check with no', () => {
    const session = createFakeSession();
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      cb: (allowed: boolean) => void,
    ) => void;
    const answers: boolean[] = [];
    request(null, 'media', (allowed) => answers.push(allowed));
    request(null, 'geolocation', (allowed) => answers.push(allowed));
    expect(answers).toEqual([false, false]);
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as () => boolean;
    expect(check()).toBe(false);
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0] as () => boolean;
    expect(device()).toBe(false);
  });
});

describe('originOf and isOwnOrigin', () => {
  it('compares origins, not prefixes', () => {
    expect(isOwnOrigin('http://127.0.0.1:8080/x', server)).toBe(true);
    expect(isOwnOrigin('http://127.0.0.1:8080.evil.org/', server)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:80/', 'http://127.0.0.1/')).toBe(true);
    expect(isOwnOrigin('not a url', server)).toBe(false);
  });
  it('gives custom schemes a real origin, unlike URL.origin ("null" for all of them)', () => {
    expect(new URL('app://a/').origin).toBe('null');
    expect(originOf('app://kiosk-lock/assets/x.js')).toBe('app://kiosk-lock');
    expect(isOwnOrigin('app://a/', 'app://b/')).toBe(false);
    expect(originOf('data:text/html,hi')).toBeNull();
  });
});

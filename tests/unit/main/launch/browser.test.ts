import { describe, expect, it } from 'vitest';
import {
  findKioskBrowser,
  hasGraphicalSession,
  kioskArguments,
} from '../../../../src/main/launch/browser';

describe('findKioskBrowser', () => {
  it('finds Chromium on the PATH before Chrome', () => {
    const installed = new Set(['/usr/bin/chromium', '/opt/google/google-chrome']);
    const found = findKioskBrowser({
      platform: 'linux',
      env: { PATH: '/opt/google:/usr/bin' },
      exists: (file) => installed.has(file),
    });
    expect(found).toBe('/usr/bin/chromium');
  });

  it('returns nothing when no browser is installed', () => {
    expect(
      findKioskBrowser({ platform: 'linux', env: { PATH: '/usr/bin' }, exists: () => false }),
    ).toBeUndefined();
  });

  it('looks in /Applications on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findKioskBrowser({ platform: 'darwin', env: {}, exists: (f) => f === chrome })).toBe(
      chrome,
    );
  });
});

describe('hasGraphicalSession', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux', () => {
    const exists = () => false;
    expect(hasGraphicalSession({ platform: 'linux', env: {}, exists })).toBe(false);
    expect(hasGraphicalSession({ platform: 'linux', env: { DISPLAY: ':0' }, exists })).toBe(true);
    expect(hasGraphicalSession({ platform: 'win32', env: {}, exists })).toBe(true);
  });
});

describe('kioskArguments', () => {
  it('opens the URL as a kiosk app in its own profile, with background networking off', () => {
    const args = kioskArguments('http://127.0.0.1:8080/display?token=t', '/tmp/profile');
    expect(args).toContain('--kiosk');
    expect(args).toContain('--app=http://127.0.0.1:8080/display?token=t');
    expect(args).toContain('--user-data-dir=/tmp/profile');
    expect(args).toContain('--disable-background-networking');
    expect(args).toContain('--disable-component-update');
  });

  it('keeps the screen’s frames and timers running, so it switches with the others', () => {
    const args = kioskArguments('http://127.0.0.1:8080/display?token=t', '/tmp/profile');
    expect(args).toEqual(
      expect.arrayContaining([
        '--disable-background-timer-throttling',
        '--disable-renderer-backgrounding',
        '--disable-backgrounding-occluded-windows',
      ]),
    );
  });
});

import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { startShell, type ShellOptions } from '../../../../src/main/electron/shell';
import {
  FakeBrowserWindow,
  electron,
  laptop,
  projector,
  resetFakeElectron,
} from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

const kioskUrl = 'http://127.0.0.1:8080/kiosk?token=kiosk-token-123456';

function start(overrides: Partial<ShellOptions> = {}) {
  const signals = new EventEmitter();
  const onQuit = vi.fn(async () => {});
  const shell = startShell({
    kioskUrl,
    pin: { kind: 'none' },
    rendererDir: '/app/out/renderer',
    preloadPath: '/app/out/preload/index.cjs',
    onQuit,
    log: () => {},
    signals,
    ...overrides,
  });
  return { shell, signals, onQuit, window: shell.window as unknown as FakeBrowserWindow };
}

beforeEach(() => {
  resetFakeElectron({ ready: true });
  electron.screen.displays = [laptop, projector];
});

describe('startShell', () => {
  it('opens the kiosk page full screen on the external monitor, shown only once painted', () => {
    const { window } = start();
    expect(window.options).toMatchObject({
      kiosk: true,
      show: false,
      ...projector.bounds,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(window.loadURL).toHaveBeenCalledWith(kioskUrl);
    expect(window.isVisible()).toBe(false);
    window.paint();
    expect(window.isVisible()).toBe(true);
    expect(window.webContents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
  });

  it('uses the monitor from the settings', () => {
    const { window } = start({ preferredDisplayId: laptop.id });
    expect(window.options).toMatchObject(laptop.bounds);
  });

  it('hardens the session: no permissions, no foreign requests, the core CSP', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    start();
    const session = electron.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.cancels('http://127.0.0.1:8080/media/a.jpg')).toBe(false);
    expect(session.cancels('ws://127.0.0.1:8080/ws?role=kiosk')).toBe(false);
    expect(session.cancels('app://kiosk-lock/')).toBe(false);
    expect(session.cancels('https://example.org/')).toBe(true);
    expect(session.headersFor(`${kioskUrl}`)?.['Content-Security-Policy']?.[0]).toContain(
      "default-src 'self'",
    );
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('blocks power saving while shown and re-places the window when monitors change', async () => {
    const { window, shell } = start();
    window.paint();
    expect(electron.powerSaveBlocker.active.size).toBe(1);
    electron.screen.unplug(projector.id);
    await shell.placement.place();
    expect(window.bounds).toEqual(laptop.bounds);
    electron.screen.plug(projector);
    await shell.placement.place();
    expect(window.bounds).toEqual(projector.bounds);
    expect(window.isKiosk()).toBe(true);
  });

  it('quits only once unlocked, stopping the core and the blocker before exiting', async () => {
    const { window, onQuit, shell } = start();
    window.paint();
    electron.app.quit();
    expect(onQuit).not.toHaveBeenCalled();
    shell.lock.requestExit(); // no PIN set: Ctrl+Shift+Q quits at once
    expect(window.isDestroyed()).toBe(true);
    expect(onQuit).toHaveBeenCalledTimes(1);
    expect(electron.powerSaveBlocker.active.size).toBe(0);
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
  });

  it('stops in order when Windows ends the session, even while locked', async () => {
    const { window, onQuit } = start({ pin: { kind: 'set', hash: 'x' } });
    // Asked first: the kiosk must not hold up the logoff with its refusal to close.
    window.emit('query-session-end', { preventDefault: vi.fn(), reasons: ['logoff'] });
    electron.app.quit();
    expect(onQuit).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
  });

  it('quits when Windows ends the session without asking first', async () => {
    const { window, onQuit } = start({ pin: { kind: 'set', hash: 'x' } });
    window.emit('session-end', { preventDefault: vi.fn(), reasons: ['shutdown'] });
    expect(window.isDestroyed()).toBe(true);
    expect(onQuit).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
  });

  it('quits on SIGTERM even while locked', async () => {
    const { signals, onQuit } = start({ pin: { kind: 'set', hash: 'x' } });
    signals.emit('SIGTERM');
    expect(onQuit).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
  });

  it('exits even when stopping the core fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { signals } = start({ onQuit: vi.fn(async () => Promise.reject(new Error('stuck'))) });
    signals.emit('SIGINT');
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0));
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it('brings the show forward for a second start', () => {
    const { shell, window } = start();
    shell.focus();
    expect(window.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.open()).toHaveLength(1);
  });
});

describe('startShell: start at login', () => {
  it('leaves start at login off by default (macOS)', () => {
    electron.app.isPackaged = true;
    start({ platform: 'darwin' });
    expect(electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: false });
  });

  it('applies the startAtLogin setting (Windows)', () => {
    electron.app.isPackaged = true;
    start({ platform: 'win32', startAtLogin: true });
    expect(electron.app.setLoginItemSettings).toHaveBeenLastCalledWith({ openAtLogin: true });
  });

  it('leaves login items alone on Linux', () => {
    electron.app.isPackaged = true;
    start({ platform: 'linux', startAtLogin: true });
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});

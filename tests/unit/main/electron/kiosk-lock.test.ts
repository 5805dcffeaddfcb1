import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { BrowserWindow } from 'electron';
import { IpcChannel } from '../../../../src/preload/channels';
import {
  PROMPT_IDLE_MS,
  setupKioskLock,
  type KioskLock,
} from '../../../../src/main/electron/kiosk-lock';
import { hashPin } from '../../../../src/main/electron/pin';
import type { PinState } from '../../../../src/main/electron/settings';
import { FakeBrowserWindow, electron, resetFakeElectron } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

let pinHash: string;
beforeAll(async () => {
  pinHash = await hashPin('2468', { N: 1024, r: 8, p: 1 });
});

let now = 0;
let window: FakeBrowserWindow;
let onUnlock: Mock<() => void>;
let lock: KioskLock;
const log = vi.fn();

function setup(
  pin: PinState = { kind: 'set', hash: pinHash },
  platform: NodeJS.Platform = 'linux',
) {
  window = new FakeBrowserWindow({ kiosk: true, width: 1920, height: 1080 });
  onUnlock = vi.fn<() => void>();
  lock = setupKioskLock({
    window: window as unknown as BrowserWindow,
    pin,
    promptUrl: 'app://kiosk-lock/',
    preloadPath: '/app/out/preload/index.cjs',
    onUnlock,
    platform,
    now: () => now,
    log,
  });
}

const exitCombo = () => window.webContents.press({ key: 'Q', control: true, shift: true });
const prompt = () => lock.prompt() as unknown as FakeBrowserWindow;
const unlock = (pin: unknown, from?: { sender: unknown; frameUrl: string }) =>
  electron.ipcMain.invoke(
    IpcChannel.unlock,
    from ?? { sender: prompt().webContents, frameUrl: 'app://kiosk-lock/' },
    pin,
  );

beforeEach(() => {
  resetFakeElectron({ ready: true });
  now = 0;
});
afterEach(() => lock?.dispose());

describe('the locked kiosk', () => {
  it('refuses to close or quit, and removes the menu and its shortcuts', () => {
    setup();
    window.close();
    expect(window.isDestroyed()).toBe(false);
    electron.app.quit();
    expect(window.isDestroyed()).toBe(false);
    expect(electron.app.exitCode).toBeUndefined();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('swallows Alt+F4, Ctrl+W and Ctrl+R, and lets the show keys through', () => {
    setup();
    expect(window.webContents.press({ key: 'F4', alt: true })).toBe(true);
    expect(window.webContents.press({ key: 'w', control: true })).toBe(true);
    expect(window.webContents.press({ key: 'r', control: true })).toBe(true);
    expect(window.webContents.press({ key: 'ArrowRight' })).toBe(false);
    expect(window.webContents.press({ key: 'b' })).toBe(false);
  });

  it('swallows Cmd+Q on a Mac and takes Cmd+Shift+Q as the exit combo', () => {
    setup(undefined, 'darwin');
    expect(window.webContents.press({ key: 'q', meta: true })).toBe(true);
    expect(lock.prompt()).toBeNull();
    window.webContents.press({ key: 'Q', meta: true, shift: true });
    expect(lock.prompt()).not.toBeNull();
  });

  it('lets a system shutdown or a signal through', () => {
    setup();
    electron.powerMonitor.emit('shutdown');
    electron.app.quit();
    expect(window.isDestroyed()).toBe(true);
    expect(electron.app.exitCode).toBe(0);
  });
});

describe('Ctrl+Shift+Q', () => {
  it('opens one PIN prompt over the kiosk, with the same security baseline', () => {
    setup();
    expect(exitCombo()).toBe(true);
    const p = prompt();
    expect(p.options).toMatchObject({
      parent: window,
      modal: true,
      show: false,
      frame: false,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        preload: '/app/out/preload/index.cjs',
      },
    });
    expect(p.options.x).toBe((1920 - 360) / 2);
    expect(p.loadURL).toHaveBeenCalledWith('app://kiosk-lock/');
    expect(p.webContents.openWindow('https://example.org')).toEqual({ action: 'deny' });
    p.paint();
    expect(p.isVisible()).toBe(true);
    exitCombo();
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(p.focus).toHaveBeenCalled();
  });

  it('closes the prompt on Escape and gives the show its focus back', () => {
    setup();
    exitCombo();
    const p = prompt();
    p.webContents.press({ key: 'Escape' });
    expect(p.isDestroyed()).toBe(true);
    expect(lock.prompt()).toBeNull();
    expect(window.focus).toHaveBeenCalled();
    expect(onUnlock).not.toHaveBeenCalled();
  });

  it('closes a forgotten prompt after a minute', () => {
    vi.useFakeTimers();
    try {
      setup();
      exitCombo();
      const p = prompt();
      vi.advanceTimersByTime(PROMPT_IDLE_MS - 1);
      expect(p.isDestroyed()).toBe(false);
      vi.advanceTimersByTime(1);
      expect(p.isDestroyed()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('quits at once when no PIN is set, and says how to set one', () => {
    setup({ kind: 'none' });
    exitCombo();
    expect(lock.prompt()).toBeNull();
    expect(onUnlock).toHaveBeenCalledTimes(1);
    expect(log.mock.calls.flat().join()).toContain('npm run set-pin');
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });
});

describe('the unlock channel', () => {
  it('leaves the kiosk with the right PIN', async () => {
    setup();
    exitCombo();
    expect(await unlock({ pin: '2468' })).toEqual({ ok: true });
    expect(onUnlock).toHaveBeenCalledTimes(1);
    expect(lock.isUnlocked()).toBe(true);
    window.close();
    expect(window.isDestroyed()).toBe(true);
  });

  it('keeps the kiosk running on a wrong PIN and counts down the tries', async () => {
    setup();
    exitCombo();
    expect(await unlock({ pin: '1111' })).toEqual({
      ok: false,
      error: 'wrong-pin',
      attemptsLeft: 4,
    });
    expect(await unlock({ pin: '1112' })).toEqual({
      ok: false,
      error: 'wrong-pin',
      attemptsLeft: 3,
    });
    expect(onUnlock).not.toHaveBeenCalled();
    window.close();
    expect(window.isDestroyed()).toBe(false);
  });

  it('refuses every PIN, even the right one, for a minute after five wrong ones', async () => {
    setup();
    exitCombo();
    for (let i = 0; i < 4; i++) await unlock({ pin: '0000' });
    expect(await unlock({ pin: '0000' })).toEqual({
      ok: false,
      error: 'locked-out',
      retryInMs: 60_000,
    });
    now = 30_000;
    expect(await unlock({ pin: '2468' })).toEqual({
      ok: false,
      error: 'locked-out',
      retryInMs: 30_000,
    });
    expect(onUnlock).not.toHaveBeenCalled();
    now = 60_000;
    expect(await unlock({ pin: '2468' })).toEqual({ ok: true });
  });

  it('checks attempts one at a time, so a burst still meets the limit', async () => {
    setup();
    exitCombo();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => unlock({ pin: String(1000 + i) })),
    );
    const errors = results.map((r) => (r as { error: string }).error);
    expect(errors.filter((e) => e === 'wrong-pin')).toHaveLength(4);
    expect(errors.filter((e) => e === 'locked-out')).toHaveLength(6);
  });

  it('hears only the prompt window, and only with a well-formed payload', async () => {
    setup();
    exitCombo();
    const invalid = { ok: false, error: 'invalid' };
    expect(
      await unlock(
        { pin: '2468' },
        { sender: window.webContents, frameUrl: 'http://127.0.0.1:8080/kiosk' },
      ),
    ).toEqual(invalid);
    expect(
      await unlock(
        { pin: '2468' },
        { sender: prompt().webContents, frameUrl: 'https://evil.example/' },
      ),
    ).toEqual(invalid);
    expect(await unlock('2468')).toEqual(invalid);
    expect(await unlock({ pin: 2468 })).toEqual(invalid);
    expect(await unlock({ pin: '2468', extra: true })).toEqual(invalid);
    expect(await unlock({ pin: '1'.repeat(65) })).toEqual(invalid);
    expect(onUnlock).not.toHaveBeenCalled();
    // Malformed requests do not use up the volunteer's tries.
    expect(await unlock({ pin: '1111' })).toMatchObject({ attemptsLeft: 4 });
  });

  it('answers invalid when no prompt is open', async () => {
    setup();
    exitCombo();
    const sender = prompt().webContents;
    prompt().close();
    expect(await unlock({ pin: '2468' }, { sender, frameUrl: 'app://kiosk-lock/' })).toEqual({
      ok: false,
      error: 'invalid',
    });
  });

  it('fails closed when the stored PIN hash is unusable', async () => {
    setup({ kind: 'unusable', problem: 'bad hash' });
    exitCombo();
    expect(lock.prompt()).not.toBeNull();
    expect(await unlock({ pin: '2468' })).toMatchObject({ ok: false, error: 'wrong-pin' });
    expect(onUnlock).not.toHaveBeenCalled();
  });
});

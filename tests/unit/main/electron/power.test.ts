import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { setupPowerSaveBlocker } from '../../../../src/main/electron/power';
import { FakeBrowserWindow, electron, resetFakeElectron } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

beforeEach(() => resetFakeElectron({ ready: true }));

describe('setupPowerSaveBlocker', () => {
  it('keeps the display awake while the show is on screen', () => {
    const window = new FakeBrowserWindow();
    setupPowerSaveBlocker(window as unknown as BrowserWindow);
    expect(electron.powerSaveBlocker.start).not.toHaveBeenCalled();
    window.show();
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    window.show();
    expect(electron.powerSaveBlocker.active.size).toBe(1);
    window.hide();
    expect(electron.powerSaveBlocker.active.size).toBe(0);
  });

  it('lets the machine sleep again when the app quits', () => {
    const window = new FakeBrowserWindow();
    window.show();
    setupPowerSaveBlocker(window as unknown as BrowserWindow);
    expect(electron.powerSaveBlocker.active.size).toBe(1);
    electron.app.emit('will-quit');
    expect(electron.powerSaveBlocker.stop).toHaveBeenCalledTimes(1);
    expect(electron.powerSaveBlocker.active.size).toBe(0);
  });

  it('stops when the window is gone', () => {
    const window = new FakeBrowserWindow();
    setupPowerSaveBlocker(window as unknown as BrowserWindow);
    window.show();
    window.destroy();
    expect(electron.powerSaveBlocker.active.size).toBe(0);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RELOAD_AFTER_CRASH_MS,
  createKioskWindow,
} from '../../../../src/main/electron/kiosk-window';
import { FakeBrowserWindow, resetFakeElectron } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

const url = 'http://127.0.0.1:8080/kiosk?token=k';

function open(): FakeBrowserWindow {
  createKioskWindow({ url, preloadPath: '/app/out/preload/index.cjs' });
  const window = FakeBrowserWindow.instances.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

beforeEach(() => {
  resetFakeElectron({ ready: true });
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.useRealTimers());

describe('the kiosk window when its page crashes (render-process-gone)', () => {
  it('reloads the show page after a short pause', () => {
    const window = open();
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    vi.advanceTimersByTime(RELOAD_AFTER_CRASH_MS - 1);
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(window.loadURL).toHaveBeenCalledTimes(2);
    expect(window.loadURL).toHaveBeenLastCalledWith(url);
  });

  it('does not reload after a clean exit, or once the window is gone', () => {
    const clean = open();
    clean.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    vi.advanceTimersByTime(RELOAD_AFTER_CRASH_MS * 2);
    expect(clean.loadURL).toHaveBeenCalledTimes(1);

    const closing = open();
    closing.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    closing.destroy();
    vi.advanceTimersByTime(RELOAD_AFTER_CRASH_MS * 2);
    expect(closing.loadURL).toHaveBeenCalledTimes(1);
  });
});

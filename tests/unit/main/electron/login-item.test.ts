import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setupLoginItem } from '../../../../src/main/electron/login-item';
import { electron, resetFakeElectron } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

function installed() {
  resetFakeElectron({ ready: true });
  electron.app.isPackaged = true;
}

beforeEach(installed);

describe('setupLoginItem', () => {
  it.each(['win32', 'darwin'] as const)('on %s, the setting on makes a login item', (platform) => {
    const log = vi.fn();
    expect(setupLoginItem({ startAtLogin: true, platform, log })).toEqual({
      kind: 'set',
      openAtLogin: true,
    });
    expect(electron.app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true });
    expect(electron.app.getLoginItemSettings().openAtLogin).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('Start at login: on'));
  });

  it('is off by default, and turning the setting off removes the login item made before', () => {
    setupLoginItem({ startAtLogin: true, platform: 'win32', log: () => {} });
    expect(electron.app.getLoginItemSettings().openAtLogin).toBe(true);
    // The next start, after the operator turned the setting off in settings.json.
    setupLoginItem({ startAtLogin: false, platform: 'win32', log: () => {} });
    expect(electron.app.getLoginItemSettings().openAtLogin).toBe(false);
  });

  it('on Linux does nothing and points to npm run autostart', () => {
    const log = vi.fn();
    expect(setupLoginItem({ startAtLogin: true, platform: 'linux', log })).toEqual({
      kind: 'not-applicable',
      platform: 'linux',
    });
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('npm run autostart -- install'));
  });

  it('run from source, does not register bare Electron to start at login', () => {
    electron.app.isPackaged = false;
    const log = vi.fn();
    expect(setupLoginItem({ startAtLogin: true, platform: 'darwin', log })).toEqual({
      kind: 'not-packaged',
    });
    expect(electron.app.setLoginItemSettings).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('only the installed app'));
  });

  it('needs a ready app, as the strict mock enforces (the shell runs it after ready)', () => {
    resetFakeElectron({ ready: false });
    electron.app.isPackaged = true;
    expect(() => setupLoginItem({ startAtLogin: true, platform: 'win32', log: () => {} })).toThrow(
      /before the app is ready/,
    );
  });
});

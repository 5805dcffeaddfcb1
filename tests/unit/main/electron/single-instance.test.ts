import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from '../../../../src/main/electron/single-instance';
import { electron, resetFakeElectron } from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

beforeEach(() => resetFakeElectron());

describe('claimSingleInstance', () => {
  it('lets the first instance run and brings it forward when a second one starts', () => {
    const focus = vi.fn();
    expect(claimSingleInstance(focus)).toBe(true);
    expect(electron.app.quit).not.toHaveBeenCalled();
    electron.app.emit('second-instance', {}, ['electron', '.'], '/');
    expect(focus).toHaveBeenCalledTimes(1);
  });

  it('quits a second instance before it does anything', () => {
    electron.app.singleInstanceLockFree = false;
    const focus = vi.fn();
    expect(claimSingleInstance(focus)).toBe(false);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });
});

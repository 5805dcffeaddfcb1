import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import {
  chooseDisplay,
  moveToDisplay,
  setupDisplayPlacement,
} from '../../../../src/main/electron/displays';
import {
  FakeBrowserWindow,
  electron,
  laptop,
  projector,
  resetFakeElectron,
} from '../../../mocks/electron';

// Hoisted above the imports: the real module must never load (it would try to download).
vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

beforeEach(() => resetFakeElectron());

describe('chooseDisplay', () => {
  it('prefers the monitor named in the settings', () => {
    expect(chooseDisplay([laptop, projector], 1, 1)).toBe(laptop);
  });
  it('defaults to an external monitor when one is connected', () => {
    expect(chooseDisplay([laptop, projector], 1)).toBe(projector);
  });
  it('falls back to the primary when the chosen monitor is unplugged', () => {
    expect(chooseDisplay([laptop], 1, 2)).toBe(laptop);
  });
  it('returns nothing when there is no monitor at all', () => {
    expect(chooseDisplay([], 1)).toBeUndefined();
  });
});

function kioskWindow() {
  const window = new FakeBrowserWindow({ kiosk: true });
  return { fake: window, real: window as unknown as BrowserWindow };
}

describe('moveToDisplay', () => {
  it('leaves kiosk mode to move, then locks again', () => {
    const { fake, real } = kioskWindow();
    moveToDisplay(real, projector);
    expect(fake.setKiosk.mock.calls).toEqual([[false], [true]]);
    expect(fake.bounds).toEqual(projector.bounds);
    expect(fake.isKiosk()).toBe(true);
  });
});

describe('setupDisplayPlacement', () => {
  it('follows the projector out and back in', () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    const placement = setupDisplayPlacement(real, undefined);
    placement.place();
    expect(fake.bounds).toEqual(projector.bounds);

    electron.screen.unplug(projector.id);
    expect(fake.bounds).toEqual(laptop.bounds);
    expect(fake.isKiosk()).toBe(true);

    electron.screen.plug(projector);
    expect(fake.bounds).toEqual(projector.bounds);
    expect(fake.isKiosk()).toBe(true);
  });

  it('moves with a resolution change and ignores events that change nothing for it', () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    setupDisplayPlacement(real, undefined, projector);
    // Already there: a laptop-screen change must not make the show flicker.
    electron.screen.resize(laptop.id, { ...laptop.bounds, width: 1280 });
    expect(fake.setBounds).not.toHaveBeenCalled();
    const smaller = { x: 1440, y: 0, width: 1280, height: 720 };
    electron.screen.resize(projector.id, smaller);
    expect(fake.bounds).toEqual(smaller);
  });

  it('keeps to the monitor chosen in the settings when it is there', () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    setupDisplayPlacement(real, laptop.id).place();
    expect(fake.bounds).toEqual(laptop.bounds);
    electron.screen.plug({ id: 3, bounds: { x: 3360, y: 0, width: 1920, height: 1080 } });
    expect(fake.bounds).toEqual(laptop.bounds);
  });

  it('stops listening when the window is gone', () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    setupDisplayPlacement(real, undefined).place();
    expect(electron.screen.listenerCount('display-added')).toBe(1);
    fake.destroy();
    expect(electron.screen.listenerCount('display-added')).toBe(0);
    expect(electron.screen.listenerCount('display-removed')).toBe(0);
    expect(electron.screen.listenerCount('display-metrics-changed')).toBe(0);
  });
});

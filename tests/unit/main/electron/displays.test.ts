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

beforeEach(() => resetFakeElectron({ ready: true }));

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
  it('leaves kiosk mode to move, then locks again', async () => {
    const { fake, real } = kioskWindow();
    await moveToDisplay(real, projector);
    expect(fake.setKiosk.mock.calls).toEqual([[false], [true]]);
    expect(fake.bounds).toEqual(projector.bounds);
    expect(fake.isKiosk()).toBe(true);
  });

  it('moves only once the window has left full screen (macOS finishes it later)', async () => {
    const { fake, real } = kioskWindow();
    const order: string[] = [];
    fake.on('leave-full-screen', () => order.push('left'));
    fake.on('enter-full-screen', () => order.push('entered'));
    fake.setBounds.mockImplementation((bounds) => {
      order.push(fake.isFullScreen() ? 'moved while full screen' : 'moved');
      if (!fake.isFullScreen()) fake.bounds = { ...bounds };
    });
    const moving = moveToDisplay(real, projector);
    // Nothing has moved yet: the window is still leaving full screen.
    expect(order).toEqual([]);
    await moving;
    expect(order).toEqual(['left', 'moved', 'entered']);
    expect(fake.bounds).toEqual(projector.bounds);
    expect(fake.isKiosk()).toBe(true);
  });

  it('still moves when the window manager never reports leaving full screen', async () => {
    vi.useFakeTimers();
    try {
      const { fake, real } = kioskWindow();
      // A window that changes state without a word.
      fake.emit = (() => true) as typeof fake.emit;
      const moving = moveToDisplay(real, projector, 500);
      await vi.advanceTimersByTimeAsync(500);
      await vi.advanceTimersByTimeAsync(500);
      await moving;
      expect(fake.bounds).toEqual(projector.bounds);
      expect(fake.isKiosk()).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('setupDisplayPlacement', () => {
  it('follows the projector out and back in', async () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    const placement = setupDisplayPlacement(real, undefined);
    await placement.place();
    expect(fake.bounds).toEqual(projector.bounds);

    electron.screen.unplug(projector.id);
    await placement.place();
    expect(fake.bounds).toEqual(laptop.bounds);
    expect(fake.isKiosk()).toBe(true);

    electron.screen.plug(projector);
    await placement.place();
    expect(fake.bounds).toEqual(projector.bounds);
    expect(fake.isKiosk()).toBe(true);
  });

  it('lands on the last monitor when a hot-plug sends several events at once', async () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    const placement = setupDisplayPlacement(real, undefined, projector);
    electron.screen.unplug(projector.id);
    electron.screen.plug(projector);
    electron.screen.resize(projector.id, { ...projector.bounds, width: 1280 });
    await placement.place();
    expect(fake.bounds).toEqual({ ...projector.bounds, width: 1280 });
    expect(fake.isKiosk()).toBe(true);
  });

  it('moves with a resolution change and ignores events that change nothing for it', async () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    const placement = setupDisplayPlacement(real, undefined, projector);
    // Already there: a laptop-screen change must not make the show flicker.
    electron.screen.resize(laptop.id, { ...laptop.bounds, width: 1280 });
    await placement.place();
    expect(fake.setBounds).not.toHaveBeenCalled();
    const smaller = { x: 1440, y: 0, width: 1280, height: 720 };
    electron.screen.resize(projector.id, smaller);
    await placement.place();
    expect(fake.bounds).toEqual(smaller);
  });

  it('keeps to the monitor chosen in the settings when it is there', async () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    const placement = setupDisplayPlacement(real, laptop.id);
    await placement.place();
    expect(fake.bounds).toEqual(laptop.bounds);
    electron.screen.plug({ id: 3, bounds: { x: 3360, y: 0, width: 1920, height: 1080 } });
    await placement.place();
    expect(fake.bounds).toEqual(laptop.bounds);
  });

  it('stops listening when the window is gone', async () => {
    electron.screen.displays = [laptop, projector];
    const { fake, real } = kioskWindow();
    await setupDisplayPlacement(real, undefined).place();
    expect(electron.screen.listenerCount('display-added')).toBe(1);
    fake.destroy();
    expect(electron.screen.listenerCount('display-added')).toBe(0);
    expect(electron.screen.listenerCount('display-removed')).toBe(0);
    expect(electron.screen.listenerCount('display-metrics-changed')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { isTurned, screenTheme } from '../../../../../src/renderer/views/display/screen-look';

const pack = { background: '#1a1a2e', foreground: '#f5f5f5', accent: '#e10600' };
const landscape = { width: 1920, height: 1080 };
const portrait = { width: 1080, height: 1920 };

describe('a paired screen’s look', () => {
  it('shows the pack’s colours unless its job says dark or light, keeping the accent', () => {
    expect(screenTheme(pack, undefined)).toEqual(pack);
    expect(screenTheme(pack, { theme: 'pack', orientation: 'auto' })).toEqual(pack);
    const light = screenTheme(pack, { theme: 'light', orientation: 'auto' });
    const dark = screenTheme(pack, { theme: 'dark', orientation: 'auto' });
    expect(light.accent).toBe(pack.accent);
    expect(dark.accent).toBe(pack.accent);
    expect(light.background).not.toBe(dark.background);
    expect(light.foreground).not.toBe(light.background);
  });

  it('turns the display only when the job and the window disagree on which way is up', () => {
    const job = (orientation: 'auto' | 'landscape' | 'portrait') =>
      ({ theme: 'pack', orientation }) as const;
    expect(isTurned(job('portrait'), landscape)).toBe(true);
    expect(isTurned(job('portrait'), portrait)).toBe(false);
    expect(isTurned(job('landscape'), portrait)).toBe(true);
    expect(isTurned(job('landscape'), landscape)).toBe(false);
    expect(isTurned(job('auto'), landscape)).toBe(false);
    expect(isTurned(job('auto'), portrait)).toBe(false);
    // The main display and the kiosk have no job: never turned.
    expect(isTurned(undefined, portrait)).toBe(false);
  });
});

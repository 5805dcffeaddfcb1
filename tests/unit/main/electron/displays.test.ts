import { describe, expect, it } from 'vitest';
import { chooseDisplay } from '../../../../src/main/electron/displays';

const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
const projector = { id: 2, bounds: { x: 1440, y: 0, width: 1920, height: 1080 } };

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

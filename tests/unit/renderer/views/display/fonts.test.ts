import { describe, expect, it, vi } from 'vitest';
import { loadAllFonts } from '../../../../../src/renderer/views/display/fonts';

describe('loadAllFonts', () => {
  it('starts loading every face not loaded yet, and only those', () => {
    const face = (status: FontFaceLoadStatus) => ({
      status,
      load: vi.fn(() => Promise.resolve()),
    });
    const faces = [face('unloaded'), face('loaded'), face('unloaded'), face('loading')];
    const set = { forEach: (fn: (f: unknown) => void) => faces.forEach(fn) } as FontFaceSet;
    expect(loadAllFonts(set)).toBe(2);
    expect(faces.map((f) => f.load.mock.calls.length)).toEqual([1, 0, 1, 0]);
  });

  it('shrugs off a face that fails, and a page without fonts', async () => {
    const failing = { status: 'unloaded', load: () => Promise.reject(new Error('404')) };
    const set = { forEach: (fn: (f: unknown) => void) => fn(failing) } as FontFaceSet;
    expect(loadAllFonts(set)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loadAllFonts(undefined)).toBe(0);
  });
});

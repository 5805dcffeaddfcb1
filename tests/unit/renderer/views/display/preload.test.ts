import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPreloader, imagesOf } from '../../../../../src/renderer/views/display/preload';
import { actionItem, caseItem, drawingItem } from '../../fixtures';

function deferredLoader() {
  const pending = new Map<string, () => void>();
  const load = vi.fn(
    (url: string) => new Promise<void>((resolve) => pending.set(url, () => resolve())),
  );
  return { load, finish: (url: string) => pending.get(url)?.() };
}

describe('imagesOf', () => {
  it('lists a drawing’s image and a case’s photo, only with consent', () => {
    expect(imagesOf(drawingItem)).toEqual(['/media/media/drawings/raised%20fist.svg']);
    expect(imagesOf({ ...drawingItem, consent: false })).toEqual([]);
    expect(imagesOf({ ...caseItem, photo: { file: 'media/a.jpg', consent: true } })).toEqual([
      '/media/media/a.jpg',
    ]);
    expect(imagesOf({ ...caseItem, photo: { file: 'media/a.jpg', consent: false } })).toEqual([]);
    expect(imagesOf(actionItem)).toEqual([]);
  });
});

describe('createPreloader', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fetches each image once and knows when it is decoded', async () => {
    const { load, finish } = deferredLoader();
    const preloader = createPreloader(load);
    expect(preloader.isReady([])).toBe(true);
    preloader.warm(['/a.png']);
    const ready = preloader.ready(['/a.png'], 2_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(preloader.isReady(['/a.png'])).toBe(false);
    finish('/a.png');
    await ready;
    expect(preloader.isReady(['/a.png'])).toBe(true);
  });

  it('gives up waiting after the timeout, so a slow image never stalls the show', async () => {
    vi.useFakeTimers();
    const { load } = deferredLoader();
    const preloader = createPreloader(load);
    let done = false;
    void preloader.ready(['/slow.png'], 2_000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(preloader.isReady(['/slow.png'])).toBe(false);
  });
});

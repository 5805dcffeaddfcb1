import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPagePreloader,
  createPreloader,
  hintedImages,
  imagesOf,
} from '../../../../../src/renderer/views/display/preload';
import {
  mediaUrl,
  pageMediaPrefix,
  setStaticMedia,
} from '../../../../../src/renderer/slides/context';
import { PLAYER_MEDIA_BASE, playerMediaHref } from '../../../../../src/shared/player/folder';
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

describe('the pictures the core named in the page', () => {
  const page = (head: string) =>
    new DOMParser().parseFromString(`<html><head>${head}</head></html>`, 'text/html');
  const head = [
    '<link rel="modulepreload" href="/assets/DisplayView.js">',
    '<link rel="stylesheet" href="/assets/display.css">',
    '<link rel="preload" as="image" fetchpriority="high" href="/media/media/a.jpg?v=1&#38;token=t">',
    '<link rel="preload" as="image" href="https://elsewhere.example/b.jpg">',
    '<link rel="preload" as="image" href="//elsewhere.example/c.jpg">',
    '<link rel="preload" as="font" href="/media/font.woff2">',
  ].join('');

  it('reads the image preloads of the core’s own media, as written', () => {
    expect(hintedImages(page(head))).toEqual(['/media/media/a.jpg?v=1&token=t']);
    expect(hintedImages(page(''))).toEqual([]);
  });

  it('in the offline player, reads its own folder’s media and nothing else', () => {
    const player = page(
      [
        '<link rel="preload" as="image" href="media/media/drawings/a%20b.jpg">',
        '<link rel="preload" as="image" href="/media/media/c.jpg">',
        '<link rel="preload" as="image" href="https://elsewhere.example/media/d.jpg">',
        '<link rel="preload" as="image" href="other/e.jpg">',
      ].join(''),
    );
    expect(hintedImages(player, PLAYER_MEDIA_BASE)).toEqual(['media/media/drawings/a%20b.jpg']);
    // What the page asks for is the player's own address of the file: the same string.
    setStaticMedia(PLAYER_MEDIA_BASE);
    try {
      expect(pageMediaPrefix()).toBe(PLAYER_MEDIA_BASE);
      expect(hintedImages(player)).toEqual(['media/media/drawings/a%20b.jpg']);
      expect(mediaUrl('media/drawings/a b.jpg')).toBe(playerMediaHref('media/drawings/a b.jpg'));
      expect(mediaUrl('media/drawings/#1?.jpg')).toBe(playerMediaHref('media/drawings/#1?.jpg'));
    } finally {
      setStaticMedia(null);
    }
    expect(pageMediaPrefix()).toBe('/media/');
  });

  it('starts the display’s preloader on them, so the slide can go up at once', async () => {
    const { load, finish } = deferredLoader();
    const preloader = createPagePreloader(page(head), load);
    expect(load.mock.calls.map(([url]) => url)).toEqual(['/media/media/a.jpg?v=1&token=t']);
    const ready = preloader.ready(['/media/media/a.jpg?v=1&token=t'], 2_000);
    expect(load).toHaveBeenCalledTimes(1);
    finish('/media/media/a.jpg?v=1&token=t');
    await ready;
    expect(preloader.isReady(['/media/media/a.jpg?v=1&token=t'])).toBe(true);
    expect(createPagePreloader(undefined, load).isReady(['/x'])).toBe(false);
  });
});

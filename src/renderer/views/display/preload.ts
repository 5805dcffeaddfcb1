import type { ContentItem } from '../../../shared/content';
import { picturesOf } from '../../../shared/media/pictures';
import { mediaUrl, pageMediaPrefix, pageMediaWidth } from '../../slides/context';

/** The images a slide shows, as the URLs its <img> elements will ask for. */
export function imagesOf(
  item: ContentItem | undefined,
  width: number | null = pageMediaWidth(),
): string[] {
  return picturesOf(item).map((file) => mediaUrl(file, width));
}

/**
 * What a video slide waits for before it goes up: the first frame of its own <video>, in the
 * stage frame keyed `frameKey`. Per frame, not per file: another frame of the same file (the
 * same film on air under an older key, or shown again) having a frame says nothing of this
 * element, which starts from nothing and would go up black.
 */
export function videoFramesOf(item: ContentItem | undefined, frameKey: string): string[] {
  return item?.kind === 'video' ? [videoFrameKey(frameKey)] : [];
}

/** The key a video's first frame is known by in the preloader (not a URL that is fetched). */
export const videoFrameKey = (frameKey: string) => `video-frame:${frameKey}`;
const isVideoFrameKey = (key: string) => key.startsWith('video-frame:');

export type ImageLoader = (url: string) => Promise<void>;

/** Fetches and decodes one image off screen. A broken image counts as done: the slide copes. */
export const browserImageLoader: ImageLoader = (url) => {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  if (typeof image.decode === 'function') return image.decode().catch(() => undefined);
  return new Promise((resolve) => {
    image.onload = () => resolve();
    image.onerror = () => resolve();
  });
};

/**
 * The pictures named in this page's head for its first slide (by the core,
 * `server/picture-hints.ts`; by the player's export, `exports/player/page.ts`): their addresses
 * exactly as written, which are the ones the first slide asks for. Only the page's own pack
 * media (`pageMediaPrefix`): a page is never told to decode anything else.
 */
export function hintedImages(
  doc: Pick<Document, 'querySelectorAll'>,
  mediaPrefix: string = pageMediaPrefix(),
): string[] {
  return [...doc.querySelectorAll('link[rel="preload"][as="image"]')]
    .map((link) => link.getAttribute('href') ?? '')
    .filter((href) => href.startsWith(mediaPrefix));
}

/**
 * Remembers each image's load, so the preload for "the slide after this one" and the wait
 * before switching to it share one fetch, and a slide seen before switches at once.
 */
export function createPreloader(load: ImageLoader = browserImageLoader) {
  const loads = new Map<string, Promise<void>>();
  const done = new Set<string>();
  // A video's first frame is not fetched here: the slide's own <video> (built hidden, see
  // SlideStage) loads it and says so, and the wait for it is this promise.
  const frameWaits = new Map<string, () => void>();
  const waitForFrame = (key: string) =>
    new Promise<void>((resolve) => {
      frameWaits.set(key, resolve);
    });
  const once = (url: string) => {
    let pending = loads.get(url);
    if (!pending) {
      pending = (isVideoFrameKey(url) ? waitForFrame(url) : load(url)).then(() => {
        done.add(url);
      });
      loads.set(url, pending);
      // Keep the cache small on a show that runs for days with a changing pack.
      if (loads.size > 64) {
        const oldest = loads.keys().next().value as string;
        loads.delete(oldest);
        done.delete(oldest);
      }
    }
    return pending;
  };
  return {
    /** True when every image is already decoded: the slide can go up this very frame. */
    isReady(urls: readonly string[]): boolean {
      return urls.every((url) => done.has(url));
    },
    /** Resolves when every image is decoded, or after `timeoutMs`, whichever comes first. */
    ready(urls: readonly string[], timeoutMs: number): Promise<void> {
      if (urls.length === 0) return Promise.resolve();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      });
      return Promise.race([Promise.all(urls.map(once)).then(() => undefined), timeout]).finally(
        () => clearTimeout(timer),
      );
    },
    warm(urls: readonly string[]): void {
      for (const url of urls) void once(url);
    },
    /** A video slide's first frame is decoded (or its video failed: then it goes up at once). */
    frameReady(key: string): void {
      done.add(key);
      frameWaits.get(key)?.();
      frameWaits.delete(key);
      if (!loads.has(key)) loads.set(key, Promise.resolve());
    },
    /** That <video> is gone: the next one with this file loads again, so it waits again. */
    frameGone(key: string): void {
      done.delete(key);
      loads.delete(key);
      frameWaits.delete(key);
    },
  };
}
export type Preloader = ReturnType<typeof createPreloader>;

/**
 * The display's own preloader, already fetching and decoding the pictures the core named in
 * the page (`hintedImages`): the slide on air when the page was served, decoded while the
 * socket connects, so it goes up as soon as the show says so.
 */
export function createPagePreloader(
  doc: Pick<Document, 'querySelectorAll'> | undefined = globalThis.document,
  load: ImageLoader = browserImageLoader,
): Preloader {
  const preloader = createPreloader(load);
  if (doc) preloader.warm(hintedImages(doc));
  return preloader;
}

import { useEffect, useState } from 'react';
import type { Preloader } from './preload';

/**
 * False until the first screen's images are fetched and decoded off screen (at most `waitMs`),
 * then true for good. An <img> put on screen while its file is still arriving is painted
 * part-loaded, and Chromium decodes the whole 4000×3000 file again for each such paint: traced,
 * that was ~300 ms of a core spent on a picture nobody saw, fighting the real decode. Off screen
 * it is one decode, and the slide goes up with its picture whole, as every later slide does.
 * `active` is false while there is nothing to show yet (connecting, a blackout).
 */
export function useFirstImagesReady(
  active: boolean,
  urls: readonly string[],
  preloader: Preloader,
  waitMs: number,
): boolean {
  const [up, setUp] = useState(false);
  const ready = up || (active && preloader.isReady(urls));
  // React's "adjust state while rendering": latched before anything is committed.
  if (ready && !up) setUp(true);
  const key = urls.join('\n');
  useEffect(() => {
    if (up || !active) return;
    let live = true;
    void preloader.ready(key.split('\n'), waitMs).then(() => {
      if (live) setUp(true);
    });
    return () => {
      live = false;
    };
  }, [up, active, key, preloader, waitMs]);
  return ready;
}

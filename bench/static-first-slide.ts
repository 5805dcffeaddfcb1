// Our display's first slide, as the display itself painted it, saved as a static page: what a
// server that answered with the finished slide (no core, no socket) would send. The ceiling
// benchmark serves it with the reveal.js deck's static server.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { serve } from '../tests/helpers/serve';
import { DISPLAY_SLIDE, firstSlidePainted, firstSlideProbe } from './probes';

export interface StaticFirstSlide {
  /** The folder to mount at `/`: `index.html` without scripts, `display/index.html` with. */
  dir: string;
  itemId: string;
}

/** The URL path of each page, under the static server's root. */
export const STATIC_PAGES = { bare: '', scripted: 'display/?token=static' } as const;

/**
 * Runs in the display once its first slide is painted. Keeps the slide on air (the frames
 * built ahead are dropped), strips the view's token from every address (the static server
 * needs none, and a saved page must not carry a secret), and returns two pages: one with no
 * scripts at all, and one with the app's own scripts, whose slide sits on top of an empty
 * root so the app loads and runs as it would while the slide is already up.
 */
const SNAPSHOT = `(() => {
  const page = document.documentElement.cloneNode(true);
  const frames = [...page.querySelectorAll('.slide-frame')];
  const onAir = frames.filter((f) => f.getAttribute('data-phase') === 'in');
  if (onAir.length !== 1) throw new Error('expected one slide on air, found ' + onAir.length);
  for (const f of frames) if (f !== onAir[0]) f.remove();
  for (const el of page.querySelectorAll('[src], link[href]')) {
    const attribute = el.hasAttribute('src') ? 'src' : 'href';
    const url = new URL(el.getAttribute(attribute), location.href);
    if (url.origin !== location.origin) continue;
    url.searchParams.delete('token');
    el.setAttribute(attribute, url.pathname + url.search);
  }
  const bare = page.cloneNode(true);
  for (const el of bare.querySelectorAll('script, link[rel="modulepreload"]')) el.remove();
  const scripted = page.cloneNode(true);
  const root = scripted.querySelector('#root');
  const slide = document.createElement('div');
  slide.setAttribute('style', 'position: fixed; inset: 0; z-index: 1');
  slide.innerHTML = root.innerHTML;
  root.innerHTML = '';
  root.after(slide);
  return {
    itemId: onAir[0].getAttribute('data-item-id'),
    bare: '<!DOCTYPE html>' + bare.outerHTML,
    scripted: '<!DOCTYPE html>' + scripted.outerHTML,
  };
})()`;

/** Serves the pack, lets the display paint its first slide, and saves it as static pages in `dir`. */
export async function captureStaticFirstSlide(
  browser: Browser,
  packDir: string,
  dir: string,
): Promise<StaticFirstSlide> {
  const served = await serve({ content: packDir, timeoutMs: 60_000 });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  try {
    await page.addInitScript(firstSlideProbe(DISPLAY_SLIDE));
    await page.goto(served.urls.display);
    await page.waitForFunction(firstSlidePainted, undefined, { timeout: 60_000 });
    // The fonts and the fit of the text settle after the first paint.
    await page.evaluate('document.fonts.ready');
    await page.waitForTimeout(500);
    const snapshot = (await page.evaluate(SNAPSHOT)) as {
      itemId: string;
      bare: string;
      scripted: string;
    };
    const token = new URL(served.urls.display).searchParams.get('token');
    if (token && (snapshot.bare.includes(token) || snapshot.scripted.includes(token))) {
      throw new Error("the saved first slide still carries the display's token");
    }
    mkdirSync(path.join(dir, 'display'), { recursive: true });
    writeFileSync(path.join(dir, 'index.html'), snapshot.bare);
    writeFileSync(path.join(dir, 'display', 'index.html'), snapshot.scripted);
    return { dir, itemId: snapshot.itemId };
  } finally {
    await page.close();
    await served.stop();
  }
}

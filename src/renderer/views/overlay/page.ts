import { useEffect, useLayoutEffect, useState } from 'react';

/** The canvas the overlay is drawn for; OBS browser sources are sized to the stream's canvas. */
export const CANVAS = { width: 1920, height: 1080 } as const;

/** The class on `<html>` that makes the page transparent (see overlay.css). */
export const PAGE_CLASS = 'overlay-page';

/**
 * Makes the whole page transparent while the overlay is mounted. Set from the view rather than
 * left to the stylesheets, because the app's base styles paint every page black: OBS would
 * put a black canvas over the camera.
 */
export function useTransparentPage(): void {
  useLayoutEffect(() => {
    const html = document.documentElement;
    html.classList.add(PAGE_CLASS);
    return () => html.classList.remove(PAGE_CLASS);
  }, []);
}

/** How the 1920×1080 design fits the window: the largest scale that shows all of it, centred. */
export function canvasFit(width: number, height: number) {
  const scale = Math.min(width / CANVAS.width, height / CANVAS.height);
  const safe = Number.isFinite(scale) && scale > 0 ? scale : 1;
  return {
    scale: safe,
    x: (width - CANVAS.width * safe) / 2,
    y: (height - CANVAS.height * safe) / 2,
  };
}

const measure = () =>
  typeof window === 'undefined'
    ? canvasFit(CANVAS.width, CANVAS.height)
    : canvasFit(window.innerWidth, window.innerHeight);

export function useCanvasFit() {
  const [fit, setFit] = useState(measure);
  useEffect(() => {
    const onResize = () => setFit(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return fit;
}

export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}

import path from 'node:path';
import type { ServeStartOptions } from '../cli/serve-options';

/** The start options a kept first slide depends on: the rest (port, host, language) never shows on it. */
export type KeptSlideOptions = Record<string, string | number | boolean | null>;

/**
 * What of a `serve` start changes the display's first slide, in the form the fingerprint
 * hashes: the same call when the slide is kept and when the next start checks it, so a start
 * with another pack, another build or the merch table switched on never gets the old slide.
 */
export function keptSlideOptions(
  start: Pick<ServeStartOptions, 'contentDir' | 'rendererDir' | 'merch' | 'clockShiftMs'>,
): KeptSlideOptions {
  return {
    contentDir: path.resolve(start.contentDir),
    rendererDir: path.resolve(start.rendererDir),
    merch: start.merch ? JSON.stringify(start.merch) : null,
    clockShiftMs: start.clockShiftMs ?? 0,
    // A case counts its days in this machine's time zone: a laptop taken to another zone (or
    // a clock change) must not show the count it kept in the old one, even for a second.
    utcOffsetMinutes: new Date().getTimezoneOffset(),
  };
}

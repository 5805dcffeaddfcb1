// Whether this start may answer the display with the slide the previous run kept. Everything
// here errs towards "no": a slide shown wrongly (taken out of the pack while the app was off,
// consent withdrawn, yesterday's count of days behind bars) is worse than a slower start.
import { keptSlideFingerprint, type KeptSlideFingerprintInput } from './fingerprint';
import { readKeptSlide, type KeptSlideRecord } from './record';

export interface KeptSlideStart extends KeptSlideFingerprintInput {
  /** This moment, in ms since the epoch (Date.now(), or a test's clock). */
  now: number;
}

/**
 * The kept record if it may be shown now: it parses, it was written no later than `now` (a
 * clock set back cannot revive an old record) and is still valid, it names a display token,
 * and everything it was made from is as it was (`keptSlideFingerprint`). Otherwise null;
 * never throws, since the caller's answer to any doubt is the usual start.
 */
export async function keptSlideFor(start: KeptSlideStart): Promise<KeptSlideRecord | null> {
  try {
    const record = await readKeptSlide(start.dataDir);
    if (record === null) return null;
    // The cheap checks first: the fingerprint walks the pack.
    if (!Number.isFinite(start.now)) return null;
    if (!(record.writtenAtMs <= start.now && start.now < record.validUntilMs)) return null;
    if (typeof record.tokens.display !== 'string') return null;
    const fingerprint = await keptSlideFingerprint({
      contentDir: start.contentDir,
      dataDir: start.dataDir,
      rendererDir: start.rendererDir,
      options: start.options,
    });
    return fingerprint === record.fingerprint ? record : null;
  } catch {
    return null;
  }
}

// The app's OBS source names and an overlay state with text in each panel, shared by the unit
// tests (fake OBS) and the real-OBS tests, so a renamed source is renamed once here.
import { INPUT_PREFIX } from '../../src/main/obs/overlay-elements';
import { emptyOverlayState, type OverlayState } from '../../src/main/obs/overlay-state';

export const LYRICS = `${INPUT_PREFIX}Lyrics`;
export const LYRICS_SUB = `${INPUT_PREFIX}Lyrics translation`;
export const LYRICS_BAND = `${INPUT_PREFIX}Lyrics band`;
export const LOWER = `${INPUT_PREFIX}Lower third`;
export const FACT = `${INPUT_PREFIX}Lower third fact`;
export const LOWER_BAND = `${INPUT_PREFIX}Lower third band`;
export const LOWER_ACCENT = `${INPUT_PREFIX}Lower third accent`;
export const QR = `${INPUT_PREFIX}QR`;
export const DRAWING = `${INPUT_PREFIX}Drawing`;
export const CREDIT = `${INPUT_PREFIX}Drawing credit`;
export const NOW = `${INPUT_PREFIX}Now playing`;
export const NOW_ARTIST = `${INPUT_PREFIX}Now playing artist`;
export const NOW_BAND = `${INPUT_PREFIX}Now playing band`;
export const NOW_ACCENT = `${INPUT_PREFIX}Now playing accent`;

/** Lyrics, the lower third and the QR code on the stream, with text in each. */
export function onAirOverlay(translation = ''): OverlayState {
  return {
    ...emptyOverlayState(),
    enabled: { ...emptyOverlayState().enabled, lyrics: true, lowerThird: true, qr: true },
    lyrics: { line: 'Whirlwinds of danger', translation },
    lowerThird: { title: 'Free them all', text: 'Sign the letter' },
    qr: { url: 'https://example.org/act' },
  };
}

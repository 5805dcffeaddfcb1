import type { NativeRole } from './overlay-elements';
import { fixedBoxes, pageMeasures, pageScale, type Canvas, type Size } from './overlay-geometry';
import { panelOf } from './overlay-panels';

// How big the native text sources are: the page's type sizes, the room a line has before OBS
// shrinks it, and a long fact broken into two lines as the page's box would.

/** Font sizes in page pixels (`.ov-lyric-main` 64px and so on). */
const fontSizes: Record<NativeRole, number> = {
  'lyrics-text': 64,
  'lyrics-translation-text': 38,
  'lower-third-text': 66,
  'lower-third-fact-text': 30,
  'now-playing-text': 46,
  'now-playing-artist-text': 24,
  'drawing-credit-text': 26,
  'lyrics-band': 0,
  'lower-third-band': 0,
  'lower-third-accent': 0,
  'now-playing-band': 0,
  'now-playing-accent': 0,
  'qr-image': 0,
  'drawing-image': 0,
};

export function fontSize(role: NativeRole, canvas: Canvas): number {
  return Math.max(12, Math.round(fontSizes[role] * pageScale(canvas)));
}

/** How wide and tall a line's text may be on the canvas before OBS shrinks it (its bounds). */
export function lineBounds(role: NativeRole, canvas: Canvas): Size {
  const s = pageScale(canvas);
  const panel = panelOf(role);
  const size = fontSize(role, canvas);
  // The fact may wrap to two lines (`balanceLines`); every other line is one.
  const height = Math.round(size * (role === 'lower-third-fact-text' ? 3.2 : 2));
  if (!panel) {
    return { width: Math.round(fixedBoxes(canvas)['drawing-credit-text'].width), height };
  }
  const m = pageMeasures[panel.id];
  let max = m.maxWidth * s;
  if (panel.id === 'lowerThird') {
    // The QR code stands at the band's right end: band and code stay on the canvas.
    const { qrGap, qrSize, rightMargin } = pageMeasures;
    const room = canvas.width - (pageMeasures.lowerThird.left + qrGap + qrSize + rightMargin) * s;
    max = Math.min(max, room);
  }
  if (panel.id === 'lyrics') max = Math.min(max, canvas.width - 2 * 96 * s);
  return {
    width: Math.max(1, Math.round(max - (m.accent + m.padding.left + m.padding.right) * s)),
    height,
  };
}

/**
 * The size OBS draws a text at: its measured size, shrunk to fit its bounds
 * (OBS_BOUNDS_MAX_ONLY keeps the shape and never enlarges).
 */
export function shownSize(role: NativeRole, canvas: Canvas, measured: Size): Size {
  const bounds = lineBounds(role, canvas);
  if (measured.width <= 0 || measured.height <= 0) return { width: 0, height: 0 };
  const scale = Math.min(1, bounds.width / measured.width, bounds.height / measured.height);
  return { width: measured.width * scale, height: measured.height * scale };
}

/**
 * A long fact broken into two lines at the space nearest its middle, as the page's box wraps
 * it: a text source wrapped by OBS would be as wide as its wrap width, band and all.
 */
export function balanceLines(text: string, maxChars = 56): string {
  if (text.length <= maxChars || text.includes('\n')) return text;
  const middle = text.length / 2;
  let best = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ' && (best < 0 || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  return best < 0 ? text : `${text.slice(0, best)}\n${text.slice(best + 1)}`;
}

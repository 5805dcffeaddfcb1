// The overlay page's geometry as the native sources use it: the canvas, rectangles, libobs
// alignment flags and the page's measures, scaled from its 1920×1080 canvas.

export interface Canvas {
  width: number;
  height: number;
}

// libobs alignment flags: which point of the item sits at its position. No horizontal flag
// means centred, which is how a text source's lines get centred: OBS has no text alignment.
export const LEFT = 1;
export const RIGHT = 2;
export const TOP = 4;
export const BOTTOM = 8;
export const CENTER = 0;

/**
 * The overlay page's measures (`src/renderer/views/overlay/overlay.css`), in pixels of its
 * 1920×1080 canvas. The native sources use the same numbers scaled to OBS's canvas, so the two
 * stream paths put the same bands in the same places with the same type sizes.
 */
export const pageMeasures = {
  lowerThird: {
    left: 96,
    bottom: 64,
    minHeight: 216,
    maxWidth: 1300,
    accent: 14,
    padding: { top: 18, right: 44, bottom: 20, left: 32 },
    gap: 10,
  },
  lyrics: {
    bottom: 64,
    /** The gap above the lower third when both are up (`.is-lifted`). */
    lift: 24,
    maxWidth: 1600,
    accent: 0,
    padding: { top: 14, right: 48, bottom: 18, left: 48 },
    gap: 4,
  },
  nowPlaying: {
    left: 64,
    top: 54,
    maxWidth: 900,
    accent: 10,
    padding: { top: 12, right: 30, bottom: 16, left: 22 },
    gap: 2,
  },
  /** Between the lower third's band and the QR code. */
  qrGap: 16,
  /** The QR code beside the lower third (`--ov-lt-height`): black on white, scannable. */
  qrSize: 216,
  /** What the page keeps free at the right of the lower third and its QR code. */
  rightMargin: 64,
} as const;

/** Page pixels to canvas pixels (the page scales its 1920×1080 canvas the same way). */
export function pageScale(canvas: Canvas): number {
  return Math.min(canvas.width / 1920, canvas.height / 1080);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Which corner or edge of the box the item is anchored to. */
  anchor: number;
}

/**
 * Where the drawing sits, in proportion to the canvas: in the top-right corner, with its
 * credit under it. (The QR code stands beside the lower third's band: `qrBeside`.)
 */
export function fixedBoxes(canvas: Canvas): Record<'drawing-image' | 'drawing-credit-text', Box> {
  const { width: w, height: h } = canvas;
  const margin = Math.round(h * 0.04);
  const drawingWidth = Math.round(w * 0.26);
  const drawingHeight = Math.round(h * 0.42);
  return {
    'drawing-image': {
      x: w - margin,
      y: margin,
      width: drawingWidth,
      height: drawingHeight,
      anchor: TOP | RIGHT,
    },
    'drawing-credit-text': {
      x: w - margin,
      y: margin + drawingHeight + Math.round(margin / 4),
      width: drawingWidth,
      height: Math.round(h * 0.08),
      anchor: TOP | RIGHT,
    },
  };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The point of a rectangle that an item anchored with `alignment` is positioned at. */
export function anchorPoint(
  rect: Rect,
  alignment: number,
): { positionX: number; positionY: number } {
  const x =
    alignment & LEFT ? rect.x : alignment & RIGHT ? rect.x + rect.width : rect.x + rect.width / 2;
  const y =
    alignment & TOP ? rect.y : alignment & BOTTOM ? rect.y + rect.height : rect.y + rect.height / 2;
  return { positionX: Math.round(x), positionY: Math.round(y) };
}

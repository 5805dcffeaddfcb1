import type { NativeRole } from './overlay-elements';

export interface Canvas {
  width: number;
  height: number;
}

/** The fields of SetSceneItemTransform the app sets; the rest stay as OBS or the user has them. */
export interface ItemTransform {
  positionX: number;
  positionY: number;
  alignment: number;
  boundsType: string;
  boundsAlignment: number;
  boundsWidth: number;
  boundsHeight: number;
  scaleX: number;
  scaleY: number;
  rotation: number;
}

// libobs alignment flags: which point of the item sits at its position.
const LEFT = 1;
const RIGHT = 2;
const TOP = 4;
const BOTTOM = 8;
const CENTER = 0;

/** A browser source covers the canvas; the page places its element itself. */
export function browserTransform(): ItemTransform {
  return {
    positionX: 0,
    positionY: 0,
    alignment: TOP | LEFT,
    boundsType: 'OBS_BOUNDS_NONE',
    boundsAlignment: CENTER,
    // OBS rejects bounds under 1 px even when bounds are off.
    boundsWidth: 1,
    boundsHeight: 1,
    scaleX: 1,
    scaleY: 1,
    rotation: 0,
  };
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
 * Where each native source sits, in proportion to the canvas (here for 1280×720):
 * QR code bottom right, large enough to scan off a phone screen showing the stream; the
 * lower third along the bottom left of it; lyrics as a subtitle band above the lower third;
 * the drawing in the top-right corner with its credit under it; now playing top left.
 */
export function nativeBoxes(canvas: Canvas): Record<NativeRole, Box> {
  const { width: w, height: h } = canvas;
  const margin = Math.round(h * 0.04);
  const qr = Math.round(h * 0.36);
  const bandWidth = w - qr - 3 * margin;
  const bandHeight = Math.round(h * 0.2);
  const drawingWidth = Math.round(w * 0.26);
  const drawingHeight = Math.round(h * 0.42);
  return {
    'qr-image': { x: w - margin, y: h - margin, width: qr, height: qr, anchor: BOTTOM | RIGHT },
    'lower-third-text': {
      x: margin,
      y: h - margin,
      width: bandWidth,
      height: bandHeight,
      anchor: BOTTOM | LEFT,
    },
    'lyrics-text': {
      x: margin + bandWidth / 2,
      y: h - 2 * margin - bandHeight,
      width: bandWidth,
      height: bandHeight,
      anchor: BOTTOM,
    },
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
    'now-playing-text': {
      x: margin,
      y: margin,
      width: Math.round(w * 0.5),
      height: Math.round(h * 0.1),
      anchor: TOP | LEFT,
    },
  };
}

export function nativeTransform(role: NativeRole, canvas: Canvas): ItemTransform {
  const box = nativeBoxes(canvas)[role];
  const image = role === 'qr-image' || role === 'drawing-image';
  return {
    positionX: Math.round(box.x),
    positionY: Math.round(box.y),
    alignment: box.anchor,
    // Images fill their box keeping their shape; text never grows, and only shrinks when a
    // line is too long for its band.
    boundsType: image ? 'OBS_BOUNDS_SCALE_INNER' : 'OBS_BOUNDS_MAX_ONLY',
    boundsAlignment: box.anchor,
    boundsWidth: box.width,
    boundsHeight: box.height,
    scaleX: 1,
    scaleY: 1,
    rotation: 0,
  };
}

const fontSizes: Record<NativeRole, number> = {
  'lyrics-text': 0.06,
  'lower-third-text': 0.055,
  'now-playing-text': 0.045,
  'drawing-credit-text': 0.03,
  'qr-image': 0,
  'drawing-image': 0,
};

/** The font OBS will find on each platform; the DejaVu fonts ship with Debian's OBS. */
function fontFace(platform: string | undefined): string {
  if (platform === 'windows') return 'Arial';
  if (platform === 'macos') return 'Helvetica';
  return 'DejaVu Sans';
}

/**
 * The look of a native text source: white, bold, outlined so it reads over any video,
 * wrapped to its band. Only style keys: the text itself belongs to the overlay sync.
 */
export function textStyle(
  role: NativeRole,
  textKind: string,
  canvas: Canvas,
  platform?: string,
): Record<string, unknown> {
  const size = Math.max(12, Math.round(canvas.height * fontSizes[role]));
  const box = nativeBoxes(canvas)[role];
  const font = { face: fontFace(platform), size, style: 'Bold', flags: 1 };
  if (textKind.startsWith('text_gdiplus')) {
    const anchor = box.anchor;
    return {
      font,
      color: 0xffffff,
      opacity: 100,
      outline: true,
      outline_size: Math.max(2, Math.round(size / 12)),
      outline_color: 0x000000,
      outline_opacity: 100,
      extents: true,
      extents_cx: Math.round(box.width),
      extents_cy: Math.round(box.height),
      extents_wrap: true,
      align: anchor & LEFT ? 'left' : anchor & RIGHT ? 'right' : 'center',
      valign: anchor & TOP ? 'top' : anchor & BOTTOM ? 'bottom' : 'center',
    };
  }
  // FreeType text has no alignment of its own: a wrapped source is as wide as its band and
  // its lines hug the left. So only the left-anchored lower third wraps; the others stay one
  // block as wide as their text, which the bounds centre (lyrics) or push right (credit), and
  // shrink when a line is too long.
  const wrap = role === 'lower-third-text';
  return {
    font,
    color1: 0xffffffff,
    color2: 0xffffffff,
    outline: true,
    drop_shadow: true,
    antialiasing: true,
    word_wrap: wrap,
    ...(wrap ? { custom_width: Math.round(box.width) } : {}),
  };
}

export function imageStyle(): Record<string, unknown> {
  // Keep the image loaded while hidden, so switching it on shows it in the same frame.
  return { unload: false };
}

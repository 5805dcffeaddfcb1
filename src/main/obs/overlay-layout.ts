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

// libobs alignment flags: which point of the item sits at its position. No horizontal flag
// means centred, which is how a text source's lines get centred: OBS has no text alignment.
export const LEFT = 1;
export const RIGHT = 2;
export const TOP = 4;
export const BOTTOM = 8;
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

/** The page sets these in Oswald (`--font-heading`); the rest in Inter (`--font-body`). */
const headingRoles: readonly NativeRole[] = ['lyrics-text', 'lower-third-text', 'now-playing-text'];

/** Text colours from the page: the main lines white, the lines under them a little grey. */
const textColours: Partial<Record<NativeRole, number>> = {
  'lyrics-translation-text': 0xececec,
  'now-playing-artist-text': 0xe6e6e6,
  'drawing-credit-text': 0xdcdcdc,
};

/** The page's band: rgba(8, 8, 8, 0.8). */
export const BAND_COLOUR = { rgb: 0x080808, alpha: 0.8 };
export const DEFAULT_ACCENT = '#e10600';

/** Page pixels to canvas pixels (the page scales its 1920×1080 canvas the same way). */
export function pageScale(canvas: Canvas): number {
  return Math.min(canvas.width / 1920, canvas.height / 1080);
}

export function fontSize(role: NativeRole, canvas: Canvas): number {
  return Math.max(12, Math.round(fontSizes[role] * pageScale(canvas)));
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

/** The QR code at the right end of the lower third's band, bottoms level, as on the page. */
export function qrBeside(band: Rect, canvas: Canvas): Rect {
  const s = pageScale(canvas);
  const size = Math.round(pageMeasures.qrSize * s);
  return {
    x: Math.round(band.x + band.width + pageMeasures.qrGap * s),
    y: band.y + band.height - size,
    width: size,
    height: size,
  };
}

/** The QR code is anchored at its bottom left, so it follows the band's right edge. */
export const QR_ANCHOR = BOTTOM | LEFT;

export type PanelId = 'lyrics' | 'lowerThird' | 'nowPlaying';

/** A band with lines of text on it, like one element of the overlay page. */
export interface PanelSpec {
  id: PanelId;
  band: NativeRole;
  /** The coloured stripe along the band's left edge (`border-left: … var(--accent)`). */
  accent: NativeRole | null;
  /** Top to bottom. */
  lines: readonly NativeRole[];
  align: 'center' | 'left';
}

export const panels: readonly PanelSpec[] = [
  {
    id: 'lyrics',
    band: 'lyrics-band',
    accent: null,
    lines: ['lyrics-text', 'lyrics-translation-text'],
    align: 'center',
  },
  {
    id: 'lowerThird',
    band: 'lower-third-band',
    accent: 'lower-third-accent',
    lines: ['lower-third-text', 'lower-third-fact-text'],
    align: 'left',
  },
  {
    id: 'nowPlaying',
    band: 'now-playing-band',
    accent: 'now-playing-accent',
    lines: ['now-playing-text', 'now-playing-artist-text'],
    align: 'left',
  },
];

export function panelOf(role: NativeRole): PanelSpec | undefined {
  return panels.find(
    (panel) => panel.band === role || panel.accent === role || panel.lines.includes(role),
  );
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

export interface PanelPlacement {
  band: Rect;
  accent: Rect | null;
  /** Each shown line's position (the anchor its item was set up with: top centre or top left). */
  lines: Partial<Record<NativeRole, { positionX: number; positionY: number }>>;
}

export interface PlacementContext {
  /** The lower third's band as placed now, when it is up: the lyrics go above it. */
  lowerThird?: Rect | null;
}

/**
 * Where a band and its lines go, from the sizes OBS drew the lines at (only the lines that have
 * text): as the page lays them out. The lyrics are centred on the canvas and grow upwards from
 * the bottom (above the lower third when it is up); the lower third grows
 * right and up from the bottom left, at least its fixed height with its lines centred in it;
 * now playing grows right and down from the top left. Null when no line has text. Pure.
 */
export function placePanel(
  panel: PanelSpec,
  canvas: Canvas,
  sizes: Partial<Record<NativeRole, Size>>,
  context: PlacementContext = {},
): PanelPlacement | null {
  const s = pageScale(canvas);
  const m = pageMeasures[panel.id];
  const shown = panel.lines.filter((role) => (sizes[role]?.width ?? 0) > 0);
  if (shown.length === 0) return null;
  const pad = {
    top: m.padding.top * s,
    right: m.padding.right * s,
    bottom: m.padding.bottom * s,
    left: m.padding.left * s,
  };
  const accent = m.accent * s;
  const gap = m.gap * s;
  const textWidth = Math.max(...shown.map((role) => sizes[role]?.width ?? 0));
  const textHeight =
    shown.reduce((sum, role) => sum + (sizes[role]?.height ?? 0), 0) + gap * (shown.length - 1);
  const width = accent + pad.left + textWidth + pad.right;
  const minHeight = panel.id === 'lowerThird' ? pageMeasures.lowerThird.minHeight * s : 0;
  const height = Math.max(minHeight, pad.top + textHeight + pad.bottom);

  let left: number;
  let top: number;
  if (panel.id === 'lyrics') {
    let bottom = canvas.height - pageMeasures.lyrics.bottom * s;
    if (context.lowerThird) bottom = context.lowerThird.y - pageMeasures.lyrics.lift * s;
    left = (canvas.width - width) / 2;
    top = bottom - height;
  } else if (panel.id === 'lowerThird') {
    left = pageMeasures.lowerThird.left * s;
    top = canvas.height - pageMeasures.lowerThird.bottom * s - height;
  } else {
    left = pageMeasures.nowPlaying.left * s;
    top = pageMeasures.nowPlaying.top * s;
  }

  const lines: PanelPlacement['lines'] = {};
  // Lines are centred as a block in the band (the page's `justify-content: center`).
  let y = top + pad.top + (height - pad.top - pad.bottom - textHeight) / 2;
  for (const role of shown) {
    lines[role] = {
      positionX: Math.round(panel.align === 'center' ? canvas.width / 2 : left + accent + pad.left),
      positionY: Math.round(y),
    };
    y += (sizes[role]?.height ?? 0) + gap;
  }
  const round = (rect: Rect): Rect => ({
    x: Math.round(rect.x),
    y: Math.round(rect.y),
    width: Math.max(1, Math.round(rect.width)),
    height: Math.max(1, Math.round(rect.height)),
  });
  return {
    band: round({ x: left + accent, y: top, width: width - accent, height }),
    accent: accent > 0 ? round({ x: left, y: top, width: accent, height }) : null,
    lines,
  };
}

/** A placement before anything is measured: each line one font size tall, half the bounds wide. */
function guessedSizes(panel: PanelSpec, canvas: Canvas): Partial<Record<NativeRole, Size>> {
  const sizes: Partial<Record<NativeRole, Size>> = {};
  for (const role of panel.lines) {
    sizes[role] = {
      width: lineBounds(role, canvas).width / 2,
      height: Math.round(fontSize(role, canvas) * 1.3),
    };
  }
  return sizes;
}

/**
 * Where a band (and its accent) is anchored: at the edge that stays put as the band grows, so a
 * new size needs no new position. The lyrics band grows up and sideways from its bottom centre.
 */
export function bandAnchor(panel: PanelSpec): number {
  if (panel.id === 'lyrics') return BOTTOM;
  if (panel.id === 'lowerThird') return BOTTOM | LEFT;
  return TOP | LEFT;
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

/** Roles whose position the overlay sync sets after measuring; setup leaves it to the sync. */
export function placedBySync(role: NativeRole): boolean {
  return panelOf(role) !== undefined || role === 'qr-image';
}

export function nativeTransform(role: NativeRole, canvas: Canvas): ItemTransform {
  const panel = panelOf(role);
  if (panel) {
    const guess = placePanel(panel, canvas, guessedSizes(panel, canvas));
    const fixed = {
      scaleX: 1,
      scaleY: 1,
      rotation: 0,
    };
    if (panel.band === role || panel.accent === role) {
      // A colour source is drawn at its own size (its settings), from its top-left corner.
      const rect = (panel.band === role ? guess?.band : guess?.accent) ?? {
        x: 0,
        y: 0,
        width: 1,
        height: 1,
      };
      return {
        ...anchorPoint(rect, bandAnchor(panel)),
        alignment: bandAnchor(panel),
        boundsType: 'OBS_BOUNDS_NONE',
        boundsAlignment: CENTER,
        boundsWidth: 1,
        boundsHeight: 1,
        ...fixed,
      };
    }
    // A line: anchored at its top centre (centred lines) or top left, and shrunk only when
    // longer than the band can hold.
    const anchor = panel.align === 'center' ? TOP : TOP | LEFT;
    const bounds = lineBounds(role, canvas);
    const position = guess?.lines[role];
    return {
      positionX: position?.positionX ?? 0,
      positionY: position?.positionY ?? 0,
      alignment: anchor,
      boundsType: 'OBS_BOUNDS_MAX_ONLY',
      boundsAlignment: anchor,
      boundsWidth: bounds.width,
      boundsHeight: bounds.height,
      ...fixed,
    };
  }
  if (role === 'qr-image') {
    const lowerThird = panels.find((candidate) => candidate.id === 'lowerThird');
    const band = lowerThird && placePanel(lowerThird, canvas, guessedSizes(lowerThird, canvas));
    const rect = qrBeside(band?.band ?? { x: 0, y: 0, width: 0, height: canvas.height }, canvas);
    return {
      ...anchorPoint(rect, QR_ANCHOR),
      alignment: QR_ANCHOR,
      // The image fills its square keeping its shape.
      boundsType: 'OBS_BOUNDS_SCALE_INNER',
      boundsAlignment: CENTER,
      boundsWidth: rect.width,
      boundsHeight: rect.height,
      scaleX: 1,
      scaleY: 1,
      rotation: 0,
    };
  }
  const box = fixedBoxes(canvas)[role as keyof ReturnType<typeof fixedBoxes>];
  const image = role === 'drawing-image';
  return {
    positionX: Math.round(box.x),
    positionY: Math.round(box.y),
    alignment: box.anchor,
    // Images fill their box keeping their shape; text never grows, and only shrinks when a
    // line is too long for its box.
    boundsType: image ? 'OBS_BOUNDS_SCALE_INNER' : 'OBS_BOUNDS_MAX_ONLY',
    boundsAlignment: box.anchor,
    boundsWidth: box.width,
    boundsHeight: box.height,
    scaleX: 1,
    scaleY: 1,
    rotation: 0,
  };
}

/**
 * The fonts the page uses, where this OBS can use them. OBS's text sources need fonts installed
 * on the system (the app's own are web fonts, inside the app). On Linux fontconfig, and on
 * Windows GDI, fall back to the system's sans for a font that is not installed; OBS's FreeType
 * source on macOS draws nothing for a missing face, so there the system's Helvetica is used.
 */
export function fontFace(role: NativeRole, platform: string | undefined): string {
  if (platform === 'macos') return 'Helvetica';
  return headingRoles.includes(role) ? 'Oswald' : 'Inter';
}

/** OBS's colours are ABGR integers. */
export function obsColour(rgb: number, alpha = 1): number {
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return ((Math.round(alpha * 255) << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

/** `#rrggbb` (the pack's theme) as an OBS colour; the default accent for anything else. */
export function hexToObsColour(hex: string | undefined): number {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex ?? '');
  return obsColour(parseInt(match?.[1] ?? DEFAULT_ACCENT.slice(1), 16));
}

/**
 * The look of a native text source: the page's colours and type sizes, in its fonts where
 * OBS can use them, with the page's soft shadow (the band does the rest). One line each, not
 * wrapped, so the item's anchor centres it. Only style keys: the text itself belongs to the
 * overlay sync.
 */
export function textStyle(
  role: NativeRole,
  textKind: string,
  canvas: Canvas,
  platform?: string,
): Record<string, unknown> {
  const size = fontSize(role, canvas);
  const font = { face: fontFace(role, platform), size, style: 'Bold', flags: 1 };
  const colour = textColours[role] ?? 0xffffff;
  if (textKind.startsWith('text_gdiplus')) {
    const panel = panelOf(role);
    const align = panel ? (panel.align === 'center' ? 'center' : 'left') : 'right';
    return {
      font,
      color: colour,
      opacity: 100,
      outline: false,
      align,
      valign: 'top',
    };
  }
  return {
    font,
    color1: obsColour(colour),
    color2: obsColour(colour),
    outline: false,
    drop_shadow: true,
    antialiasing: true,
    // One line each: a wrap width left from an older setup would widen the source.
    word_wrap: false,
    custom_width: 0,
  };
}

/** The band's look; its size is set by the overlay sync once the text is measured. */
export function bandStyle(role: NativeRole): Record<string, unknown> {
  const panel = panelOf(role);
  // The accent's colour comes from the pack's theme, so the sync sets it with the size.
  if (panel?.accent === role) return {};
  return { color: obsColour(BAND_COLOUR.rgb, BAND_COLOUR.alpha) };
}

export function imageStyle(): Record<string, unknown> {
  // Keep the image loaded while hidden, so switching it on shows it in the same frame.
  return { unload: false };
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

import type { NativeRole } from './overlay-elements';
import {
  BOTTOM,
  LEFT,
  TOP,
  pageMeasures,
  pageScale,
  type Canvas,
  type Rect,
  type Size,
} from './overlay-geometry';
import type { PanelSpec } from './overlay-panels';
import { fontSize, lineBounds } from './overlay-text';

// Placing the panels: where each band, its accent stripe, its lines and the QR code go, from
// the sizes OBS drew the lines at. Pure, so the sync and setup place things the same way.

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
export function guessedSizes(panel: PanelSpec, canvas: Canvas): Partial<Record<NativeRole, Size>> {
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

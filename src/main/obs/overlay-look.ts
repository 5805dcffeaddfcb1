import type { NativeRole } from './overlay-elements';
import { fontSize } from './overlay-text';
import { panelOf } from './overlay-panels';
import type { Canvas } from './overlay-geometry';

// The native sources' look, after the overlay page: fonts, text colours, the bands' colour and
// the pack's accent, as OBS wants them (ABGR integers, per text source kind).

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

/**
 * The widths the core scales pack images down to for a screen. A few fixed steps, so every
 * screen of a size shares one scaled copy and nobody can make the core scale an image to a
 * thousand sizes.
 */
export const MEDIA_WIDTHS = [640, 1280, 1920, 2560, 3840] as const;

/** The smallest step at least `pixels` wide (the largest when none is). */
export function mediaWidthFor(pixels: number): number {
  const wanted = Number.isNaN(pixels) ? 0 : pixels;
  return MEDIA_WIDTHS.find((width) => width >= wanted) ?? MEDIA_WIDTHS[MEDIA_WIDTHS.length - 1]!;
}

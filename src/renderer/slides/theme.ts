import type { CSSProperties } from 'react';
import type { Pack } from '../../shared/content';

function channel(hex: string): number {
  const value = parseInt(hex, 16) / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of `#rgb` / `#rrggbb`. */
export function luminance(colour: string): number {
  let hex = colour.replace('#', '');
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join('');
  return (
    0.2126 * channel(hex.slice(0, 2)) +
    0.7152 * channel(hex.slice(2, 4)) +
    0.0722 * channel(hex.slice(4, 6))
  );
}

/**
 * The pack's colours as CSS variables, plus the text colour to use on the accent: a pack
 * with a yellow accent needs black text on it, a red one white.
 */
export function themeStyle(theme: Pack['theme']): CSSProperties {
  const onAccent = luminance(theme.accent) > 0.4 ? '#000000' : '#ffffff';
  return {
    '--bg': theme.background,
    '--fg': theme.foreground,
    '--accent': theme.accent,
    '--on-accent': onAccent,
  } as CSSProperties;
}

import type { Pack } from '../../../shared/content';
import type { ShowState } from '../../../shared/protocol';

type ScreenLook = NonNullable<ShowState['look']>;

/**
 * The two looks a screen can have besides its pack's: dark for a dim hall, light for a
 * sunlit merch table. The pack's accent stays: it is the campaign's colour.
 */
const THEMES = {
  dark: { background: '#0b0b0b', foreground: '#ffffff' },
  light: { background: '#ffffff', foreground: '#111111' },
} as const;

/** The colours a screen shows with: its own look's, else the pack's. */
export function screenTheme(pack: Pack['theme'], look: ScreenLook | undefined): Pack['theme'] {
  const theme = look?.theme ?? 'pack';
  return theme === 'pack' ? pack : { ...pack, ...THEMES[theme] };
}

/**
 * Whether the display must be turned a quarter to stand the way its job says: a screen set to
 * portrait whose window is landscape (a TV on its side, its output left as it was), or the
 * other way round. `auto` follows the window.
 */
export function isTurned(
  look: ScreenLook | undefined,
  window: { width: number; height: number },
): boolean {
  const orientation = look?.orientation ?? 'auto';
  if (orientation === 'auto') return false;
  const windowIsPortrait = window.height > window.width;
  return (orientation === 'portrait') !== windowIsPortrait;
}

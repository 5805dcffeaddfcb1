import type { ObsOverlayElement } from '../../shared/overlay';
import type { ObsBridge } from './bridge';

/** The scene the app owns. Everything it creates in OBS lives in it or is named with the prefix. */
export const OVERLAY_SCENE = 'Solidarity Overlays';
/** The app only ever touches inputs whose name starts with this. */
export const INPUT_PREFIX = 'Solidarity · ';

/** The elements live in src/shared/overlay, with the mapping both stream paths share. */
export { obsOverlayElements, type ObsOverlayElement } from '../../shared/overlay';

/** Where the overlay page for an element lives: `<overlayBaseUrl>/overlay/<slug>`. */
export const elementSlugs: Record<ObsOverlayElement, string> = {
  lyrics: 'lyrics',
  lowerThird: 'lower-third',
  qr: 'qr',
  drawing: 'drawing',
  nowPlaying: 'now-playing',
};

/** What an input shows when OBS has no browser source and the app feeds it directly. */
export type NativeRole =
  | 'lyrics-band'
  | 'lyrics-text'
  | 'lyrics-translation-text'
  | 'lower-third-band'
  | 'lower-third-accent'
  | 'lower-third-text'
  | 'lower-third-fact-text'
  | 'qr-image'
  | 'drawing-image'
  | 'drawing-credit-text'
  | 'now-playing-band'
  | 'now-playing-accent'
  | 'now-playing-text'
  | 'now-playing-artist-text';

export interface OverlayInput {
  name: string;
  element: ObsOverlayElement;
  role: NativeRole;
}

/**
 * Native mode's inputs, bottom of the scene first: each band (a colour source, like the overlay
 * page's dark band) is created before the text it sits behind, so OBS stacks it underneath.
 * OBS has no source that draws a box behind text with its lines centred, so every line of the
 * page is its own text source, placed over its band by the overlay sync (`overlay-panels.ts`).
 * The drawing has two (the image and its credit).
 */
export const nativeInputs: readonly OverlayInput[] = [
  { name: `${INPUT_PREFIX}Lyrics band`, element: 'lyrics', role: 'lyrics-band' },
  { name: `${INPUT_PREFIX}Lyrics`, element: 'lyrics', role: 'lyrics-text' },
  {
    name: `${INPUT_PREFIX}Lyrics translation`,
    element: 'lyrics',
    role: 'lyrics-translation-text',
  },
  { name: `${INPUT_PREFIX}Lower third band`, element: 'lowerThird', role: 'lower-third-band' },
  {
    name: `${INPUT_PREFIX}Lower third accent`,
    element: 'lowerThird',
    role: 'lower-third-accent',
  },
  { name: `${INPUT_PREFIX}Lower third`, element: 'lowerThird', role: 'lower-third-text' },
  {
    name: `${INPUT_PREFIX}Lower third fact`,
    element: 'lowerThird',
    role: 'lower-third-fact-text',
  },
  { name: `${INPUT_PREFIX}QR`, element: 'qr', role: 'qr-image' },
  { name: `${INPUT_PREFIX}Drawing`, element: 'drawing', role: 'drawing-image' },
  { name: `${INPUT_PREFIX}Drawing credit`, element: 'drawing', role: 'drawing-credit-text' },
  { name: `${INPUT_PREFIX}Now playing band`, element: 'nowPlaying', role: 'now-playing-band' },
  {
    name: `${INPUT_PREFIX}Now playing accent`,
    element: 'nowPlaying',
    role: 'now-playing-accent',
  },
  { name: `${INPUT_PREFIX}Now playing`, element: 'nowPlaying', role: 'now-playing-text' },
  {
    name: `${INPUT_PREFIX}Now playing artist`,
    element: 'nowPlaying',
    role: 'now-playing-artist-text',
  },
];

export const imageRoles: readonly NativeRole[] = ['qr-image', 'drawing-image'];
/** Colour sources: the bands behind the text and their accent stripes. */
export const colourRoles: readonly NativeRole[] = [
  'lyrics-band',
  'lower-third-band',
  'lower-third-accent',
  'now-playing-band',
  'now-playing-accent',
];

/** The input kinds that may hold a native role (the text kinds differ by platform). */
export function kindsForRole(role: NativeRole): readonly string[] {
  if (imageRoles.includes(role)) return [IMAGE_KIND];
  if (colourRoles.includes(role)) return [COLOUR_KIND];
  return TEXT_KINDS;
}

/** The native sources the app makes for an OBS: no image sources for OBS on another computer. */
export function nativeInputsFor(remote: boolean): readonly OverlayInput[] {
  return nativeInputs.filter((input) => !(remote && imageRoles.includes(input.role)));
}

/** Browser mode: one page per element, named like the native input of the same element. */
export const browserInputs: readonly { name: string; element: ObsOverlayElement }[] = [
  { name: `${INPUT_PREFIX}Lyrics`, element: 'lyrics' },
  { name: `${INPUT_PREFIX}Lower third`, element: 'lowerThird' },
  { name: `${INPUT_PREFIX}QR`, element: 'qr' },
  { name: `${INPUT_PREFIX}Drawing`, element: 'drawing' },
  { name: `${INPUT_PREFIX}Now playing`, element: 'nowPlaying' },
];

/** The kinds OBS builds ship for text, in the order we prefer them. */
export const TEXT_KINDS = ['text_gdiplus_v3', 'text_gdiplus_v2', 'text_ft2_source_v2'] as const;
export const BROWSER_KIND = 'browser_source';
export const IMAGE_KIND = 'image_source';
export const COLOUR_KIND = 'color_source_v3';

/** What the overlay modules need from the bridge; a fake in unit tests provides just this. */
export type ObsCaller = Pick<ObsBridge, 'call'>;

/** `<base>/overlay/<slug>`, keeping the base's query (the overlay token travels there). */
export function overlayUrl(overlayBaseUrl: string, element: ObsOverlayElement): string {
  const url = new URL(overlayBaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/overlay/${elementSlugs[element]}`;
  return url.toString();
}

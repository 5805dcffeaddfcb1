import type { Pack } from '../../shared/content';
import { overlayElements, type OutputLanguages, type OverlayElement } from '../../shared/protocol';

/** Every overlay element shows until the operator hides it. */
export function defaultOverlays(): Record<OverlayElement, boolean> {
  return Object.fromEntries(overlayElements.map((element) => [element, true])) as Record<
    OverlayElement,
    boolean
  >;
}

/** Why `languages` cannot be an output's choice, or null. */
export function languagesRefusal(
  pack: Pick<Pack, 'languages'>,
  languages: string[],
): string | null {
  const unknown = languages.filter((language) => !pack.languages.includes(language));
  if (unknown.length === 0) return null;
  const names = unknown.map((l) => `"${l}"`).join(', ');
  return `${names} ${unknown.length === 1 ? 'is' : 'are'} not among the pack's languages (${pack.languages.join(', ')})`;
}

/**
 * The choice kept to the pack's languages, without repeats. A language the pack no longer has
 * (after an edit, or in a saved show) drops out rather than leaving a screen with no text.
 */
export function keptLanguages(
  pack: Pick<Pack, 'languages'>,
  languages: Partial<OutputLanguages> = {},
): OutputLanguages {
  const keep = (list: string[] = []) => [
    ...new Set(list.filter((language) => pack.languages.includes(language))),
  ];
  return { display: keep(languages.display), overlay: keep(languages.overlay) };
}

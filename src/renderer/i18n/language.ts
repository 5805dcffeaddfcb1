import type { Pack, SongItem } from '../../shared/content';
import type { ShowState } from '../../shared/protocol';

/** The languages this screen speaks: the pack's display list, else its default language. */
export function displayLanguages(pack: Pack): string[] {
  const listed = pack.display.languages ?? [];
  return listed.length > 0 ? [...listed] : [pack.defaultLanguage];
}

/**
 * The language of the slide on air. Cycling derives it from the core's transition counter,
 * so every screen in the room shows the same language at the same moment, and a restarted
 * display picks up where the others are.
 *
 * Who decides, strongest first: `pinned` (a `?lang=` on the display link, when the pack is
 * written in it), so a venue with two screens can give each its own language; then the
 * operator's choice for venue screens (`outputLanguages.display`), which cycles when it names
 * more than one, as choosing two languages for one screen can mean nothing else; then the
 * pack's `display` settings.
 */
export function languageForSlide(
  pack: Pack,
  show: (Pick<ShowState, 'sequence'> & Partial<Pick<ShowState, 'outputLanguages'>>) | null,
  pinned?: string | null,
): string {
  if (pinned && (pack.languages.includes(pinned) || displayLanguages(pack).includes(pinned))) {
    return pinned;
  }
  const chosen = show?.outputLanguages?.display ?? [];
  const languages = chosen.length > 0 ? chosen : displayLanguages(pack);
  const cycle = chosen.length > 0 || pack.display.cycleLanguages;
  if (cycle && show && languages.length > 1) {
    return languages[show.sequence % languages.length] as string;
  }
  return languages[0] as string;
}

/** `?lang=fr` on the page's link, or null. */
export function pinnedLanguage(search: string): string | null {
  const value = new URLSearchParams(search).get('lang');
  return value && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(value) ? value : null;
}

/**
 * Which languages a stanza shows: always the original (what the room sings), and as the
 * translation the slide's language; when the slide speaks the original, another language
 * the screen speaks, so a cycling display still helps people follow.
 */
export function lyricLanguages(
  song: SongItem,
  lines: readonly Record<string, string>[],
  slideLanguage: string,
  pack: Pack,
): { original: string; translation: string | null } {
  const original = song.language ?? Object.keys(lines[0] ?? {})[0] ?? slideLanguage;
  const has = (language: string) => lines.some((line) => line[language] !== undefined);
  const candidates = [slideLanguage, ...displayLanguages(pack)];
  const translation = candidates.find((language) => language !== original && has(language));
  return { original, translation: translation ?? null };
}

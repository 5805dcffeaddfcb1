import type {
  ContentSnapshot,
  LoadedItem,
  LocalizedText,
  Pack,
  SongItem,
} from '../../../shared/content';
import { lyricPositions } from '../../../shared/lyrics';
import type { ShowState } from '../../../shared/protocol';
import { tagLink } from '../../../shared/time';
import { displayLanguages } from '../../i18n/language';
import { mediaUrl, typeset } from '../../slides/context';
import { printedUrl } from '../../slides/url-text';

/*
 * What the stream shows, from what is on air. Pure.
 *
 * It makes the same decisions as `overlayStateFor` in src/main/obs/overlay-state.ts, which feeds
 * OBS's native text and image sources, so a stream looks the same whether OBS has a browser
 * source or not. That function cannot be imported here (the renderer may not import
 * src/main, and it resolves drawings with node:path); once it moves to src/shared/overlay this
 * file should use it. Where they differ on purpose (see the report of the overlay issue): the
 * languages when the stream's list is empty (the pack's display languages, as the operator
 * console says), only the translation when the stream's list leaves the sung language out,
 * the case's one-line fact, the drawing's credit, and lyrics of a sensitive song in safe mode.
 */

/** A piece of text and the language it is actually in (for `lang`, and so fonts shape it). */
export interface OverlayText {
  text: string;
  lang: string;
}

export interface LowerThirdContent {
  itemId: string;
  kind: 'case' | 'action';
  title: OverlayText;
  /** One fact: a case's charge (its status once released), an action's call to action. */
  fact: OverlayText | null;
  /** The QR code's target and the address printed for people who cannot scan. */
  qr: { url: string; printed: string } | null;
}

export interface LyricsContent {
  songId: string;
  line: number;
  /** The big line: what is sung, or only its translation when the stream leaves the sung language out. */
  main: OverlayText;
  /** The translation under it, if the stream speaks one and the line has it. */
  sub: OverlayText | null;
}

export interface DrawingContent {
  itemId: string;
  src: string;
  alt: string;
  title: OverlayText | null;
  /** Artist, place, year. */
  credit: OverlayText | null;
}

export interface NowPlayingContent {
  itemId: string;
  title: OverlayText;
  artist: OverlayText | null;
}

/** Each element's content, or null when it is hidden: no content, its toggle off, blackout, safe mode. */
export interface OverlayContent {
  /** The stream's main language. */
  language: string;
  lowerThird: LowerThirdContent | null;
  lyrics: LyricsContent | null;
  drawing: DrawingContent | null;
  nowPlaying: NowPlayingContent | null;
}

/**
 * The stream's languages: the operator's choice for the overlay output, else the pack's display
 * languages. `chosen` tells the two apart: only a choice can leave out the sung language.
 */
export function streamLanguages(
  pack: Pack,
  show: Pick<ShowState, 'outputLanguages'>,
): { languages: string[]; chosen: boolean } {
  const chosen = show.outputLanguages.overlay;
  return chosen.length > 0
    ? { languages: [...chosen], chosen: true }
    : { languages: displayLanguages(pack), chosen: false };
}

/** `value` in `language`, else the pack's default, else any, with the language it came in. */
export function pickOverlayText(
  value: LocalizedText | undefined,
  language: string,
  fallback: string,
): OverlayText | null {
  if (value === undefined) return null;
  if (typeof value === 'string') return { text: typeset(value), lang: language };
  const lang = [language, fallback, ...Object.keys(value)].find((l) => value[l] !== undefined);
  const text = lang ? value[lang] : undefined;
  return lang && text ? { text: typeset(text), lang } : null;
}

/**
 * The lyrics subtitle for one line. The sung original (what the audience hears) with, under
 * it, the first stream language that translates it. When the operator's list for the stream
 * leaves the sung language out ("only the translation on the stream"), the translation alone;
 * a line without that translation keeps its original rather than a blank subtitle.
 */
export function lyricSubtitle(
  song: Pick<SongItem, 'language'>,
  line: Readonly<Record<string, string>>,
  languages: readonly string[],
  chosen: boolean,
): { main: OverlayText; sub: OverlayText | null } | null {
  const has = (language: string) => (line[language] ?? '').trim() !== '';
  const sungLanguage = [song.language, ...Object.keys(line)].find(
    (language): language is string => language !== undefined && has(language),
  );
  if (!sungLanguage) return null;
  const sung = { text: typeset(line[sungLanguage] as string), lang: sungLanguage };
  const translationLanguage = languages.find(
    (language) => language !== sungLanguage && has(language),
  );
  const translation = translationLanguage
    ? { text: typeset(line[translationLanguage] as string), lang: translationLanguage }
    : null;
  if (chosen && !languages.includes(sungLanguage) && translation) {
    return { main: translation, sub: null };
  }
  return { main: sung, sub: translation && translation.text !== sung.text ? translation : null };
}

export function overlayContent(
  snapshot: ContentSnapshot | null,
  show: ShowState | null,
): OverlayContent {
  const nothing: OverlayContent = {
    language: snapshot?.pack.defaultLanguage ?? 'en',
    lowerThird: null,
    lyrics: null,
    drawing: null,
    nowPlaying: null,
  };
  if (!snapshot || !show) return nothing;
  const { pack } = snapshot;
  const { languages, chosen } = streamLanguages(pack, show);
  const language = languages[0] ?? pack.defaultLanguage;
  const content: OverlayContent = { ...nothing, language };
  // Blackout cuts everything, and only after that is anything looked up.
  if (show.blackout) return content;

  const text = (value: LocalizedText | undefined) =>
    pickOverlayText(value, language, pack.defaultLanguage);
  const byId = (id: string | null | undefined): LoadedItem | undefined =>
    id ? snapshot.items.find((candidate) => candidate.id === id) : undefined;
  // Safe mode protects people at a rally: nothing from a sensitive item, whatever the element.
  const hidden = (item: LoadedItem) => show.safeMode && item.sensitive;
  // A toggle the core never sent counts as on, as for the OBS sources.
  const on = (toggle: keyof ShowState['overlays']) => show.overlays[toggle] !== false;

  const song = byId(show.lyrics?.songId);
  if (show.lyrics && song?.kind === 'song' && !hidden(song) && on('lyrics')) {
    const position = lyricPositions(song)[show.lyrics.line];
    const line = position ? song.sections[position.section]?.lines[position.line] : undefined;
    const subtitle = line ? lyricSubtitle(song, line, languages, chosen) : null;
    if (subtitle) content.lyrics = { songId: song.id, line: show.lyrics.line, ...subtitle };
  }

  const item = byId(show.itemId);
  if (!item || hidden(item)) return content;
  switch (item.kind) {
    case 'case': {
      const title = text(item.name);
      if (!title || !on('lowerThird')) break;
      const link = item.links[0];
      content.lowerThird = {
        itemId: item.id,
        kind: 'case',
        title,
        fact: text(item.released ? item.status : item.charge),
        qr: link ? { url: link.url, printed: printedUrl(link.url) } : null,
      };
      break;
    }
    case 'action': {
      const title = text(item.title);
      if (!title || !on('lowerThird')) break;
      content.lowerThird = {
        itemId: item.id,
        kind: 'action',
        title,
        fact: text(item.callToAction),
        qr: {
          url: item.tagLink ? tagLink(item.url, pack.campaignTag) : item.url,
          printed: printedUrl(item.url, item.shortUrl),
        },
      };
      break;
    }
    case 'drawing': {
      // Without the artist's consent a drawing is never shown, whatever the playlist says.
      if (!item.consent || !on('drawing')) break;
      const title = text(item.title);
      const artist = text(item.artist);
      const parts = [artist?.text, text(item.place)?.text, item.made?.toString()].filter(Boolean);
      content.drawing = {
        itemId: item.id,
        src: mediaUrl(item.image),
        alt: text(item.alt)?.text ?? title?.text ?? '',
        title,
        credit:
          parts.length > 0 ? { text: parts.join(', '), lang: artist?.lang ?? language } : null,
      };
      break;
    }
    case 'song': {
      const title = text(item.title);
      if (!title || !on('nowPlaying')) break;
      content.nowPlaying = { itemId: item.id, title, artist: text(item.artist) };
      break;
    }
    default:
      break;
  }
  return content;
}

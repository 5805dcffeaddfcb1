import type { ContentSnapshot, LoadedItem, LocalizedText, Pack, SongItem } from '../content';
import { releasedOn } from '../content/case-record';
import { lyricPositions } from '../lyrics';
import type { ShowState } from '../protocol';
import { effectiveCampaignTag, tagLink } from '../time';

/*
 * What the stream shows, from what is on air. Pure, and shared by both stream paths: the
 * overlay view (an OBS browser source) renders it, and the core turns it into OBS's native
 * text and image sources (`overlayStateFor`), so a stream looks the same either way.
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
  /** What `OverlayContentOptions.image` made of the drawing's path: a URL or a file. */
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

/** What differs between the two stream paths; everything else is decided here. */
export interface OverlayContentOptions {
  /**
   * A drawing's image path in the pack, as the path's user can open it: a `/media/` URL for
   * the overlay page, an absolute file for OBS.
   */
  image: (packPath: string) => string;
  /** The address printed under a QR code; the URL itself by default. */
  printed?: (url: string, shortUrl?: string) => string;
  /** Typographic fixes for text set in a browser (no-break spaces); none by default. */
  typeset?: (text: string) => string;
}

/** The pack's languages for screens: its display list, else its default language. */
export function packDisplayLanguages(pack: Pack): string[] {
  const listed = pack.display.languages ?? [];
  return listed.length > 0 ? [...listed] : [pack.defaultLanguage];
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
    : { languages: packDisplayLanguages(pack), chosen: false };
}

const asIs = (text: string) => text;

/** `value` in `language`, else the pack's default, else any, with the language it came in. */
export function pickOverlayText(
  value: LocalizedText | undefined,
  language: string,
  fallback: string,
  typeset: (text: string) => string = asIs,
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
  typeset: (text: string) => string = asIs,
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
  options: OverlayContentOptions,
): OverlayContent {
  const typeset = options.typeset ?? asIs;
  const printed = options.printed ?? ((url: string) => url);
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
    pickOverlayText(value, language, pack.defaultLanguage, typeset);
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
    const subtitle = line ? lyricSubtitle(song, line, languages, chosen, typeset) : null;
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
        fact: text(releasedOn(item) ? item.status : item.charge),
        qr: link ? { url: link.url, printed: printed(link.url) } : null,
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
          // The tag of the moment the slide went on air: the same on every screen.
          url: item.tagLink
            ? tagLink(
                item.url,
                effectiveCampaignTag({
                  pack,
                  items: snapshot.items,
                  playlistId: show.playlistId,
                  nowMs: show.startedAt,
                }),
              )
            : item.url,
          printed: printed(item.url, item.shortUrl),
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
        src: options.image(item.image),
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

import path from 'node:path';
import type { ContentSnapshot, LoadedItem } from '../../shared/content';
import { pickText } from '../../shared/content';
import { lyricPositions } from '../../shared/lyrics';
import type { ShowState } from '../../shared/protocol';
import { tagLink } from '../../shared/time';
import { obsOverlayElements, type ObsOverlayElement } from './overlay-elements';

/** What the stream's overlays show. The OBS side is a function of this and nothing else. */
export interface OverlayState {
  enabled: Record<ObsOverlayElement, boolean>;
  lyrics: { line: string; translation: string };
  lowerThird: { title: string; text: string };
  /** The QR code's target; null shows no code. */
  qr: { url: string | null };
  /** `file` is an absolute path OBS can read; null shows no drawing. */
  drawing: { file: string | null; credit: string };
  nowPlaying: { title: string; artist: string };
}

export function emptyOverlayState(): OverlayState {
  return {
    enabled: { lyrics: false, lowerThird: false, qr: false, drawing: false, nowPlaying: false },
    lyrics: { line: '', translation: '' },
    lowerThird: { title: '', text: '' },
    qr: { url: null },
    drawing: { file: null, credit: '' },
    nowPlaying: { title: '', artist: '' },
  };
}

/** A lyric line as OBS shows it: the sung line and, under it, its translation. */
export interface LyricsText {
  line: string;
  translation?: string;
}

export interface OverlayInputs {
  /** The pack folder, to turn a drawing's media path into a file OBS can open. */
  contentDir: string;
  /**
   * Overrides the line taken from `show.lyrics` (the live cursor); null shows no lyrics.
   * Left out, the cursor decides.
   */
  lyrics?: LyricsText | null;
  /** Elements hidden on top of the show's own toggles (`show.overlays`). */
  hidden?: readonly ObsOverlayElement[];
}

/**
 * Maps what is on air to what the overlays show. Pure.
 *
 * Languages: `languages` if given, else the stream's choice (`show.outputLanguages.overlay`),
 * else the pack's default; the first is the one the overlays speak.
 *
 * - case: lower third with the name and "charge · status", QR to its first link
 * - action: lower third with the title and the call to action, QR to its link
 * - drawing (with consent only): the image and its credit
 * - song: now playing with title and artist
 * - lyrics: the cursor's line in the song's language, and its translation in the first
 *   stream language that differs
 * - blackout hides everything; safe mode hides a sensitive item, as the display does
 * - the operator's toggles hide elements (the QR goes with the lower third)
 */
export function overlayStateFor(
  snapshot: ContentSnapshot,
  show: ShowState,
  languages: readonly string[],
  inputs: OverlayInputs,
): OverlayState {
  const state = emptyOverlayState();
  if (show.blackout) return state;
  const pack = snapshot.pack;
  const streamLanguages =
    languages.length > 0
      ? languages
      : show.outputLanguages.overlay.length > 0
        ? show.outputLanguages.overlay
        : [pack.defaultLanguage];
  const language = streamLanguages[0] ?? pack.defaultLanguage;
  const text = (value: Parameters<typeof pickText>[0]) =>
    pickText(value, language, pack.defaultLanguage) ?? '';
  const byId = (id: string | null | undefined): LoadedItem | undefined =>
    id ? snapshot.items.find((candidate) => candidate.id === id) : undefined;

  const lyrics =
    inputs.lyrics !== undefined
      ? inputs.lyrics
      : cursorLine(byId(show.lyrics?.songId), show, streamLanguages);
  if (lyrics && lyrics.line.trim() !== '') {
    state.lyrics = { line: lyrics.line, translation: lyrics.translation ?? '' };
    state.enabled.lyrics = true;
  }

  const item = byId(show.itemId);
  if (item && !(show.safeMode && item.sensitive)) {
    switch (item.kind) {
      case 'case': {
        state.lowerThird = {
          title: text(item.name),
          text: [text(item.charge), text(item.status)].filter(Boolean).join(' · '),
        };
        state.enabled.lowerThird = true;
        const link = item.links[0];
        if (link) {
          state.qr = { url: link.url };
          state.enabled.qr = true;
        }
        break;
      }
      case 'action': {
        state.lowerThird = { title: text(item.title), text: text(item.callToAction) };
        state.enabled.lowerThird = true;
        state.qr = { url: item.tagLink ? tagLink(item.url, pack.campaignTag) : item.url };
        state.enabled.qr = true;
        break;
      }
      case 'drawing': {
        // Without the artist's consent a drawing is never shown, whatever the playlist says.
        if (!item.consent) break;
        const title = item.title ? text(item.title) : '';
        const by = text(item.artist);
        state.drawing = {
          file: path.resolve(inputs.contentDir, item.image),
          credit: [title, by ? `by ${by}` : '', item.licence].filter(Boolean).join(' · '),
        };
        state.enabled.drawing = true;
        break;
      }
      case 'song': {
        state.nowPlaying = { title: text(item.title), artist: text(item.artist) };
        state.enabled.nowPlaying = true;
        break;
      }
      default:
        break;
    }
  }

  const toggles = show.overlays as Partial<Record<string, boolean>>;
  for (const element of obsOverlayElements) {
    const toggle = element === 'qr' ? toggles.lowerThird : toggles[element];
    if (toggle === false) state.enabled[element] = false;
  }
  for (const element of inputs.hidden ?? []) state.enabled[element] = false;
  return state;
}

/** The cursor's line: the original in the song's language, and a translation if there is one. */
function cursorLine(
  song: LoadedItem | undefined,
  show: ShowState,
  languages: readonly string[],
): LyricsText | null {
  if (!show.lyrics || song?.kind !== 'song') return null;
  const position = lyricPositions(song)[show.lyrics.line];
  if (!position) return null;
  const line = song.sections[position.section]?.lines[position.line];
  if (!line) return null;
  const sung = song.language ?? Object.keys(line)[0];
  const original = (sung ? line[sung] : undefined) ?? Object.values(line)[0] ?? '';
  const other = languages.find((language) => language !== sung && line[language]);
  return { line: original, translation: other ? line[other] : '' };
}

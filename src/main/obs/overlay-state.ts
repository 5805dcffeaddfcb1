import path from 'node:path';
import type { ContentSnapshot, LoadedItem, Pack } from '../../shared/content';
import { pickText } from '../../shared/content';
import type { ShowState } from '../../shared/protocol';
import type { OverlayElement } from './overlay-elements';

/** What the stream's overlays show. The OBS side is a function of this and nothing else. */
export interface OverlayState {
  enabled: Record<OverlayElement, boolean>;
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

/**
 * The lyric line on air, as the live cursor (a later issue: the operator console) will give
 * it. Null or omitted: no lyrics on the stream.
 */
export interface LyricsCursorText {
  line: string;
  translation?: string;
}

export interface OverlayInputs {
  /** The pack folder, to turn a drawing's media path into a file OBS can open. */
  contentDir: string;
  lyrics?: LyricsCursorText | null;
  /** Elements the operator switched off by hand; they stay off whatever is on air. */
  hidden?: readonly OverlayElement[];
}

/**
 * Maps what is on air to what the overlays show. Pure. The first of `languages` is the
 * stream's language (falling back to the pack's default).
 *
 * - case: lower third with the name and "charge · status", QR to its first link
 * - action: lower third with the title and the call to action, QR to its link
 * - drawing (with consent only): the image and its credit
 * - song: now playing with title and artist
 * - blackout hides everything; safe mode hides a sensitive item, as the display does
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
  const language = languages[0] ?? pack.defaultLanguage;
  const text = (value: Parameters<typeof pickText>[0]) =>
    pickText(value, language, pack.defaultLanguage) ?? '';

  const lyrics = inputs.lyrics;
  if (lyrics && lyrics.line.trim() !== '') {
    state.lyrics = { line: lyrics.line, translation: lyrics.translation ?? '' };
    state.enabled.lyrics = true;
  }

  const item: LoadedItem | undefined = show.itemId
    ? snapshot.items.find((candidate) => candidate.id === show.itemId)
    : undefined;
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

  for (const element of inputs.hidden ?? []) state.enabled[element] = false;
  return state;
}

/**
 * The pack's campaign tag on a link (utm_* parameters); parameters the author wrote win.
 * The same rule as the display's (src/renderer/slides/links.ts), which the core cannot
 * import; both belong in src/shared once its owner moves them.
 */
export function tagLink(url: string, tag: Pack['campaignTag']): string {
  if (!tag) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const params: [string, string | undefined][] = [
    ['utm_source', tag.source],
    ['utm_medium', tag.medium],
    ['utm_campaign', tag.campaign],
  ];
  for (const [key, value] of params) {
    if (value && !parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  }
  return parsed.toString();
}

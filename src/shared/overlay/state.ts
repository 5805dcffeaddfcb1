import type { ContentSnapshot } from '../content';
import type { ShowState } from '../protocol';
import { overlayContent, type OverlayContent, type OverlayContentOptions } from './content';

/**
 * What OBS shows, one or two sources each. The show's own toggles (`ShowState.overlays`) have
 * no separate QR: there the QR code goes with the lower third it belongs to.
 */
export type ObsOverlayElement = 'lyrics' | 'lowerThird' | 'qr' | 'drawing' | 'nowPlaying';
export const obsOverlayElements: readonly ObsOverlayElement[] = [
  'lyrics',
  'lowerThird',
  'qr',
  'drawing',
  'nowPlaying',
];

/** What the stream's overlays show as OBS's own sources. OBS is a function of this alone. */
export interface OverlayState {
  enabled: Record<ObsOverlayElement, boolean>;
  lyrics: { line: string; translation: string };
  lowerThird: { title: string; text: string };
  /** The QR code's target; null shows no code. */
  qr: { url: string | null };
  /** `file` is what OBS opens (an absolute path); null shows no drawing. */
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

/** A lyric line as OBS shows it: the big line and, under it, its translation. */
export interface LyricsText {
  line: string;
  translation?: string;
}

export interface OverlayStateInputs {
  /** A drawing's pack path as a file OBS can open. */
  image: (packPath: string) => string;
  /**
   * Overrides the line taken from `show.lyrics` (the live cursor); null shows no lyrics.
   * Left out, the cursor decides.
   */
  lyrics?: LyricsText | null;
  /** Elements hidden on top of the show's own toggles (`show.overlays`). */
  hidden?: readonly ObsOverlayElement[];
}

/** The overlay page's content as OBS's native sources show it. */
export function overlayStateFromContent(content: OverlayContent): OverlayState {
  const state = emptyOverlayState();
  if (content.lyrics) {
    state.lyrics = { line: content.lyrics.main.text, translation: content.lyrics.sub?.text ?? '' };
    state.enabled.lyrics = content.lyrics.main.text.trim() !== '';
  }
  const lowerThird = content.lowerThird;
  if (lowerThird) {
    state.lowerThird = { title: lowerThird.title.text, text: lowerThird.fact?.text ?? '' };
    state.enabled.lowerThird = true;
    if (lowerThird.qr) {
      state.qr = { url: lowerThird.qr.url };
      state.enabled.qr = true;
    }
  }
  const drawing = content.drawing;
  if (drawing) {
    // One text source under the image: the title, and the credit line the page shows.
    const credit = [drawing.title?.text, drawing.credit?.text].filter(Boolean).join('\n');
    state.drawing = { file: drawing.src, credit };
    state.enabled.drawing = true;
  }
  if (content.nowPlaying) {
    state.nowPlaying = {
      title: content.nowPlaying.title.text,
      artist: content.nowPlaying.artist?.text ?? '',
    };
    state.enabled.nowPlaying = true;
  }
  return state;
}

/**
 * Maps what is on air to OBS's native sources, with the overlay page's rules (`overlayContent`):
 * the stream's languages (the operator's choice, else the pack's display languages; `languages`
 * given here override both), only the translation when the choice leaves the sung language out,
 * a case's one fact (its charge, its status once released), a drawing's "artist, place, year",
 * blackout, safe mode (nothing from a sensitive item, its lyrics included) and the operator's
 * toggles (the QR goes with the lower third). Pure.
 */
export function overlayStateFor(
  snapshot: ContentSnapshot,
  show: ShowState,
  languages: readonly string[],
  inputs: OverlayStateInputs,
): OverlayState {
  const effective: ShowState =
    languages.length > 0
      ? { ...show, outputLanguages: { ...show.outputLanguages, overlay: [...languages] } }
      : show;
  const options: OverlayContentOptions = { image: inputs.image };
  const state = overlayStateFromContent(overlayContent(snapshot, effective, options));
  if (inputs.lyrics !== undefined && !show.blackout && show.overlays.lyrics !== false) {
    const override = inputs.lyrics;
    state.lyrics = { line: override?.line ?? '', translation: override?.translation ?? '' };
    state.enabled.lyrics = Boolean(override && override.line.trim() !== '');
  }
  for (const element of inputs.hidden ?? []) state.enabled[element] = false;
  return state;
}

import type { ContentSnapshot, LocalizedText, Pack, SongItem } from '../../../shared/content';
import {
  overlayContent as sharedOverlayContent,
  lyricSubtitle as sharedLyricSubtitle,
  pickOverlayText as sharedPickOverlayText,
  streamLanguages as sharedStreamLanguages,
  type OverlayContent,
  type OverlayText,
} from '../../../shared/overlay';
import type { ShowState } from '../../../shared/protocol';
import { mediaUrl, typeset } from '../../slides/context';
import { printedUrl } from '../../slides/url-text';

/*
 * What the stream shows, from what is on air. The decisions live in src/shared/overlay, which
 * the core also uses for OBS's native text and image sources (`overlayStateFor`), so a stream
 * looks the same whether OBS has a browser source or not. Here only what a browser needs:
 * drawings as `/media/` URLs, printed addresses under the QR and typographic no-break spaces.
 */

export type {
  DrawingContent,
  LowerThirdContent,
  LyricsContent,
  NowPlayingContent,
  OverlayContent,
  OverlayText,
} from '../../../shared/overlay';

export function streamLanguages(
  pack: Pack,
  show: Pick<ShowState, 'outputLanguages'>,
): { languages: string[]; chosen: boolean } {
  return sharedStreamLanguages(pack, show);
}

/** `value` in `language`, else the pack's default, else any, with the language it came in. */
export function pickOverlayText(
  value: LocalizedText | undefined,
  language: string,
  fallback: string,
): OverlayText | null {
  return sharedPickOverlayText(value, language, fallback, typeset);
}

export function lyricSubtitle(
  song: Pick<SongItem, 'language'>,
  line: Readonly<Record<string, string>>,
  languages: readonly string[],
  chosen: boolean,
): { main: OverlayText; sub: OverlayText | null } | null {
  return sharedLyricSubtitle(song, line, languages, chosen, typeset);
}

export function overlayContent(
  snapshot: ContentSnapshot | null,
  show: ShowState | null,
): OverlayContent {
  return sharedOverlayContent(snapshot, show, { image: mediaUrl, printed: printedUrl, typeset });
}

import type { VideoItem } from '../content';
import { cuesAt, type SubtitleCue } from '../subtitles';

/*
 * A video's subtitles on the stream, shown in the overlay's lyrics sources the way a song's
 * lines are: the original (what is spoken) as the big line and the stream's language under it,
 * or only the translation when the stream leaves the spoken language out. Pure.
 */

/** Which subtitle file goes in which line; null: nothing for that line. */
export interface VideoSubtitleChoice {
  main: string | null;
  sub: string | null;
}

/**
 * The subtitle languages for a stream speaking `stream.languages` (its main language first;
 * `chosen` when the operator chose them, as `streamLanguages` says: only a choice can leave the
 * spoken language out). A language with no subtitle file is passed over, never guessed.
 */
export function videoSubtitleLanguages(
  video: Pick<VideoItem, 'language' | 'subtitles'>,
  stream: { languages: readonly string[]; chosen: boolean },
): VideoSubtitleChoice {
  const streamLanguages = stream.languages;
  const files = video.subtitles ?? {};
  const has = (lang: string) => Object.prototype.hasOwnProperty.call(files, lang);
  const spoken = video.language && has(video.language) ? video.language : null;
  const streamWantsSpoken = spoken !== null && (!stream.chosen || streamLanguages.includes(spoken));
  const translation = streamLanguages.find((lang) => lang !== spoken && has(lang)) ?? null;
  if (streamWantsSpoken) return { main: spoken, sub: translation };
  if (translation) return { main: translation, sub: null };
  // A stream in none of the subtitles' languages: the original is better than silence.
  return { main: spoken, sub: null };
}

export interface VideoSubtitleTracks {
  main: readonly SubtitleCue[];
  sub: readonly SubtitleCue[];
}

/** What the lyrics sources show at `cursorMs` of the video: empty strings between cues. */
export function subtitleTextAt(
  tracks: VideoSubtitleTracks,
  cursorMs: number,
): { line: string; translation: string } {
  const text = (cues: readonly SubtitleCue[]) =>
    cuesAt(cues, cursorMs)
      .flatMap((cue) => cue.lines)
      .join('\n');
  const line = text(tracks.main);
  const translation = text(tracks.sub);
  // A translation alone moves up: the big line is never empty while something is said.
  return line === '' ? { line: translation, translation: '' } : { line, translation };
}

/**
 * The first moment after `cursorMs` at which `subtitleTextAt` may change (a cue starts or
 * ends, in either track), or null when nothing changes any more. The stream flips its text at
 * this moment instead of at the next read of the cursor, which may come a read's interval late.
 */
export function nextSubtitleChangeMs(tracks: VideoSubtitleTracks, cursorMs: number): number | null {
  let next: number | null = null;
  for (const cue of [...tracks.main, ...tracks.sub]) {
    for (const edge of [cue.startMs, cue.endMs]) {
      if (edge > cursorMs && (next === null || edge < next)) next = edge;
    }
  }
  return next;
}

import { useEffect, useState } from 'react';
import { parseSubtitles, subtitleFormatOf, type SubtitleCue } from '../../shared/subtitles';
import { mediaUrl } from './context';

const NO_CUES: readonly SubtitleCue[] = [];

/**
 * A pack subtitle file's cues (WebVTT or SubRip), fetched and read by the shared parser: the
 * screens and the stream read the same file the same way. A file that cannot be fetched or
 * read gives no cues (the video plays on without them) and is logged by name.
 */
export function useSubtitleCues(packPath: string | null): readonly SubtitleCue[] {
  const [cues, setCues] = useState<{ path: string; cues: readonly SubtitleCue[] } | null>(null);
  useEffect(() => {
    if (!packPath) return;
    const format = subtitleFormatOf(packPath);
    if (!format) {
      console.warn(`subtitles ${packPath}: not a .vtt or .srt file`);
      return;
    }
    let live = true;
    fetch(mediaUrl(packPath, null))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .then((text) => {
        const parsed = parseSubtitles(text, format);
        for (const problem of parsed.problems) {
          console.warn(`subtitles ${packPath}: line ${problem.line}: ${problem.code}`);
        }
        if (live) setCues({ path: packPath, cues: parsed.cues });
      })
      .catch((error: unknown) => console.warn(`subtitles ${packPath}: ${String(error)}`));
    return () => {
      live = false;
    };
  }, [packPath]);
  return cues && cues.path === packPath ? cues.cues : NO_CUES;
}

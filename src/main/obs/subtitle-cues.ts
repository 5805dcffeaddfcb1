import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { coreText } from '../../shared/protocol';
import { parseSubtitles, subtitleFormatOf, type SubtitleCue } from '../../shared/subtitles';

/** A subtitle file's cues; an unreadable one is logged by name and leaves its line empty. */
export async function readSubtitleCues(
  contentDir: string,
  packPath: string | undefined,
  log: (message: string) => void,
): Promise<SubtitleCue[]> {
  if (!packPath) return [];
  const format = subtitleFormatOf(packPath);
  const root = path.resolve(contentDir);
  const file = path.resolve(root, packPath);
  try {
    // Pack paths are checked on load; this keeps a bad one from reading outside the pack.
    if (!format || !file.startsWith(root + path.sep)) throw new Error('not a subtitle file');
    const parsed = parseSubtitles(await readFile(file, 'utf8'), format);
    for (const problem of parsed.problems) {
      log(`obs: ${packPath}: ${JSON.stringify(problem)}`);
    }
    return parsed.cues;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    log(`obs: ${coreText('obsVideo.subtitles', { file: packPath, detail }).message}`);
    return [];
  }
}

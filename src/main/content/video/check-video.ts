import type { VideoFacts } from '../../../shared/content/video-facts';
import type { ProblemKey } from '../../../shared/i18n';
import { problem, type LocalizedText } from '../../../shared/protocol/localized-text';
import { withByteReader } from './byte-reader';
import { sniffVideo } from './sniff-video';

export type VideoCheck = { ok: true; facts: VideoFacts } | { ok: false; error: LocalizedText };

const EXTENSIONS: Record<string, VideoFacts['container']> = { '.mp4': 'mp4', '.webm': 'webm' };

/**
 * Checks that `file` is a video the screens can play (MP4 with H.264 + AAC, WebM with VP9 +
 * Opus) and that its name says which, since the server's Content-Type follows the name.
 * `shown` is the pack-relative path the author wrote; messages name it.
 */
export async function checkVideo(file: string, shown: string): Promise<VideoCheck> {
  const ext = /\.[^./\\]+$/.exec(shown)?.[0]?.toLowerCase() ?? '';
  const claimed = EXTENSIONS[ext];
  if (!claimed)
    return { ok: false, error: problem('video.extension', { path: shown, ext: ext || '—' }) };
  let result;
  try {
    result = await withByteReader(file, sniffVideo);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, error: problem('media.unreadableCode', { path: shown, code }) };
  }
  if (!result.ok) {
    const key = `video.${result.fault.key}` as ProblemKey;
    return { ok: false, error: problem(key, { path: shown, ...result.fault.params }) };
  }
  if (result.facts.container !== claimed) {
    return {
      ok: false,
      error: problem('video.wrongExtension', {
        path: shown,
        actual: result.facts.container,
        extension: `.${result.facts.container}`,
      }),
    };
  }
  return result;
}

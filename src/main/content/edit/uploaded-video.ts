import type { VideoFacts } from '../../../shared/content/video-facts';
import type { ProblemKey } from '../../../shared/i18n';
import { problem, type LocalizedText } from '../../../shared/protocol/localized-text';
import { withByteReader } from '../video/byte-reader';
import { sniffVideo } from '../video/sniff-video';
import type { StreamCheck } from './streamed-upload';

/**
 * Judges an uploaded video by its bytes, as the loader does (`check-video.ts`): MP4 with
 * H.264 + AAC or WebM with VP9 + Opus is kept, under the extension its container takes (the
 * name's extension counts for nothing); anything else is refused with the sniffer's reason,
 * naming the file as its sender called it.
 */
export async function checkUploadedVideo(
  temp: string,
  shownName: string,
): Promise<StreamCheck<VideoFacts, LocalizedText>> {
  const result = await withByteReader(temp, sniffVideo);
  if (!result.ok) {
    const key = `video.${result.fault.key}` as ProblemKey;
    return { keep: false, refusal: problem(key, { path: shownName, ...result.fault.params }) };
  }
  return { keep: true, extension: result.facts.container, facts: result.facts };
}

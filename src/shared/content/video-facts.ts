import { z } from 'zod';

/**
 * What a video file really is, read from its bytes by the loader (never from its name): the
 * container, the codecs inside it and its length. A file that is not one of the two supported
 * pairs (MP4 with H.264 + AAC, WebM with VP9 + Opus) is a content error, not a black screen.
 */
export const videoFactsSchema = z.strictObject({
  container: z.enum(['mp4', 'webm']),
  /** `h264` or `vp9`. */
  videoCodec: z.enum(['h264', 'vp9']),
  /** `aac` or `opus`; null for a silent video. */
  audioCodec: z.enum(['aac', 'opus']).nullable(),
  durationMs: z.number().nonnegative(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});
export type VideoFacts = z.infer<typeof videoFactsSchema>;

export { sniffVideo } from './sniff-video';
export { withByteReader, bufferReader, type ByteReader } from './byte-reader';
export type { SniffResult, VideoFault, NotVideoKind } from './sniff-result';
export { checkVideo, type VideoCheck } from './check-video';
export { checkSubtitles, MAX_SUBTITLE_BYTES, type SubtitleCheck } from './check-subtitles';
export { videoEntryProblems, type EntryProblem } from './entry-options';

import type { VideoFacts } from '../../../shared/content/video-facts';

/**
 * Why a file is not a video the screens can play, as a `problems:video.*` key and its
 * parameters (the loader adds the file's path).
 */
export type VideoFault =
  | { key: 'truncated'; params: { part: string } }
  | { key: 'noMovie'; params: Record<string, never> }
  | { key: 'noVideoTrack'; params: Record<string, never> }
  | { key: 'noDuration'; params: Record<string, never> }
  | { key: 'headerTooBig'; params: { part: string; size: number } }
  | { key: 'videoCodec'; params: { codec: string } }
  | { key: 'audioCodec'; params: { codec: string } }
  | { key: 'notVideo'; params: { what: NotVideoKind } }
  | { key: 'unknownBytes'; params: Record<string, never> };

/** What a file that is not MP4 or WebM looks like, for the message (`problems:videoType.*`). */
export type NotVideoKind =
  | 'avi'
  | 'matroska'
  | 'quicktime'
  | 'ogg'
  | 'mpegts'
  | 'flv'
  | 'mp3'
  | 'wav'
  | 'image'
  | 'text'
  | 'empty';

export type SniffResult = { ok: true; facts: VideoFacts } | { ok: false; fault: VideoFault };

export const fault = <K extends VideoFault['key']>(
  key: K,
  params: Extract<VideoFault, { key: K }>['params'],
): SniffResult => ({ ok: false, fault: { key, params } as VideoFault });

/** Codec names as people know them, for messages about the ones we refuse. */
export function codecName(code: string): string {
  const names: Record<string, string> = {
    hev1: 'HEVC (H.265)',
    hvc1: 'HEVC (H.265)',
    av01: 'AV1',
    vp08: 'VP8',
    vp09: 'VP9 in MP4',
    mp4v: 'MPEG-4 Part 2',
    encv: 'encrypted video',
    enca: 'encrypted audio',
    '.mp3': 'MP3',
    ac_3: 'AC-3',
    'ac-3': 'AC-3',
    'ec-3': 'E-AC-3',
    alac: 'ALAC',
    Opus: 'Opus in MP4',
    V_VP8: 'VP8',
    V_AV1: 'AV1',
    'V_MPEG4/ISO/AVC': 'H.264 in WebM',
    'V_MPEGH/ISO/HEVC': 'HEVC (H.265)',
    A_VORBIS: 'Vorbis',
    A_AAC: 'AAC in WebM',
    'A_MPEG/L3': 'MP3',
  };
  return names[code] ?? code;
}

import type { VideoFacts } from '../../../shared/content/video-facts';
import type { ByteReader } from './byte-reader';
import { children, readElementHeader, readFloat, readString, readUint, type Element } from './ebml';
import { codecName, fault, type SniffResult } from './sniff-result';

const ID = {
  ebml: 0x1a45dfa3,
  docType: 0x4282,
  segment: 0x18538067,
  info: 0x1549a966,
  timecodeScale: 0x2ad7b1,
  duration: 0x4489,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackType: 0x83,
  codecId: 0x86,
  video: 0xe0,
  pixelWidth: 0xb0,
  pixelHeight: 0xba,
  cluster: 0x1f43b675,
} as const;

const HEADER_BYTES = 4096;
// Info and Tracks are a few hundred bytes in any real file.
const MAX_SECTION_BYTES = 1024 * 1024;
const MAX_SEGMENT_CHILDREN = 1000;

interface TrackInfo {
  type: number;
  codec: string;
  width?: number;
  height?: number;
}

function readTracks(data: Buffer): TrackInfo[] {
  return children(data, 0, data.length)
    .filter((e) => e.id === ID.trackEntry)
    .map((entry) => {
      const fields = children(data, entry.start, entry.start + entry.size);
      const find = (id: number): Element | undefined => fields.find((f) => f.id === id);
      const typeField = find(ID.trackType);
      const codecField = find(ID.codecId);
      const track: TrackInfo = {
        type: typeField ? readUint(data, typeField) : 0,
        codec: codecField ? readString(data, codecField) : '',
      };
      const video = find(ID.video);
      if (video) {
        const pixels = children(data, video.start, video.start + video.size);
        const w = pixels.find((p) => p.id === ID.pixelWidth);
        const h = pixels.find((p) => p.id === ID.pixelHeight);
        if (w && h) Object.assign(track, { width: readUint(data, w), height: readUint(data, h) });
      }
      return track;
    });
}

function readDurationMs(data: Buffer): number | undefined {
  const fields = children(data, 0, data.length);
  const scaleField = fields.find((f) => f.id === ID.timecodeScale);
  const durationField = fields.find((f) => f.id === ID.duration);
  const scaleNs = scaleField ? readUint(data, scaleField) : 1_000_000;
  const duration = durationField ? readFloat(data, durationField) : undefined;
  if (duration === undefined || !Number.isFinite(duration) || duration < 0) return undefined;
  return Math.round((duration * scaleNs) / 1_000_000);
}

/** The EBML DocType (`webm`, `matroska`), or undefined when the header is not EBML. */
export function ebmlDocType(head: Buffer): { docType: string; end: number } | undefined {
  const header = readElementHeader(head, 0);
  if (header?.id !== ID.ebml || header.start + header.size > head.length) return undefined;
  const docType = children(head, header.start, header.start + header.size).find(
    (e) => e.id === ID.docType,
  );
  return { docType: docType ? readString(head, docType) : '', end: header.start + header.size };
}

/** A WebM file's facts: VP9 video, Opus or no sound, its length from Segment/Info. */
export async function sniffWebm(reader: ByteReader): Promise<SniffResult> {
  const head = await reader.read(0, HEADER_BYTES);
  const ebml = ebmlDocType(head);
  if (!ebml) return fault('truncated', { part: 'EBML' });
  if (ebml.docType !== 'webm') return fault('notVideo', { what: 'matroska' });
  const segmentHead = await reader.read(ebml.end, 12);
  const segment = readElementHeader(segmentHead, 0);
  if (segment?.id !== ID.segment) return fault('truncated', { part: 'Segment' });

  let info: Buffer | undefined;
  let tracks: Buffer | undefined;
  let at = ebml.end + segment.start;
  const segmentEnd = Math.min(reader.size, ebml.end + segment.start + segment.size);
  for (let n = 0; n < MAX_SEGMENT_CHILDREN && at < segmentEnd && !(info && tracks); n++) {
    const bytes = await reader.read(at, 12);
    const element = readElementHeader(bytes, 0);
    if (!element) return fault('truncated', { part: 'Segment' });
    if (element.id === ID.cluster || element.size === Infinity) break;
    if (element.id === ID.info || element.id === ID.tracks) {
      const part = element.id === ID.info ? 'Info' : 'Tracks';
      if (element.size > MAX_SECTION_BYTES)
        return fault('headerTooBig', { part, size: element.size });
      if (at + element.start + element.size > reader.size) return fault('truncated', { part });
      const content = await reader.read(at + element.start, element.size);
      if (element.id === ID.info) info = content;
      else tracks = content;
    }
    at += element.start + element.size;
  }
  if (!tracks)
    return at >= reader.size ? fault('truncated', { part: 'Tracks' }) : fault('noVideoTrack', {});
  const all = readTracks(tracks);
  const video = all.find((t) => t.type === 1);
  if (!video) return fault('noVideoTrack', {});
  if (video.codec !== 'V_VP9') return fault('videoCodec', { codec: codecName(video.codec) });
  const audio = all.find((t) => t.type === 2);
  if (audio && audio.codec !== 'A_OPUS')
    return fault('audioCodec', { codec: codecName(audio.codec) });
  const durationMs = info ? readDurationMs(info) : undefined;
  if (durationMs === undefined) return fault('noDuration', {});
  const facts: VideoFacts = {
    container: 'webm',
    videoCodec: 'vp9',
    audioCodec: audio ? 'opus' : null,
    durationMs,
  };
  if (video.width && video.height)
    Object.assign(facts, { width: video.width, height: video.height });
  return { ok: true, facts };
}

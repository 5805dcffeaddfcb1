import type { VideoFacts } from '../../../shared/content/video-facts';
import type { ByteReader } from './byte-reader';
import { codecName, fault, type SniffResult } from './sniff-result';

// A movie header of a two-hour film with a full sample table stays well under this; a larger
// one is a hostile or broken file, not a reason to read hundreds of megabytes.
const MAX_MOOV_BYTES = 32 * 1024 * 1024;
const MAX_TOP_LEVEL_BOXES = 10_000;

interface Box {
  type: string;
  /** Where the box's content starts and ends (within the buffer or the file). */
  start: number;
  end: number;
}

/** The boxes inside `data[from, to)`; stops at one that runs past `to` (reported by the caller). */
function childBoxes(data: Buffer, from: number, to: number): { boxes: Box[]; cut: boolean } {
  const boxes: Box[] = [];
  let at = from;
  while (at + 8 <= to) {
    let size = data.readUInt32BE(at);
    const type = data.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) return { boxes, cut: true };
      size = Number(data.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) return { boxes, cut: true };
    boxes.push({ type, start: at + header, end: at + size });
    at += size;
  }
  return { boxes, cut: false };
}

function child(data: Buffer, parent: Box, type: string): Box | undefined {
  return childBoxes(data, parent.start, parent.end).boxes.find((b) => b.type === type);
}

function path(data: Buffer, parent: Box, types: string[]): Box | undefined {
  let box: Box | undefined = parent;
  for (const type of types) {
    if (!box) return undefined;
    box = child(data, box, type);
  }
  return box;
}

interface Track {
  handler: string;
  sampleEntry: string;
  width?: number;
  height?: number;
}

function readTrack(data: Buffer, trak: Box): Track | undefined {
  const hdlr = path(data, trak, ['mdia', 'hdlr']);
  const stsd = path(data, trak, ['mdia', 'minf', 'stbl', 'stsd']);
  if (!hdlr || !stsd || hdlr.end - hdlr.start < 12 || stsd.end - stsd.start < 16) return undefined;
  const handler = data.toString('latin1', hdlr.start + 8, hdlr.start + 12);
  // stsd: version/flags (4), entry count (4), then the first sample entry box.
  const sampleEntry = data.toString('latin1', stsd.start + 12, stsd.start + 16);
  const track: Track = { handler, sampleEntry };
  const tkhd = child(data, trak, 'tkhd');
  if (tkhd && tkhd.end - tkhd.start >= 84) {
    // Width and height are the tkhd's last 8 bytes, 16.16 fixed point.
    const width = data.readUInt32BE(tkhd.end - 8) >>> 16;
    const height = data.readUInt32BE(tkhd.end - 4) >>> 16;
    if (width > 0 && height > 0) Object.assign(track, { width, height });
  }
  return track;
}

function movieDurationMs(data: Buffer, mvhd: Box): number | undefined {
  const version = data[mvhd.start];
  const body = mvhd.start + 4;
  if (version === 1) {
    if (mvhd.end - body < 28) return undefined;
    const timescale = data.readUInt32BE(body + 16);
    const duration = Number(data.readBigUInt64BE(body + 20));
    return timescale > 0 ? Math.round((duration * 1000) / timescale) : undefined;
  }
  if (mvhd.end - body < 16) return undefined;
  const timescale = data.readUInt32BE(body + 8);
  const duration = data.readUInt32BE(body + 12);
  return timescale > 0 && duration !== 0xffffffff
    ? Math.round((duration * 1000) / timescale)
    : undefined;
}

/**
 * Finds `moov` by seeking from box header to box header (it may follow gigabytes of `mdat`),
 * walking on to the end: a box that runs past the end means the copy was cut short, even when
 * the movie header came first.
 */
async function findMoov(reader: ByteReader): Promise<SniffResult | Buffer> {
  let moov: { at: number; size: number } | undefined;
  let at = 0;
  for (let count = 0; at < reader.size; count++) {
    if (count >= MAX_TOP_LEVEL_BOXES)
      return fault('headerTooBig', { part: 'box list', size: count });
    const head = await reader.read(at, 16);
    if (head.length < 8) return fault('truncated', { part: 'box header' });
    let size = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    let header = 8;
    if (size === 1) {
      if (head.length < 16) return fault('truncated', { part: type });
      size = Number(head.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) size = reader.size - at;
    if (size < header || at + size > reader.size) return fault('truncated', { part: type });
    if (type === 'moov' && !moov) moov = { at: at + header, size: size - header };
    at += size;
  }
  if (!moov) return fault('noMovie', {});
  if (moov.size > MAX_MOOV_BYTES) return fault('headerTooBig', { part: 'moov', size: moov.size });
  return reader.read(moov.at, moov.size);
}

const VIDEO_CODECS: Record<string, VideoFacts['videoCodec']> = { avc1: 'h264', avc3: 'h264' };
const AUDIO_CODECS: Record<string, 'aac'> = { mp4a: 'aac' };

/** An MP4 file's facts (the caller has seen `ftyp`): H.264 video, AAC or no sound. */
export async function sniffMp4(reader: ByteReader): Promise<SniffResult> {
  const moov = await findMoov(reader);
  if (!Buffer.isBuffer(moov)) return moov;
  const whole: Box = { type: 'moov', start: 0, end: moov.length };
  const { boxes } = childBoxes(moov, 0, moov.length);
  const tracks = boxes
    .filter((b) => b.type === 'trak')
    .map((trak) => readTrack(moov, trak))
    .filter((t): t is Track => t !== undefined);
  const video = tracks.find((t) => t.handler === 'vide');
  if (!video) return fault('noVideoTrack', {});
  const videoCodec = VIDEO_CODECS[video.sampleEntry];
  if (!videoCodec) return fault('videoCodec', { codec: codecName(video.sampleEntry) });
  const audio = tracks.find((t) => t.handler === 'soun');
  const audioCodec = audio ? AUDIO_CODECS[audio.sampleEntry] : null;
  if (audioCodec === undefined)
    return fault('audioCodec', { codec: codecName(audio!.sampleEntry) });
  const mvhd = child(moov, whole, 'mvhd');
  const durationMs = mvhd ? movieDurationMs(moov, mvhd) : undefined;
  if (durationMs === undefined) return fault('noDuration', {});
  const facts: VideoFacts = { container: 'mp4', videoCodec, audioCodec, durationMs };
  if (video.width && video.height)
    Object.assign(facts, { width: video.width, height: video.height });
  return { ok: true, facts };
}

import { ebmlDocType } from './sniff-webm';
import { sniffMp4 } from './sniff-mp4';
import { sniffWebm } from './sniff-webm';
import { fault, type NotVideoKind, type SniffResult } from './sniff-result';
import type { ByteReader } from './byte-reader';

const HEAD_BYTES = 512;

/** QuickTime brands: a .mov is an ISO file too, but its codecs are rarely what browsers play. */
const QUICKTIME_BRANDS = new Set(['qt  ']);

function looksLikeText(head: Buffer): boolean {
  const text = head.toString('utf8');
  // Tabs, newlines and printable characters only (no control bytes, no undecodable bytes).
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text.slice(0, -4));
}

/** What a file that is neither MP4 nor WebM is, for a message a volunteer can act on. */
export function otherKind(head: Buffer): NotVideoKind | undefined {
  const ascii = head.subarray(0, 12).toString('latin1');
  if (ascii.startsWith('RIFF') && ascii.slice(8, 11) === 'AVI') return 'avi';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WAVE') return 'wav';
  if (ascii.startsWith('OggS')) return 'ogg';
  if (ascii.startsWith('FLV')) return 'flv';
  if (ascii.startsWith('ID3') || (head[0] === 0xff && (head[1]! & 0xe0) === 0xe0)) return 'mp3';
  if (head[0] === 0x47 && head.length > 188 && head[188] === 0x47) return 'mpegts';
  if (
    ascii.startsWith('\x89PNG') ||
    ascii.startsWith('GIF8') ||
    (head[0] === 0xff && head[1] === 0xd8) ||
    (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP')
  )
    return 'image';
  if (looksLikeText(head)) return 'text';
  return undefined;
}

/**
 * What a video file really is, from its bytes: the container, codecs, length and size, or
 * why the screens cannot play it. Reads a few headers only, whatever the file's size.
 */
export async function sniffVideo(reader: ByteReader): Promise<SniffResult> {
  if (reader.size === 0) return fault('notVideo', { what: 'empty' });
  const head = await reader.read(0, HEAD_BYTES);
  const type = head.toString('latin1', 4, 8);
  if (type === 'ftyp') {
    const brand = head.toString('latin1', 8, 12);
    if (QUICKTIME_BRANDS.has(brand)) return fault('notVideo', { what: 'quicktime' });
    return sniffMp4(reader);
  }
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) {
    if (head.length < HEAD_BYTES && !ebmlDocType(head)) return fault('truncated', { part: 'EBML' });
    return sniffWebm(reader);
  }
  const other = otherKind(head);
  return other ? fault('notVideo', { what: other }) : fault('unknownBytes', {});
}

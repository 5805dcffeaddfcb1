import path from 'node:path';
import { imageSize } from 'image-size';
import { MAX_IMAGE_PIXELS } from './image-limits';
import { readParts, type FileParts } from './image-parts';
import { problem, type LocalizedText, type TextParams } from '../../shared/protocol/localized-text';
import { checkSvg, svgRootOffset } from './svg-check';

export type ImageType = 'png' | 'jpg' | 'gif' | 'webp' | 'svg';

/** The image extensions a pack may use: what every browser shows in an <img>. */
export const imageExtensions: Record<string, ImageType> = {
  '.png': 'png',
  '.jpg': 'jpg',
  '.jpeg': 'jpg',
  '.webp': 'webp',
  '.gif': 'gif',
  '.svg': 'svg',
};

const typeExtension: Record<ImageType, string> = {
  png: '.png',
  jpg: '.jpg',
  gif: '.gif',
  webp: '.webp',
  svg: '.svg',
};

// Enough for the headers of every format we accept, and for a JPEG's frame header behind a
// full-size (64 KiB) EXIF segment; larger metadata costs a JPEG one full read.
const HEAD_BYTES = 128 * 1024;
const SVG_WHOLE_BYTES = 2 * 1024 * 1024;

export { MAX_IMAGE_PIXELS };

export interface ImageInfo {
  type: ImageType;
  width?: number;
  height?: number;
}

export type ImageCheck = { ok: true; info: ImageInfo } | { ok: false; error: LocalizedText };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Length 0, "IEND", CRC: every complete PNG ends with these 12 bytes.
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** What the bytes say the file is, whatever its name says. */
export function sniffImageType(head: Buffer): ImageType | undefined {
  if (head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  const ascii = head.subarray(0, 12).toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return 'gif';
  if (ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP') return 'webp';
  if (svgRootOffset(head.toString('utf8')) !== undefined) return 'svg';
  return undefined;
}

function indexOfJpegEnd(data: Buffer, from: number): number {
  for (let i = from; i < data.length - 1; i++) {
    if (data[i] === 0xff && data[i + 1] === 0xd9) return i;
  }
  return -1;
}

/** Finds the first start-of-scan marker by walking the segment headers. */
function jpegScanStart(data: Buffer): number {
  let i = 2;
  while (i + 4 <= data.length) {
    if (data[i] !== 0xff) return -1;
    const marker = data[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    const length = data.readUInt16BE(i + 2);
    if (marker === 0xda) return i + 2 + length;
    i += 2 + length;
  }
  return -1;
}

async function isComplete(type: ImageType, parts: FileParts): Promise<boolean> {
  switch (type) {
    case 'png': {
      if (parts.tail.length >= 12 && parts.tail.subarray(-12).equals(PNG_IEND)) return true;
      // Some tools append data after IEND; accept an IEND anywhere past the header.
      const whole = await parts.whole();
      return whole !== null && whole.indexOf(PNG_IEND, 8) > 0;
    }
    case 'jpg': {
      // FFD9 cannot occur inside entropy-coded data (0xFF is always stuffed), so an end marker
      // near the end means the scan data is complete.
      if (indexOfJpegEnd(parts.tail, 0) >= 0) return true;
      // Phones append videos or maker data after the end marker: look for it after the scan.
      const whole = await parts.whole();
      if (whole === null) return false;
      const scan = jpegScanStart(whole);
      return scan > 0 && indexOfJpegEnd(whole, scan) > 0;
    }
    case 'gif': {
      let end = parts.tail.length - 1;
      while (end >= 0 && parts.tail[end] === 0) end--;
      return end >= 0 && parts.tail[end] === 0x3b;
    }
    case 'webp': {
      if (parts.head.length < 12) return false;
      return parts.size >= parts.head.readUInt32LE(4) + 8;
    }
    case 'svg':
      return true;
  }
}

function dimensions(buffer: Buffer): { width?: number; height?: number } | undefined {
  try {
    const size = imageSize(buffer);
    if (!size.width || !size.height) return undefined;
    return { width: size.width, height: size.height };
  } catch {
    return undefined;
  }
}

/**
 * Checks that `file` really is an image of the type its extension claims and is complete.
 * Reads only the head and the tail, so a pack of hundreds of photos loads quickly. `shown` is
 * the pack-relative path the author wrote; messages name it.
 */
export async function checkImage(file: string, shown: string): Promise<ImageCheck> {
  // The name the author wrote decides the type: it is what the server's Content-Type follows.
  const ext = path.extname(shown).toLowerCase();
  const claimed = imageExtensions[ext];
  if (!claimed) {
    return {
      ok: false,
      error: ext
        ? problem('media.unsupportedType', { path: shown, ext })
        : problem('media.unsupportedTypeNoExt', { path: shown }),
    };
  }
  let parts: FileParts;
  try {
    parts = await readParts(file, claimed === 'svg' ? SVG_WHOLE_BYTES : HEAD_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, error: problem('media.unreadableCode', { path: shown, code }) };
  }
  if (parts.size === 0) return { ok: false, error: problem('media.empty', { path: shown }) };

  const actual = sniffImageType(parts.head);
  if (actual === undefined) {
    return {
      ok: false,
      error: problem('media.notAnImage', { path: shown, claimed }),
    };
  }
  if (actual !== claimed) {
    return {
      ok: false,
      error: problem('media.wrongType', {
        path: shown,
        claimed,
        actual,
        extension: typeExtension[actual],
      }),
    };
  }

  if (claimed === 'svg') {
    const svg = checkSvg(parts);
    if (svg) {
      const params: TextParams = { path: shown };
      if (svg.handler) params.handler = svg.handler;
      return { ok: false, error: problem(svg.key, params) };
    }
    // An SVG without width, height or viewBox still renders; its size is just unknown.
    return { ok: true, info: { type: 'svg', ...dimensions(parts.head) } };
  }

  let size = dimensions(parts.head);
  if (!size && claimed === 'jpg') {
    const whole = await parts.whole();
    if (whole) size = dimensions(whole);
  }
  if (!size || !(await isComplete(claimed, parts))) {
    return { ok: false, error: problem('media.truncated', { path: shown }) };
  }
  const pixels = size.width! * size.height!;
  if (pixels > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      error: problem('media.tooManyPixels', {
        path: shown,
        width: size.width!,
        height: size.height!,
        megapixels: Math.round(pixels / 1e6),
        limit: MAX_IMAGE_PIXELS / 1e6,
      }),
    };
  }
  return { ok: true, info: { type: claimed, ...size } };
}

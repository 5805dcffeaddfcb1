import { imageSize } from 'image-size';
import type { Sharp } from 'sharp';
import {
  coreText,
  problem,
  type LocalizedText,
  type TextParams,
} from '../../../shared/protocol/localized-text';
import type { FileParts } from '../image-parts';
import { printable } from '../issues';
import { sniffImageType } from '../media';
import { checkSvg } from '../svg-check';
import { safeUploadName } from './upload-name';
import type {
  CleanUpload,
  CleanedUpload,
  UploadRefusal,
  UploadResult,
  UploadType,
} from './upload-result';
import { loadSharp } from '../load-sharp';

export type { CleanUpload, CleanedUpload, UploadRefusal, UploadResult, UploadType };

/*
 * An uploaded image made safe to keep in the pack: its type from its bytes (never its name),
 * refused when it is not one of the images a screen shows, and for raster images decoded and
 * written anew from the pixels, so nothing of the upload but the picture survives: no EXIF or
 * GPS (a photo of a prisoner's drawing must not say where it was taken), no XMP, IPTC or
 * comments, nothing hidden after the image's end.
 */

/** Longest side an upload keeps: more than any screen of the show needs (a 4K screen is 3840). */
export const MAX_UPLOAD_SIDE = 4096;
/**
 * The most pixels an upload may decode to, all animation frames counted: a few hundred KB of
 * PNG can claim 20000×20000 (1.6 GB decoded), a decompression bomb. 100 MP is more than any
 * phone or camera photo.
 */
export const MAX_UPLOAD_PIXELS = 100_000_000;

const EXTENSIONS: Record<UploadType, CleanedUpload['extension']> = {
  jpeg: 'jpg',
  png: 'png',
  webp: 'webp',
  gif: 'gif',
  svg: 'svg',
};

const refuse = (status: UploadRefusal['status'], error: LocalizedText): UploadResult => ({
  ok: false,
  refusal: { status, error },
});

// A zip's end-of-central-directory record sits in its last 64 KiB + 22 bytes: that is how an
// unzipper finds it, and how a picture-plus-archive polyglot (the "GIFAR" trick) works.
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_TAIL_BYTES = 65_535 + 22;

function hidesArchive(bytes: Buffer): boolean {
  return bytes.subarray(Math.max(0, bytes.length - ZIP_TAIL_BYTES)).includes(ZIP_END);
}

/**
 * Whether a GIF or WebP ends where its format says: their decoders show what they got of a
 * cut-short file, so the end is checked here (JPEG and PNG cut short fail in the decoder).
 */
function endsWhole(type: string, bytes: Buffer): boolean {
  if (type === 'gif') {
    let end = bytes.length - 1;
    while (end >= 0 && bytes[end] === 0) end--;
    return end >= 0 && bytes[end] === 0x3b;
  }
  if (type === 'webp') return bytes.length >= 12 && bytes.length >= bytes.readUInt32LE(4) + 8;
  return true;
}

/**
 * Cleans one upload: `bytes` as received, `claimedName` as the sender named it (the name
 * only gives the saved file its base name; the type comes from the bytes).
 */
export const cleanUpload: CleanUpload = async (bytes, claimedName) => {
  const name = shownName(claimedName);
  if (bytes.length === 0) return refuse(400, coreText('api.media.empty', { name }));
  const sniffed = sniffImageType(bytes.subarray(0, 128 * 1024));
  if (sniffed === undefined) return refuse(415, coreText('api.media.notAnImage', { name }));
  const baseName = safeUploadName(claimedName);
  if (sniffed === 'svg') return cleanSvg(bytes, name, baseName);
  if (hidesArchive(bytes)) return refuse(415, coreText('api.media.polyglot', { name }));
  if (!endsWhole(sniffed, bytes)) return refuse(415, coreText('api.media.corrupt', { name }));
  return cleanRaster(bytes, sniffed === 'jpg' ? 'jpeg' : sniffed, name, baseName);
};

/**
 * The claimed name as messages show it: its last path part, short, with control and bidi
 * characters written out (a name must not reorder the sentence that quotes it).
 */
function shownName(claimed: string): string {
  const last = (claimed.split(/[/\\]/).pop() ?? '').trim();
  return last === '' ? 'image' : printable(last);
}

async function cleanRaster(
  bytes: Buffer,
  type: Exclude<UploadType, 'svg'>,
  name: string,
  baseName: string,
): Promise<UploadResult> {
  const { default: sharp } = await loadSharp();
  // `truncated` refuses cut-short data; `limitInputPixels` refuses a bomb from its header,
  // before a single pixel is decoded.
  const open = () =>
    sharp(bytes, { animated: true, failOn: 'truncated', limitInputPixels: MAX_UPLOAD_PIXELS });
  let meta: Awaited<ReturnType<Sharp['metadata']>>;
  try {
    meta = await open().metadata();
  } catch (error) {
    if (/pixel limit/i.test((error as Error)?.message ?? '')) {
      return refuse(413, tooManyPixels(name, bytes));
    }
    return refuse(415, coreText('api.media.corrupt', { name }));
  }
  // The bytes' magic number and the decoder must agree: a file that starts like one format
  // and decodes as another is not what it says it is.
  if (meta.format !== type || !meta.width || !meta.height) {
    return refuse(415, coreText('api.media.corrupt', { name }));
  }
  const pages = meta.pages ?? 1;
  const frameHeight = meta.pageHeight ?? meta.height;
  if (meta.width * frameHeight * pages > MAX_UPLOAD_PIXELS) {
    return refuse(
      413,
      coreText('api.media.tooManyPixels', {
        name,
        width: meta.width,
        height: frameHeight,
        limit: MAX_UPLOAD_PIXELS / 1e6,
      }),
    );
  }
  const animated = pages > 1;
  // Orientations 5–8 swap the sides: what counts is the upright picture.
  const turned = !animated && (meta.orientation ?? 1) >= 5;
  const uprightWidth = turned ? frameHeight : meta.width;
  const uprightHeight = turned ? meta.width : frameHeight;
  const scaled = uprightWidth > MAX_UPLOAD_SIDE || uprightHeight > MAX_UPLOAD_SIDE;

  // Nothing asks sharp to keep metadata, so it writes none: the EXIF orientation is applied
  // to the pixels first (`rotate()`), and everything else of the upload is left behind.
  let pipeline = open();
  if (!animated) pipeline = pipeline.rotate();
  if (scaled) {
    pipeline = pipeline.resize({
      width: MAX_UPLOAD_SIDE,
      height: MAX_UPLOAD_SIDE,
      fit: 'inside',
      withoutEnlargement: true,
    });
  }
  const animation = animated ? { loop: meta.loop ?? 0, delay: meta.delay } : {};
  if (type === 'jpeg') pipeline = pipeline.jpeg({ quality: 90 });
  else if (type === 'png') pipeline = pipeline.png();
  else if (type === 'webp') pipeline = pipeline.webp({ quality: 90, ...animation });
  else pipeline = pipeline.gif(animation);
  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      upload: {
        bytes: data,
        type,
        extension: EXTENSIONS[type],
        baseName,
        width: info.width,
        height: info.pageHeight ?? info.height,
        scaled,
        metadataRemoved: true,
        animated,
      },
    };
  } catch (error) {
    if (/pixel limit/i.test((error as Error)?.message ?? '')) {
      return refuse(413, tooManyPixels(name, bytes));
    }
    return refuse(415, coreText('api.media.corrupt', { name }));
  }
}

/** The sides a PNG or GIF header claims, for the message when sharp refused before saying. */
function tooManyPixels(name: string, bytes: Buffer): LocalizedText {
  const params: TextParams = { name, limit: MAX_UPLOAD_PIXELS / 1e6 };
  let width = 0;
  let height = 0;
  if (bytes.length >= 24 && bytes.toString('latin1', 12, 16) === 'IHDR') {
    width = bytes.readUInt32BE(16);
    height = bytes.readUInt32BE(20);
  } else if (bytes.length >= 10 && bytes.toString('latin1', 0, 3) === 'GIF') {
    width = bytes.readUInt16LE(6);
    height = bytes.readUInt16LE(8);
  }
  if (width > 0 && height > 0) {
    return coreText('api.media.tooManyPixels', { ...params, width, height });
  }
  return coreText('api.media.tooManyPixelsUnknown', params);
}

/*
 * What an SVG carries about where it was made: comments, a <metadata> block (author, RDF),
 * and the drawing program's note of the file name and export path, which can name the
 * person's own folders (`/home/<name>/…`).
 */
const SVG_COMMENT = /<!--[\s\S]*?-->/g;
const SVG_METADATA = /<(?:[\w.-]+:)?metadata\b(?:[^>]*\/>|[\s\S]*?<\/(?:[\w.-]+:)?metadata\s*>)/gi;
const SVG_PLACE_ATTRIBUTES =
  /\s(?:sodipodi:docname|sodipodi:absref|inkscape:export-filename|inkscape:export-xdpi|inkscape:export-ydpi)\s*=\s*(?:"[^"]*"|'[^']*')/gi;

function cleanSvg(bytes: Buffer, name: string, baseName: string): UploadResult {
  const text = bytes.toString('utf8');
  const parts: FileParts = {
    size: bytes.length,
    head: bytes,
    tail: bytes.subarray(Math.max(0, bytes.length - 4096)),
    whole: async () => bytes,
  };
  const found = checkSvg(parts);
  if (found) {
    const params: TextParams = { path: name };
    if (found.handler) params.handler = found.handler;
    return refuse(415, problem(found.key, params));
  }
  const cleaned = Buffer.from(
    text.replace(SVG_COMMENT, '').replace(SVG_METADATA, '').replace(SVG_PLACE_ATTRIBUTES, ''),
    'utf8',
  );
  const size = svgSize(cleaned);
  if (!size) return refuse(415, coreText('api.media.corrupt', { name }));
  return {
    ok: true,
    upload: {
      bytes: cleaned,
      type: 'svg',
      extension: EXTENSIONS.svg,
      baseName,
      ...size,
      scaled: false,
      metadataRemoved: true,
      animated: false,
    },
  };
}

/** An SVG's size from its width/height or viewBox; a drawing is drawn at any size anyway. */
function svgSize(svg: Buffer): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(svg);
    if (width && height) {
      return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
    }
  } catch {
    // Not sized: refused below.
  }
  return undefined;
}

import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { MAX_IMAGE_PIXELS } from '../content/image-limits';
import { fileVersionTag, sameVersion } from '../content/version-tag';
import { loadSharp } from '../content/load-sharp';

/** The image types the core scales down; SVG is drawn at any size, a GIF (or any animation) may move. */
const SCALED_TYPES: Readonly<Record<string, 'jpeg' | 'png' | 'webp'>> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** A pack image bigger than this is refused, not decoded: the loader's own limit. */
const MAX_INPUT_PIXELS = MAX_IMAGE_PIXELS;

export interface ScaledImage {
  data: Buffer;
  /** Names the source file's version and the width, for ETag and the cache. */
  tag: string;
}

export type ScaleImage = (file: string, type: string, width: number) => Promise<Buffer | null>;

/**
 * Scales an image to `width` pixels wide, turned upright as its EXIF says and with its metadata
 * (camera, place) left out. Null when it is no wider than that already: then the file itself
 * is served.
 */
export const scaleWithSharp: ScaleImage = async (file, type, width) => {
  const format = SCALED_TYPES[type];
  if (!format) return null;
  const { default: sharp } = await loadSharp();
  const image = sharp(file, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
  const { width: storedWidth, height: storedHeight, orientation, pages } = await image.metadata();
  // An animated WebP (or PNG) would come out as its first frame: it is sent as it is.
  if ((pages ?? 1) > 1) return null;
  // Orientations 5–8 swap the sides: the upright width is the stored height.
  const uprightWidth = orientation && orientation >= 5 ? storedHeight : storedWidth;
  if (uprightWidth !== undefined && uprightWidth <= width) return null;
  const scaled = image.rotate().resize({ width, withoutEnlargement: true });
  if (format === 'jpeg') return scaled.jpeg({ quality: 85 }).toBuffer();
  if (format === 'webp') return scaled.webp({ quality: 85 }).toBuffer();
  return scaled.png().toBuffer();
};

/**
 * Runs `make` only while `file` is the version `info` describes, before and after: a copy made
 * from a file rewritten meanwhile (half saved, broken) must never be kept under the tag of
 * the version that was checked good.
 */
async function scaleIfUnchanged(
  isCurrent: IsCurrent,
  file: string,
  info: Stats,
  make: () => Promise<Buffer | null>,
): Promise<Buffer | null> {
  if (!(await isCurrent(file, info))) throw new Error(`${file} changed since it was checked`);
  const data = await make();
  if (!(await isCurrent(file, info))) throw new Error(`${file} changed while it was scaled`);
  return data;
}

/** Whether `file` is still the version `info` describes. */
export type IsCurrent = (file: string, info: Stats) => Promise<boolean>;

const statIsCurrent: IsCurrent = async (file, info) => sameVersion(info, await stat(file));

/** At most this many answers remembered, whatever their size. */
const MAX_ENTRIES = 4_096;

// One definition for the loader's checked versions, the ETag and the scaled copies' tag.
export { fileVersionTag };

export interface MediaScaler {
  /** The scaled copy of `file` at `width`, or null when the file itself should be served. */
  get(file: string, info: Stats, type: string, width: number): Promise<ScaledImage | null>;
  /** Bytes held in memory now. */
  readonly bytes: number;
}

/**
 * Scaled copies of pack images, made on first request and kept in memory (least recently used
 * first out, within `maxBytes`). A copy names the file's size, mtime and inode, so an image
 * replaced during the show is scaled again. A request for a copy being made waits for it.
 */
export function createMediaScaler(
  options: { maxBytes?: number; scale?: ScaleImage; isCurrent?: IsCurrent } = {},
): MediaScaler {
  const maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
  const scale = options.scale ?? scaleWithSharp;
  const isCurrent = options.isCurrent ?? statIsCurrent;
  const copies = new Map<string, ScaledImage | null>();
  const making = new Map<string, Promise<ScaledImage | null>>();
  let bytes = 0;

  const keep = (key: string, copy: ScaledImage | null) => {
    copies.set(key, copy);
    bytes += copy?.data.length ?? 0;
    for (const [oldKey, old] of copies) {
      // "Serve the file itself" answers weigh nothing; the count keeps them from piling up.
      if ((bytes <= maxBytes && copies.size <= MAX_ENTRIES) || oldKey === key) break;
      copies.delete(oldKey);
      bytes -= old?.data.length ?? 0;
    }
  };

  return {
    get bytes() {
      return bytes;
    },
    async get(file, info, type, width) {
      const tag = `${fileVersionTag(info)}-w${width}`;
      const key = `${file}\0${tag}`;
      if (copies.has(key)) {
        const copy = copies.get(key)!;
        // Most recently used goes last.
        copies.delete(key);
        copies.set(key, copy);
        return copy;
      }
      let pending = making.get(key);
      if (!pending) {
        pending = scaleIfUnchanged(isCurrent, file, info, () => scale(file, type, width))
          .then((data) => (data ? { data, tag } : null))
          .then((copy) => {
            keep(key, copy);
            return copy;
          })
          .finally(() => making.delete(key));
        making.set(key, pending);
      }
      return pending;
    },
  };
}

/**
 * The scaler, noting the widest copy asked for: the screens' own size, as their pages work it
 * out (`pageMediaWidth`). A stopping core scales the kept first slide's picture to it
 * (first-slide/keep.ts), so a restart's first picture decodes at the screen's size.
 */
export function widthsAsked(scaler: MediaScaler): MediaScaler & { widest(): number | null } {
  let widest: number | null = null;
  return {
    get bytes() {
      return scaler.bytes;
    },
    get(file, info, type, width) {
      widest = Math.max(widest ?? 0, width);
      return scaler.get(file, info, type, width);
    },
    widest: () => widest,
  };
}

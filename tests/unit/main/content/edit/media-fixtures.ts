import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/*
 * Images as a phone, a scanner or an attacker would send them, made here so no binary sits in
 * the repository.
 */

const GPS = {
  GPSLatitudeRef: 'N',
  GPSLatitude: '55/1 45/1 0/1',
  GPSLongitudeRef: 'E',
  GPSLongitude: '37/1 37/1 0/1',
};

/** A 64×32 JPEG as a phone writes it: EXIF with the camera, GPS and "turn 90° to view". */
export function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 32, channels: 3, background: 'red' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'PhoneMaker', Artist: 'Secret Name' }, IFD3: GPS })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>')
    .toBuffer();
}

/** Walks a TIFF/EXIF block's first directory: does it point at a GPS directory (tag 0x8825)? */
export function exifHasGps(exif: Buffer): boolean {
  const tiff = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? exif.subarray(6) : exif;
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const ifd = u32(4);
  const count = u16(ifd);
  for (let i = 0; i < count; i++) if (u16(ifd + 2 + i * 12) === 0x8825) return true;
  return false;
}

export function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#3366cc' } })
    .png()
    .toBuffer();
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG with a tEXt comment and EXIF (eXIf) with GPS, the way editors leave notes behind. */
export async function pngWithText(text: string): Promise<Buffer> {
  const withExif = await sharp({
    create: { width: 20, height: 10, channels: 3, background: 'white' },
  })
    .png()
    .withExifMerge({ IFD3: GPS })
    .toBuffer();
  // After the 8-byte signature and the 25-byte IHDR chunk.
  const at = 8 + 25;
  return Buffer.concat([
    withExif.subarray(0, at),
    chunk('tEXt', Buffer.from(`Comment\0${text}`, 'latin1')),
    withExif.subarray(at),
  ]);
}

/** A small PNG whose header claims `width`×`height`: a decompression bomb's first bytes. */
export async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const real = await png(8, 8);
  const ihdr = Buffer.from(real.subarray(8, 8 + 25));
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt32BE(crc32(ihdr.subarray(4, 21)), 21);
  return Buffer.concat([real.subarray(0, 8), ihdr, real.subarray(8 + 25)]);
}

/** An animated GIF (or WebP) of three 20×10 frames: red, green, blue. */
export async function animated(format: 'gif' | 'webp'): Promise<Buffer> {
  const frames = Buffer.alloc(20 * 30 * 4);
  for (let i = 0; i < frames.length; i += 4) {
    const frame = Math.floor(i / (20 * 10 * 4));
    frames[i + frame] = 255;
    frames[i + 3] = 255;
  }
  const image = sharp(frames, { raw: { width: 20, height: 30, channels: 4, pageHeight: 10 } });
  return format === 'gif'
    ? image.gif({ delay: [100, 100, 100] }).toBuffer()
    : image
        .webp({ delay: [100, 100, 100] })
        .withExifMerge({ IFD3: GPS })
        .toBuffer();
}

/** The smallest zip archive: an empty one (its end-of-central-directory record alone). */
export const EMPTY_ZIP = Buffer.from([
  0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
]);

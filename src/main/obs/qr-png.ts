import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../settings/atomic-file';

export interface QrPngOptions {
  /** Edge length in pixels, quiet zone included. */
  size?: number;
}

/** `<dataDir>/obs`: files OBS reads (QR codes), kept apart from the app's settings. */
export function obsMediaDir(dataDir: string): string {
  return path.join(dataDir, 'obs');
}

/**
 * Renders a URL as a QR code PNG for an OBS image source and returns its absolute path.
 * Error correction H survives the scaling and compression of a stream; black on white with the
 * standard 4-module quiet zone, so phones find it on any background. The name is a hash of the
 * content, so the same URL is rendered once and a changed URL gives a new path, which makes
 * OBS reload the image.
 */
export async function renderQrPng(
  url: string,
  dataDir: string,
  options: QrPngOptions = {},
): Promise<string> {
  const size = options.size ?? 600;
  const hash = createHash('sha256').update(`${size}\n${url}`).digest('hex').slice(0, 16);
  const file = path.join(obsMediaDir(dataDir), `qr-${hash}.png`);
  try {
    if ((await stat(file)).size > 0) return file;
  } catch {
    // Not rendered yet.
  }
  // Loaded when OBS first needs a code, not on every start of the core.
  const { default: QRCode } = await import('qrcode');
  const png = await QRCode.toBuffer(url, {
    type: 'png',
    errorCorrectionLevel: 'H',
    margin: 4,
    width: size,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
  await writeFileAtomic(file, png);
  return file;
}

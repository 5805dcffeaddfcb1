import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { obsMediaDir, renderQrPng } from '../../../../src/main/obs/qr-png';
import { tempDir } from '../../../helpers/temp-dir';

const dataDir = () => tempDir('obs-qr-');

function decode(file: string) {
  const png = PNG.sync.read(readFileSync(file));
  return { png, text: jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data };
}

describe('renderQrPng', () => {
  it('writes a 600 px black-on-white PNG in <dataDir>/obs that decodes to the URL', async () => {
    const dir = dataDir();
    const url = 'https://example.org/petition/free-them?utm_source=stream&lang=ru';
    const file = await renderQrPng(url, dir);
    expect(path.dirname(file)).toBe(obsMediaDir(dir));
    expect(path.isAbsolute(file)).toBe(true);
    expect(path.basename(file)).toMatch(/^qr-[0-9a-f]{16}\.png$/);
    const { png, text } = decode(file);
    expect(text).toBe(url);
    expect([png.width, png.height]).toEqual([600, 600]);
    // Quiet zone: the corners are opaque white.
    expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
  });

  it('reuses the file for the same URL and makes a new one for another', async () => {
    const dir = dataDir();
    const a = await renderQrPng('https://example.org/a', dir);
    expect(await renderQrPng('https://example.org/a', dir)).toBe(a);
    const b = await renderQrPng('https://example.org/b', dir);
    expect(b).not.toBe(a);
    expect(decode(b).text).toBe('https://example.org/b');
    // Atomic writes leave no temp files.
    expect(readdirSync(obsMediaDir(dir)).sort()).toEqual(
      [path.basename(a), path.basename(b)].sort(),
    );
  });

  it('honours another size', async () => {
    const file = await renderQrPng('https://example.org', dataDir(), { size: 300 });
    expect(decode(file).png.width).toBe(300);
  });
});

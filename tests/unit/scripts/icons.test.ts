import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { ICON_SIZES, makeIcons } from '../../../scripts/make-icons.mjs';
import { tempDir } from '../../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../../..');
const committed = (size: number) => path.join(root, `resources/icons/${size}x${size}.png`);

describe('app icons (resources/)', () => {
  it('has every size the installers use, 16 to 1024', () => {
    expect(ICON_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512, 1024]));
  });

  it.each(ICON_SIZES as number[])('%i×%i is a PNG of exactly that size', async (size) => {
    const meta = await sharp(committed(size)).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([size, size]);
  });

  it('the committed PNGs are what icon.svg renders to (regenerated after the last change)', async () => {
    const dir = tempDir('icons-');
    await makeIcons(path.join(root, 'resources/icon.svg'), dir);
    for (const size of [32, 256]) {
      const fresh = await sharp(path.join(dir, `${size}x${size}.png`))
        .raw()
        .toBuffer();
      const old = await sharp(committed(size)).raw().toBuffer();
      expect(old.length).toBe(fresh.length);
      let diff = 0;
      for (let i = 0; i < fresh.length; i++) diff += Math.abs(fresh[i]! - old[i]!);
      // A different libvips may shade an edge differently; a changed drawing moves far more.
      expect(diff / fresh.length, `${size}x${size}.png`).toBeLessThan(2);
    }
  });
});

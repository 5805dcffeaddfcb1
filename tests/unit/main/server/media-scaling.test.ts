import type { Stats } from 'node:fs';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createMediaScaler,
  scaleWithSharp,
  type ScaleImage,
} from '../../../../src/main/server/media-scaling';

let dir: string;
const file = (name: string) => path.join(dir, name);

/** A plain colour, `width`×`height`, as a sharp pipeline ready for an output format. */
const plain = (width: number, height: number, background = '#c33') =>
  sharp({ create: { width, height, channels: 3, background } });

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-media-scaling-'));
  await plain(3000, 2000).jpeg().toFile(file('big.jpg'));
  await plain(3000, 2000, '#3c3').png().toFile(file('big.png'));
  await plain(3000, 2000, '#33c').webp().toFile(file('big.webp'));
  await plain(1000, 800).jpeg().toFile(file('small.jpg'));
  await plain(1920, 1080).jpeg().toFile(file('exact.jpg'));
  // Stored 3000×2000, shown turned a quarter clockwise: upright it is 2000 wide, 3000 high.
  await plain(3000, 2000).jpeg().withMetadata({ orientation: 6 }).toFile(file('turned.jpg'));
  await plain(3000, 2000)
    .jpeg()
    .withExif({
      IFD0: { Make: 'AcmeCam', Model: 'Snitch 3000', Copyright: 'Secret Person' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 45/1 0/1' },
    })
    .toFile(file('camera.jpg'));
  await plain(3000, 2000).gif().toFile(file('big.gif'));
  writeFileSync(
    file('big.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><rect width="3000" height="2000" fill="red"/></svg>',
  );
  writeFileSync(file('broken.jpg'), Buffer.from('not a jpeg at all, just text'));
  const frames = await Promise.all(
    ['#f00', '#0f0', '#00f'].map((c) => plain(3000, 2000, c).png().toBuffer()),
  );
  await sharp(frames, { join: { animated: true } })
    .webp()
    .toFile(file('animated.webp'));
  const animated = await sharp(file('animated.webp')).metadata();
  if (animated.pages !== 3)
    throw new Error(`the animated WebP fixture has ${animated.pages} pages`);
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** These tests name files that do not exist; their stats are the test's word. */
const fakeFilesAreCurrent = async () => true;

describe('scaleWithSharp', () => {
  it('scales a wide JPEG down to the width, keeping its proportions', async () => {
    const out = await scaleWithSharp(file('big.jpg'), 'image/jpeg', 1920);
    expect(out).toBeInstanceOf(Buffer);
    const meta = await sharp(out!).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(1920);
    expect(meta.height).toBe(1280);
    expect(out!.length).toBeLessThan(statSync(file('big.jpg')).size);
  });

  it.each([640, 1280, 2560])('scales to %d', async (width) => {
    const out = await scaleWithSharp(file('big.jpg'), 'image/jpeg', width);
    const meta = await sharp(out!).metadata();
    expect(meta.width).toBe(width);
    expect(meta.height).toBe(Math.round((width * 2) / 3));
  });

  it('keeps a PNG a PNG', async () => {
    const out = await scaleWithSharp(file('big.png'), 'image/png', 1280);
    const meta = await sharp(out!).metadata();
    expect(meta.format).toBe('png');
    expect([meta.width, meta.height]).toEqual([1280, 853]);
  });

  it('keeps a WebP a WebP', async () => {
    const out = await scaleWithSharp(file('big.webp'), 'image/webp', 640);
    const meta = await sharp(out!).metadata();
    expect(meta.format).toBe('webp');
    expect([meta.width, meta.height]).toEqual([640, 427]);
  });

  it('returns null for an image no wider than the width', async () => {
    expect(await scaleWithSharp(file('small.jpg'), 'image/jpeg', 1920)).toBeNull();
    expect(await scaleWithSharp(file('exact.jpg'), 'image/jpeg', 1920)).toBeNull();
    // ...but the same file is scaled for a narrower screen.
    const out = await scaleWithSharp(file('small.jpg'), 'image/jpeg', 640);
    expect((await sharp(out!).metadata()).width).toBe(640);
  });

  it.each([
    ['big.svg', 'image/svg+xml'],
    ['big.gif', 'image/gif'],
    ['big.jpg', 'font/woff2'],
    ['big.jpg', 'image/avif'],
  ])('returns null for %s served as %s', async (name, type) => {
    expect(await scaleWithSharp(file(name), type, 640)).toBeNull();
  });

  it('turns an image upright as its EXIF orientation says', async () => {
    const stored = await sharp(file('turned.jpg')).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([3000, 2000, 6]);
    const out = await scaleWithSharp(file('turned.jpg'), 'image/jpeg', 1280);
    const meta = await sharp(out!).metadata();
    expect(meta.width).toBe(1280);
    expect(meta.height).toBe(1920);
    expect(meta.height!).toBeGreaterThan(meta.width!);
    // Already upright: no orientation tag left for a browser to apply a second time.
    expect(meta.orientation).toBeUndefined();
  });

  it('leaves out the camera and GPS metadata', async () => {
    const source = await sharp(file('camera.jpg')).metadata();
    expect(source.exif?.toString('latin1')).toContain('AcmeCam');
    const out = await scaleWithSharp(file('camera.jpg'), 'image/jpeg', 1920);
    const meta = await sharp(out!).metadata();
    expect(meta.width).toBe(1920);
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(out!.includes('AcmeCam')).toBe(false);
    expect(out!.includes('Secret Person')).toBe(false);
  });

  it('rejects a file that is not an image', async () => {
    await expect(scaleWithSharp(file('broken.jpg'), 'image/jpeg', 640)).rejects.toThrow();
  });

  // For EXIF orientations 5–8 the upright width is the stored height: a turned photo 2000 px
  // wide upright, asked for 2560, is served as it is, not re-encoded.
  it('returns null for a turned image whose upright width fits', async () => {
    expect(await scaleWithSharp(file('turned.jpg'), 'image/jpeg', 2560)).toBeNull();
  });

  // An animated WebP moves like a GIF: sharp would read only its first page, so it is left
  // alone rather than turned into a still.
  it('leaves an animated WebP alone', async () => {
    expect(await scaleWithSharp(file('animated.webp'), 'image/webp', 1920)).toBeNull();
  });
});

/** The parts of fs.Stats the scaler reads. */
const stats = (size: number, mtimeMs = 1_700_000_000_000, ino = 42) =>
  ({ size, mtimeMs, ino }) as Stats;

/** A promise with its resolve and reject on the outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createMediaScaler', () => {
  it('scales a file once at a width, even when asked twice at the same time', async () => {
    const gate = deferred<Buffer>();
    const scale = vi.fn<ScaleImage>(() => gate.promise);
    const scaler = createMediaScaler({ scale, isCurrent: fakeFilesAreCurrent });
    const first = scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 1920);
    const second = scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 1920);
    // The scale starts once the file is known to be the checked version.
    await vi.waitFor(() => expect(scale).toHaveBeenCalledTimes(1));
    expect(scale).toHaveBeenCalledWith('/p/a.jpg', 'image/jpeg', 1920);
    expect(scaler.bytes).toBe(0);
    gate.resolve(Buffer.alloc(10, 1));
    const [a, b] = await Promise.all([first, second]);
    expect(a).not.toBeNull();
    expect(b).toBe(a);
    expect(a!.data).toEqual(Buffer.alloc(10, 1));
    expect(a!.tag).toMatch(/-w1920$/);
    expect(scaler.bytes).toBe(10);
    // And later, from memory.
    expect(await scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 1920)).toBe(a);
    expect(scale).toHaveBeenCalledTimes(1);
    expect(scaler.bytes).toBe(10);
  });

  it('makes a new copy when the size, mtime or inode changes, or at another width', async () => {
    const scale = vi.fn<ScaleImage>(async () => Buffer.alloc(5));
    const scaler = createMediaScaler({ scale, isCurrent: fakeFilesAreCurrent });
    const original = await scaler.get('/p/a.jpg', stats(100, 1000, 7), 'image/jpeg', 1920);
    const tags = new Set([original!.tag]);
    for (const [info, width] of [
      [stats(101, 1000, 7), 1920],
      [stats(100, 2000, 7), 1920],
      [stats(100, 1000, 8), 1920],
      [stats(100, 1000, 7), 1280],
    ] as const) {
      const copy = await scaler.get('/p/a.jpg', info, 'image/jpeg', width);
      tags.add(copy!.tag);
    }
    expect(scale).toHaveBeenCalledTimes(5);
    expect(tags.size).toBe(5);
    expect(scaler.bytes).toBe(25);
    // The first version is still the one in memory for its stats.
    expect(await scaler.get('/p/a.jpg', stats(100, 1000, 7), 'image/jpeg', 1920)).toBe(original);
    expect(scale).toHaveBeenCalledTimes(5);
  });

  it('keeps apart two files with the same stats', async () => {
    const scale = vi.fn<ScaleImage>(async (f) => Buffer.from(f));
    const scaler = createMediaScaler({ scale, isCurrent: fakeFilesAreCurrent });
    const a = await scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 640);
    const b = await scaler.get('/p/b.jpg', stats(100), 'image/jpeg', 640);
    expect(scale).toHaveBeenCalledTimes(2);
    expect(a!.data.toString()).toBe('/p/a.jpg');
    expect(b!.data.toString()).toBe('/p/b.jpg');
  });

  it('drops the least recently used copy past maxBytes', async () => {
    const scale = vi.fn<ScaleImage>(async () => Buffer.alloc(10));
    const scaler = createMediaScaler({ maxBytes: 25, scale, isCurrent: fakeFilesAreCurrent });
    const get = (name: string) => scaler.get(`/p/${name}.jpg`, stats(100), 'image/jpeg', 1920);
    await get('a');
    await get('b');
    expect(scaler.bytes).toBe(20);
    await get('a'); // a is now more recent than b
    expect(scale).toHaveBeenCalledTimes(2);
    await get('c'); // 30 > 25: b goes
    expect(scale).toHaveBeenCalledTimes(3);
    expect(scaler.bytes).toBe(20);
    await get('a');
    await get('c');
    expect(scale).toHaveBeenCalledTimes(3);
    await get('b'); // scaled again; a (least recent now) goes
    expect(scale).toHaveBeenCalledTimes(4);
    expect(scaler.bytes).toBe(20);
    await get('c');
    expect(scale).toHaveBeenCalledTimes(4);
    await get('a');
    expect(scale).toHaveBeenCalledTimes(5);
    expect(scale.mock.calls.map(([f]) => path.basename(f))).toEqual([
      'a.jpg',
      'b.jpg',
      'c.jpg',
      'b.jpg',
      'a.jpg',
    ]);
  });

  it('drops as many old copies as it takes to fit a big one', async () => {
    const sizes: Record<string, number> = { a: 10, b: 10, c: 10, big: 25 };
    const scale = vi.fn<ScaleImage>(async (f) => Buffer.alloc(sizes[path.basename(f, '.jpg')]!));
    const scaler = createMediaScaler({ maxBytes: 35, scale, isCurrent: fakeFilesAreCurrent });
    const get = (name: string) => scaler.get(`/p/${name}.jpg`, stats(100), 'image/jpeg', 1920);
    await get('a');
    await get('b');
    await get('c');
    expect(scaler.bytes).toBe(30);
    await get('big'); // 55: a and b go, c stays
    expect(scaler.bytes).toBe(35);
    await get('c');
    expect(scale).toHaveBeenCalledTimes(4);
    await get('a');
    expect(scale).toHaveBeenCalledTimes(5);
  });

  it('remembers a null answer and holds no bytes for it', async () => {
    const scale = vi.fn<ScaleImage>(async () => null);
    const scaler = createMediaScaler({ scale, isCurrent: fakeFilesAreCurrent });
    expect(await scaler.get('/p/small.jpg', stats(100), 'image/jpeg', 1920)).toBeNull();
    expect(await scaler.get('/p/small.jpg', stats(100), 'image/jpeg', 1920)).toBeNull();
    expect(scale).toHaveBeenCalledTimes(1);
    expect(scaler.bytes).toBe(0);
  });

  it('does not keep a failed scale: the next request scales again', async () => {
    const gate = deferred<Buffer>();
    const scale = vi
      .fn<ScaleImage>()
      .mockImplementationOnce(() => gate.promise)
      .mockImplementation(async () => Buffer.alloc(7));
    const scaler = createMediaScaler({ scale, isCurrent: fakeFilesAreCurrent });
    const first = scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 1920);
    const second = scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 1920);
    gate.reject(new Error('VipsJpeg: premature end of input'));
    await expect(first).rejects.toThrow('premature end');
    await expect(second).rejects.toThrow('premature end');
    expect(scaler.bytes).toBe(0);
    const third = await scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 1920);
    expect(scale).toHaveBeenCalledTimes(2);
    expect(third!.data.length).toBe(7);
    expect(scaler.bytes).toBe(7);
  });

  it('scales with sharp by default', async () => {
    const scaler = createMediaScaler();
    const info = statSync(file('big.jpg'));
    const copy = await scaler.get(file('big.jpg'), info, 'image/jpeg', 1280);
    expect((await sharp(copy!.data).metadata()).width).toBe(1280);
    expect(scaler.bytes).toBe(copy!.data.length);
    expect(
      await scaler.get(file('small.jpg'), statSync(file('small.jpg')), 'image/jpeg', 1280),
    ).toBeNull();
  });
});

describe('createMediaScaler and files rewritten after their check', () => {
  it('keeps no copy made while the file changed, and scales nothing that changed before', async () => {
    let current = true;
    const scale = vi.fn<ScaleImage>(async () => {
      current = false; // The author's editor saves a broken file while the copy is made.
      return Buffer.alloc(10, 1);
    });
    const scaler = createMediaScaler({ scale, isCurrent: async () => current });
    await expect(scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 1920)).rejects.toThrow(
      'changed while it was scaled',
    );
    expect(scaler.bytes).toBe(0);
    await expect(scaler.get('/p/a.jpg', stats(100), 'image/jpeg', 1920)).rejects.toThrow(
      'changed since it was checked',
    );
    expect(scale).toHaveBeenCalledTimes(1);
  });
});

import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImage } from '../../../../src/main/content';
import { fixturesDir, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterAll(() => cleanup());

const sample = (name: string) => readFile(path.join(fixturesDir, 'images', name));

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(128);
  return PNG.sync.write(image);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG whose header claims another size (its CRC fixed), as a bomb's tiny file does. */
function withSize(source: Buffer, width: number, height: number): Buffer {
  const bytes = Buffer.from(source);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

/** Writes `bytes` as `name` in the temp folder and checks it as the author would name it. */
async function check(name: string, bytes: Buffer | string) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  const checked = await checkImage(file, `media/${name}`);
  // The English, as the CLI prints it; the keys are checked in problem-keys.test.ts.
  return checked.ok ? checked : { ok: false as const, error: checked.error.message };
}

const TRUNCATED = 'the image is truncated or cannot be decoded';

describe('checkImage', () => {
  it('accepts real images and reports their size', async () => {
    expect(await check('ok.png', png(7, 5))).toEqual({
      ok: true,
      info: { type: 'png', width: 7, height: 5 },
    });
    expect(await check('ok.jpg', await sample('sample.jpg'))).toEqual({
      ok: true,
      info: { type: 'jpg', width: 5, height: 3 },
    });
    expect((await check('ok.jpeg', await sample('sample.jpg'))).ok).toBe(true);
    expect(await check('ok.gif', await sample('sample.gif'))).toEqual({
      ok: true,
      info: { type: 'gif', width: 5, height: 3 },
    });
    expect(await check('ok.webp', await sample('sample.webp'))).toEqual({
      ok: true,
      info: { type: 'webp', width: 5, height: 3 },
    });
    expect((await check('UPPER.PNG', png(2, 2))).ok).toBe(true);
  });

  it('refuses an extension that lies', async () => {
    expect(await check('photo.png', await sample('sample.jpg'))).toEqual({
      ok: false,
      error: 'media/photo.png is not a PNG image: it is a JPEG; rename it to .jpg',
    });
    expect(await check('photo.jpg', png(2, 2))).toEqual({
      ok: false,
      error: 'media/photo.jpg is not a JPEG image: it is a PNG; rename it to .png',
    });
    expect(await check('photo.gif', 'hello')).toEqual({
      ok: false,
      error: 'media/photo.gif is not a GIF image (not an image at all)',
    });
    expect(await check('empty.png', '')).toEqual({ ok: false, error: 'media/empty.png is empty' });
  });

  it('refuses types a browser slide cannot rely on', async () => {
    expect(await check('scan.bmp', 'BM')).toEqual({
      ok: false,
      error:
        'media/scan.bmp: unsupported image type .bmp; use .png, .jpg, .jpeg, .webp, .gif or .svg',
    });
  });

  it('finds truncated PNG, JPEG, GIF and WebP files', async () => {
    const full = png(16, 16);
    expect(await check('cut.png', full.subarray(0, full.length - 12))).toEqual({
      ok: false,
      error: `media/cut.png: ${TRUNCATED}`,
    });
    const jpg = await sample('sample.jpg');
    expect(await check('cut.jpg', jpg.subarray(0, jpg.length - 20))).toEqual({
      ok: false,
      error: `media/cut.jpg: ${TRUNCATED}`,
    });
    expect(await check('head-only.jpg', jpg.subarray(0, 30))).toEqual({
      ok: false,
      error: `media/head-only.jpg: ${TRUNCATED}`,
    });
    const gif = await sample('sample.gif');
    expect((await check('cut.gif', gif.subarray(0, gif.length - 3))).ok).toBe(false);
    const webp = await sample('sample.webp');
    expect((await check('cut.webp', webp.subarray(0, webp.length - 10))).ok).toBe(false);
  });

  it('accepts data appended after the end, as phones write (motion photos)', async () => {
    const extra = Buffer.alloc(20_000, 0x42);
    expect((await check('motion.jpg', Buffer.concat([await sample('sample.jpg'), extra]))).ok).toBe(
      true,
    );
    expect((await check('trailer.png', Buffer.concat([png(3, 3), extra]))).ok).toBe(true);
  });

  it('reads a JPEG whose size sits behind large metadata', async () => {
    const jpg = await sample('sample.jpg');
    // Six APP15 segments of 64 KiB push the frame header past the first read.
    const segment = Buffer.alloc(65_535 + 2, 0);
    segment[0] = 0xff;
    segment[1] = 0xef;
    segment.writeUInt16BE(65_535, 2);
    const big = Buffer.concat([jpg.subarray(0, 2), ...Array(6).fill(segment), jpg.subarray(2)]);
    expect(await check('big.jpg', big)).toEqual({
      ok: true,
      info: { type: 'jpg', width: 5, height: 3 },
    });
  });

  describe('SVG', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect/></svg>';

    it('accepts an svg root after a declaration, comments and a doctype', async () => {
      expect(await check('plain.svg', svg)).toEqual({
        ok: true,
        info: { type: 'svg', width: 20, height: 10 },
      });
      const decorated = `\ufeff<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg}\n<!-- end -->\n`;
      expect((await check('decorated.svg', decorated)).ok).toBe(true);
      expect(await check('self-closing.svg', '<svg viewBox="0 0 4 2"/>')).toEqual({
        ok: true,
        info: { type: 'svg', width: 4, height: 2 },
      });
      expect(await check('no-size.svg', '<svg><g/></svg>')).toEqual({
        ok: true,
        info: { type: 'svg' },
      });
    });

    it('refuses what is not an svg, is cut off, or carries scripts or entities', async () => {
      expect(await check('page.svg', '<html><body>hi</body></html>')).toEqual({
        ok: false,
        error: 'media/page.svg is not an SVG image (not an image at all)',
      });
      expect(await check('cut.svg', svg.slice(0, -8))).toEqual({
        ok: false,
        error: `media/cut.svg: ${TRUNCATED}`,
      });
      expect(await check('script.svg', '<svg><script>alert(1)</script></svg>')).toEqual({
        ok: false,
        error: 'media/script.svg: the SVG contains a script, which is not allowed',
      });
      expect(
        await check(
          'entity.svg',
          '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol">]><svg>&lol;</svg>',
        ),
      ).toEqual({
        ok: false,
        error: 'media/entity.svg: the SVG declares XML entities, which are not allowed',
      });
    });
  });

  describe('code and outside files in SVG, in every spelling', () => {
    const refusal = (name: string, what: string) => ({
      ok: false,
      error: `media/${name}: ${what}`,
    });
    const code = (what: string) => `the SVG contains ${what}, which is not allowed`;
    const dtd =
      'the SVG names a document type file (DTD) of its own, which is not allowed; remove the <!DOCTYPE> line';

    it.each([
      ['onload.svg', '<svg onload="alert(1)"><rect/></svg>', code('an event handler (onload)')],
      [
        'onclick.svg',
        '<svg><rect width="1"\n  ONCLICK = "fetch(1)"/></svg>',
        code('an event handler (onclick)'),
      ],
      [
        'prefixed.svg',
        '<svg xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg>',
        code('a script'),
      ],
      [
        'prefixed-root.svg',
        '<svg xmlns:x="http://www.w3.org/2000/svg"><x:script href="#a"/></svg>',
        code('a script'),
      ],
      [
        'animate.svg',
        '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
        code('a javascript: address'),
      ],
      [
        'xhtml.svg',
        '<svg><g xmlns:h="http://www.w3.org/1999/xhtml"><h:iframe/></g></svg>',
        code('HTML (the XHTML namespace)'),
      ],
      [
        'system-dtd.svg',
        '<?xml version="1.0"?><!DOCTYPE svg SYSTEM "http://evil.example/x.dtd"><svg/>',
        dtd,
      ],
      [
        'public-dtd.svg',
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "file:///etc/passwd"><svg/>',
        dtd,
      ],
    ])('refuses %s', async (name, text, what) => {
      expect(await check(name, text)).toEqual(refusal(name, what));
    });

    it("still accepts Illustrator's and Inkscape's ordinary SVGs", async () => {
      const illustrator =
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" "http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">\n<svg version="1.0" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><g id="online"><rect/></g></svg>\n';
      expect(await check('illustrator.svg', illustrator)).toEqual({
        ok: true,
        info: { type: 'svg', width: 10, height: 10 },
      });
      const inkscape =
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"><sodipodi:namedview inkscape:zoom="1" inkscape:label="online"/><text>turn on = off</text></svg>';
      expect(await check('inkscape.svg', inkscape)).toMatchObject({ ok: true });
    });
  });

  it('refuses a decompression bomb: a small PNG that claims 20000×20000 pixels', async () => {
    const bomb = withSize(png(1, 1), 20_000, 20_000);
    expect(bomb.length).toBeLessThan(1000);
    expect(await check('bomb.png', bomb)).toEqual({
      ok: false,
      error:
        'media/bomb.png is 20000×20000 pixels (400 megapixels), more than the 120 a screen can safely decode; scale it down (a photo for a screen needs at most 3840 pixels across)',
    });
    // A large but real camera photo still passes.
    expect((await check('camera.png', withSize(png(1, 1), 12_000, 9_000))).ok).toBe(true);
  });

  it('reports an unreadable file instead of throwing', async () => {
    expect(await checkImage(path.join(dir, 'missing.png'), 'media/missing.png')).toMatchObject({
      ok: false,
      error: { message: 'media/missing.png cannot be read (ENOENT)' },
    });
  });
});

import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  cleanUpload,
  MAX_UPLOAD_SIDE,
  type CleanedUpload,
  type UploadRefusal,
} from '../../../../../src/main/content/edit/media-upload';
import { safeUploadName } from '../../../../../src/main/content/edit/upload-name';
import {
  animated,
  EMPTY_ZIP,
  exifHasGps,
  jpegWithGps,
  png,
  pngClaiming,
  pngWithText,
} from './media-fixtures';

async function cleaned(bytes: Buffer, name: string): Promise<CleanedUpload> {
  const result = await cleanUpload(bytes, name);
  if (!result.ok) throw new Error(`refused: ${result.refusal.error.message}`);
  return result.upload;
}

async function refused(bytes: Buffer, name: string): Promise<UploadRefusal> {
  const result = await cleanUpload(bytes, name);
  if (result.ok) throw new Error(`accepted as ${result.upload.type}`);
  return result.refusal;
}

/** Every metadata block sharp can see in a file. */
async function metadataOf(bytes: Buffer) {
  const meta = await sharp(bytes).metadata();
  return { exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, comments: meta.comments };
}

describe('metadata is removed from every raster upload', () => {
  it('a phone JPEG loses its EXIF and GPS, and stays upright', async () => {
    const photo = await jpegWithGps();
    const before = await sharp(photo).metadata();
    // The fixture really carries what must go.
    expect(before.exif && exifHasGps(before.exif)).toBe(true);
    expect(before.xmp).toBeDefined();
    expect(before.orientation).toBe(6);

    const upload = await cleaned(photo, 'IMG_2041.JPG');
    expect(upload.type).toBe('jpeg');
    expect(upload.metadataRemoved).toBe(true);
    expect(await metadataOf(upload.bytes)).toEqual({
      exif: undefined,
      xmp: undefined,
      iptc: undefined,
      comments: undefined,
    });
    expect(upload.bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(upload.bytes.includes(Buffer.from('Secret Name'))).toBe(false);
    // Orientation 6 applied to the pixels: 64×32 stored is 32×64 upright.
    const after = await sharp(upload.bytes).metadata();
    expect([after.width, after.height, after.orientation]).toEqual([32, 64, undefined]);
    expect([upload.width, upload.height]).toEqual([32, 64]);
  });

  it('a PNG loses its text chunks and EXIF', async () => {
    const note = 'taken at the prison gate';
    const file = await pngWithText(note);
    expect(file.includes(Buffer.from(note))).toBe(true);
    expect((await sharp(file).metadata()).exif).toBeDefined();

    const upload = await cleaned(file, 'scan.png');
    expect(upload.bytes.includes(Buffer.from(note))).toBe(false);
    expect(upload.bytes.includes(Buffer.from('tEXt', 'latin1'))).toBe(false);
    expect(upload.bytes.includes(Buffer.from('eXIf', 'latin1'))).toBe(false);
    expect((await metadataOf(upload.bytes)).exif).toBeUndefined();
  });

  it('an animated WebP keeps its frames and loses its EXIF', async () => {
    const file = await animated('webp');
    expect((await sharp(file).metadata()).exif).toBeDefined();
    const upload = await cleaned(file, 'banner.webp');
    const after = await sharp(upload.bytes, { animated: true }).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.pages).toBe(3);
    expect(upload.bytes.includes(Buffer.from('EXIF', 'latin1'))).toBe(false);
  });

  it('an animated GIF stays animated, frame size reported', async () => {
    const upload = await cleaned(await animated('gif'), 'flag.gif');
    const after = await sharp(upload.bytes, { animated: true }).metadata();
    expect([upload.type, upload.animated, upload.width, upload.height]).toEqual([
      'gif',
      true,
      20,
      10,
    ]);
    expect([after.pages, after.pageHeight]).toEqual([3, 10]);
  });

  it('data hidden after the picture does not survive', async () => {
    const secret = Buffer.from('<script>alert(1)</script> meet at the north gate');
    const upload = await cleaned(Buffer.concat([await png(10, 10), secret]), 'x.png');
    expect(upload.bytes.includes(Buffer.from('north gate'))).toBe(false);
    expect(upload.bytes.includes(Buffer.from('<script>'))).toBe(false);
  });
});

describe('the type comes from the bytes, never from the name', () => {
  it('a PNG named .jpg is saved as a PNG', async () => {
    const upload = await cleaned(await png(12, 7), 'poster.jpg');
    expect([upload.type, upload.extension, upload.baseName]).toEqual(['png', 'png', 'poster']);
    expect([upload.width, upload.height]).toEqual([12, 7]);
    expect((await sharp(upload.bytes).metadata()).format).toBe('png');
  });

  it('a JPEG named .png is saved as a JPEG', async () => {
    const upload = await cleaned(await jpegWithGps(), 'drawing.png');
    expect([upload.type, upload.extension]).toEqual(['jpeg', 'jpg']);
  });

  const notImages: [string, Buffer][] = [
    ['an HTML page', Buffer.from('<!doctype html><html><script>alert(1)</script></html>')],
    ['a zip archive', EMPTY_ZIP],
    ['a Windows program', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)])],
    ['a Linux program', Buffer.concat([Buffer.from('\x7fELF', 'latin1'), Buffer.alloc(200)])],
    ['a PDF', Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')],
    ['plain text', Buffer.from('hello')],
  ];
  it.each(notImages)('%s named .png is refused with 415 naming the file', async (_what, bytes) => {
    const refusal = await refused(bytes, 'kagarlitsky.png');
    expect(refusal.status).toBe(415);
    expect(refusal.error.key).toBe('core:api.media.notAnImage');
    expect(refusal.error.message).toContain('kagarlitsky.png');
  });

  it('a GIF header in front of HTML is refused (it starts like an image, it is not one)', async () => {
    const refusal = await refused(Buffer.from('GIF89a<html><script>alert(1)</script>'), 'a.gif');
    expect([refusal.status, refusal.error.key]).toEqual([415, 'core:api.media.corrupt']);
  });

  it('a picture with an archive behind it (a polyglot) is refused', async () => {
    const polyglot = Buffer.concat([await png(10, 10), Buffer.from('payload'), EMPTY_ZIP]);
    const refusal = await refused(polyglot, 'innocent.png');
    expect([refusal.status, refusal.error.key]).toEqual([415, 'core:api.media.polyglot']);
    expect(refusal.error.message).toContain('innocent.png');
  });

  it.each([
    ['a JPEG', jpegWithGps],
    ['a PNG', () => png(300, 200)],
    ['a GIF', () => animated('gif')],
  ])('%s cut short is refused as damaged', async (_what, make) => {
    const whole = await make();
    const refusal = await refused(whole.subarray(0, Math.floor(whole.length * 0.6)), 'cut.img');
    expect([refusal.status, refusal.error.key]).toEqual([415, 'core:api.media.corrupt']);
    expect(refusal.error.message).toContain('cut.img');
  });

  it('an empty upload is refused with 400', async () => {
    const refusal = await refused(Buffer.alloc(0), 'nothing.jpg');
    expect([refusal.status, refusal.error.key]).toEqual([400, 'core:api.media.empty']);
  });
});

describe('size', () => {
  it('a picture wider than 4096 px is scaled to fit, aspect kept', async () => {
    const wide = await sharp({
      create: { width: 5000, height: 100, channels: 3, background: 'black' },
    })
      .jpeg()
      .toBuffer();
    const upload = await cleaned(wide, 'wide.jpg');
    const after = await sharp(upload.bytes).metadata();
    expect([upload.scaled, after.width, after.height]).toEqual([true, MAX_UPLOAD_SIDE, 82]);
    expect([upload.width, upload.height]).toEqual([after.width, after.height]);
  });

  it('a picture taller than 4096 px once turned upright is scaled too', async () => {
    // 4500 wide as stored, but EXIF says turn it: upright it is 4500 tall.
    const stored = await sharp({
      create: { width: 4500, height: 60, channels: 3, background: 'black' },
    })
      .jpeg()
      .withMetadata({ orientation: 8 })
      .toBuffer();
    const upload = await cleaned(stored, 'tall.jpg');
    expect([upload.scaled, upload.width, upload.height]).toEqual([true, 55, MAX_UPLOAD_SIDE]);
  });

  it('a picture of 4096 px or less is kept at its size', async () => {
    const upload = await cleaned(await png(4096, 10), 'edge.png');
    expect([upload.scaled, upload.width, upload.height]).toEqual([false, 4096, 10]);
  });

  it('a decompression bomb is refused from its header, naming its size', async () => {
    const bomb = await pngClaiming(30_000, 30_000);
    expect(bomb.length).toBeLessThan(1000);
    const refusal = await refused(bomb, 'bomb.png');
    expect(refusal.status).toBe(413);
    expect(refusal.error.message).toContain('bomb.png');
    expect(refusal.error.message).toContain('30000×30000');
  });
});

describe('SVG', () => {
  it('a clean SVG is kept, without its comments, metadata and the path it was saved at', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?>\n<!-- drawn by Ivan at home -->\n' +
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 20" ' +
        'sodipodi:docname="ivan.svg" inkscape:export-filename="/home/ivan-petrov/ivan.png">' +
        '<metadata><rdf:RDF><dc:creator>Ivan Petrov</dc:creator></rdf:RDF></metadata>' +
        '<rect width="5" height="5"/></svg>',
    );
    const upload = await cleaned(svg, 'Logo.SVG');
    const text = upload.bytes.toString('utf8');
    expect([upload.type, upload.extension, upload.baseName]).toEqual(['svg', 'svg', 'logo']);
    expect([upload.width, upload.height]).toEqual([30, 20]);
    expect(text).not.toMatch(/Ivan|ivan-petrov|drawn by|metadata/);
    expect(text).toContain('<rect width="5" height="5"/>');
  });

  it.each([
    ['a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['an event handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'],
    [
      'an outside link',
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>',
    ],
  ])('an SVG with %s is refused, naming the file', async (_what, text) => {
    const refusal = await refused(Buffer.from(text), 'flyer.svg');
    expect(refusal.status).toBe(415);
    expect(refusal.error.key).toMatch(/^problems:media\.svg/);
    expect(refusal.error.message).toContain('flyer.svg');
  });
});

describe('safe names', () => {
  it.each([
    ['Фото Бориса.JPG', 'foto-borisa'],
    ['Азат Міфтахов — малюнок.png', 'azat-miftakhov-malyunok'],
    ['../../x.jpg', 'x'],
    ['..\\..\\windows\\evil.jpg', 'evil'],
    ['.htaccess', 'htaccess'],
    ['...', 'image'],
    ['', 'image'],
    ['Café Crème Brûlée.webp', 'cafe-creme-brulee'],
    ['IMG 2041 (copy).jpeg', 'img-2041-copy'],
    ['图片.png', 'image'],
    ['a\u0000b.png', 'a-b'],
  ])('%j → %j', (claimed, expected) => {
    expect(safeUploadName(claimed)).toBe(expected);
  });

  it('is at most 60 characters and never ends in a dash', () => {
    const name = safeUploadName(`${'word-'.repeat(30)}.jpg`);
    expect(name.length).toBeLessThanOrEqual(60);
    expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});

describe('cut-short animations', () => {
  it('a WebP cut short is refused as damaged', async () => {
    const whole = await animated('webp');
    const refusal = await refused(whole.subarray(0, whole.length - 20), 'cut.webp');
    expect([refusal.status, refusal.error.key]).toEqual([415, 'core:api.media.corrupt']);
  });
});

describe('the name in a refusal', () => {
  it('cannot reorder or garble the sentence (bidi override, control codes)', async () => {
    const refusal = await refused(Buffer.from('<html></html>'), 'photo\u202egnp.exe\u0007');
    expect(refusal.error.message).not.toContain('\u202e');
    expect(refusal.error.message).not.toContain('\u0007');
    expect(refusal.error.message).toContain('photo\\u{202e}gnp.exe\\u{7}');
  });
});

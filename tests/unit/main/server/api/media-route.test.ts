import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanUpload } from '../../../../../src/main/content/edit/media-upload';
import type { ContentEditor } from '../../../../../src/main/content/edit/types';
import type { CleanUpload } from '../../../../../src/main/content/edit/upload-result';
import { registerApi } from '../../../../../src/main/server/api';
import { MEDIA_BODY_LIMIT } from '../../../../../src/main/server/api/media-route';
import { createApp, hardenApp } from '../../../../../src/main/server/http';
import { makeTokens } from '../../../../../src/main/settings/tokens';
import {
  apiErrorSchema,
  packImagesSchema,
  apiPaths,
  uploadedSchema,
  type MediaFolder,
} from '../../../../../src/shared/protocol/content-api';
import { exifHasGps, jpegWithGps, png, pngClaiming } from '../../content/edit/media-fixtures';

interface SaveCall {
  folder: MediaFolder;
  name: string;
  extension: string;
  bytes: Buffer;
}

function notHere(): never {
  throw new Error('not used by the media route');
}

/** The pack's writer as far as uploads go: it records what it is asked to save. */
function recordingEditor(calls: SaveCall[]): ContentEditor {
  return {
    list: notHere,
    listImages: notHere,
    read: notHere,
    write: notHere,
    remove: notHere,
    history: notHere,
    restore: notHere,
    exclusive: notHere,
    saveStreamedMedia: notHere,
    saveMedia: async (folder, name, extension, bytes) => {
      // What the pack's writer (editor.ts) takes: a safe name, an extension without its dot.
      if (!/^[a-z0-9][a-z0-9_-]{0,99}$/.test(name)) throw new Error(`unsafe name ${name}`);
      if (!/^[a-z0-9]{1,5}$/.test(extension)) throw new Error(`unsafe extension ${extension}`);
      calls.push({ folder, name, extension, bytes });
      return `media/${folder}/${name}.${extension}`;
    },
  };
}

/**
 * A writer real enough to put files into a pack folder: `media/<folder>/`, the first free
 * name (`name`, `name-2`, …), never replacing a file.
 */
function folderEditor(packDir: string): ContentEditor {
  return {
    ...recordingEditor([]),
    saveMedia: async (folder, name, extension, bytes) => {
      const dir = path.join(packDir, 'media', folder);
      mkdirSync(dir, { recursive: true });
      for (let n = 1; ; n++) {
        const file = `${n === 1 ? name : `${name}-${n}`}.${extension}`;
        try {
          await writeFile(path.join(dir, file), bytes, { flag: 'wx' });
          return `media/${folder}/${file}`;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        }
      }
    },
  };
}

const tokens = makeTokens();
let app: FastifyInstance;
let calls: SaveCall[];

async function startApp(editor: ContentEditor): Promise<FastifyInstance> {
  const started = createApp();
  hardenApp(started, () => new Set(['localhost:80']));
  await registerApi(started, { tokens, editor });
  await started.ready();
  return started;
}

beforeEach(async () => {
  calls = [];
  app = await startApp(recordingEditor(calls));
});
afterEach(async () => {
  await app.close();
});

function upload(
  body: Buffer | string,
  options: {
    name?: string;
    folder?: string;
    token?: string | null;
    type?: string;
  } = {},
) {
  const headers: Record<string, string> = {
    'content-type': options.type ?? 'application/octet-stream',
  };
  const token = options.token === undefined ? tokens.operator : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.name !== undefined) headers['x-filename'] = encodeURIComponent(options.name);
  const query = options.folder === undefined ? '' : `?folder=${encodeURIComponent(options.folder)}`;
  return app.inject({ method: 'POST', url: `${apiPaths.media}${query}`, headers, payload: body });
}

function refusal(response: { json(): unknown }) {
  return apiErrorSchema.parse(response.json()).error;
}

describe('POST /api/v1/media: who may upload', () => {
  it('without a token: 401, nothing saved', async () => {
    const response = await upload(await png(4, 4), { name: 'a.png', token: null });
    expect(response.statusCode).toBe(401);
    expect(calls).toEqual([]);
  });

  it("with the display's token: 403, nothing saved", async () => {
    const response = await upload(await png(4, 4), { name: 'a.png', token: tokens.display });
    expect(response.statusCode).toBe(403);
    expect(calls).toEqual([]);
  });

  it('without a token, a body over the limit is refused for the token, not read for its size', async () => {
    const response = await upload(Buffer.alloc(MEDIA_BODY_LIMIT + 1), { token: null });
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /api/v1/media: what is saved', () => {
  it('a PNG named .jpg is saved as .png, and the answer says so', async () => {
    const response = await upload(await png(30, 20), { name: 'Poster.jpg', type: 'image/jpeg' });
    expect(response.statusCode).toBe(201);
    expect(uploadedSchema.parse(response.json())).toEqual({
      path: 'media/images/poster.png',
      type: 'png',
      width: 30,
      height: 20,
      scaled: false,
      metadataRemoved: true,
    });
    expect(calls.map((c) => [c.folder, c.name, c.extension])).toEqual([
      ['images', 'poster', 'png'],
    ]);
    expect((await sharp(calls[0]!.bytes).metadata()).format).toBe('png');
  });

  it('an HTML page named .png: 415 naming the file, nothing saved', async () => {
    const response = await upload('<html><script>alert(1)</script></html>', {
      name: 'portrait.png',
      type: 'image/png',
    });
    expect(response.statusCode).toBe(415);
    expect(refusal(response).message).toContain('portrait.png');
    expect(calls).toEqual([]);
  });

  it('a JPEG with GPS is saved without EXIF at all', async () => {
    const photo = await jpegWithGps();
    const exif = (await sharp(photo).metadata()).exif;
    expect(exif && exifHasGps(exif)).toBe(true);
    const response = await upload(photo, { name: 'IMG_2041.JPG', folder: 'photos' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ path: 'media/photos/img-2041.jpg', type: 'jpeg' });
    const saved = await sharp(calls[0]!.bytes).metadata();
    expect([saved.exif, saved.xmp, saved.orientation]).toEqual([undefined, undefined, undefined]);
  });

  it('a huge picture is scaled to 4096 px before it is saved', async () => {
    const wide = await sharp({
      create: { width: 6000, height: 300, channels: 3, background: 'white' },
    })
      .png()
      .toBuffer();
    const response = await upload(wide, { name: 'banner.png' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ width: 4096, height: 205, scaled: true });
    const saved = await sharp(calls[0]!.bytes).metadata();
    expect(Math.max(saved.width, saved.height)).toBeLessThanOrEqual(4096);
  });

  it('a decompression bomb header is refused with a sentence, nothing saved', async () => {
    const response = await upload(await pngClaiming(40_000, 40_000), { name: 'bomb.png' });
    expect(response.statusCode).toBe(413);
    expect(refusal(response).message).toMatch(/bomb\.png.*40000×40000/);
    expect(calls).toEqual([]);
  });

  it('a percent-encoded Cyrillic name is read and transliterated', async () => {
    const response = await upload(await png(4, 4), { name: 'Фото Бориса.PNG', folder: 'drawings' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ path: 'media/drawings/foto-borisa.png' });
  });

  it('a name with path parts saves under the last part only', async () => {
    const response = await upload(await png(4, 4), { name: '../../../etc/passwd.png' });
    expect(response.json()).toMatchObject({ path: 'media/images/passwd.png' });
  });

  it('no X-Filename: saved as image', async () => {
    const response = await upload(await png(4, 4));
    expect(response.json()).toMatchObject({ path: 'media/images/image.png' });
  });
});

describe('POST /api/v1/media: bad requests', () => {
  it.each(['videos', '../images', 'Images', ''])(
    'folder %j: 400, nothing saved',
    async (folder) => {
      const response = await upload(await png(4, 4), { name: 'a.png', folder });
      expect(response.statusCode).toBe(400);
      expect(refusal(response).key).toBe('core:api.media.badFolder');
      expect(calls).toEqual([]);
    },
  );

  it('folder given twice: 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `${apiPaths.media}?folder=images&folder=photos`,
      headers: {
        authorization: `Bearer ${tokens.operator}`,
        'content-type': 'application/octet-stream',
      },
      payload: await png(4, 4),
    });
    expect(response.statusCode).toBe(400);
  });

  it('an empty body: 400', async () => {
    const response = await upload(Buffer.alloc(0), { name: 'a.png' });
    expect(response.statusCode).toBe(400);
    expect(refusal(response).key).toBe('core:api.media.empty');
  });

  it('a malformed X-Filename: 400', async () => {
    const response = await app.inject({
      method: 'POST',
      url: apiPaths.media,
      headers: {
        authorization: `Bearer ${tokens.operator}`,
        'content-type': 'application/octet-stream',
        'x-filename': '%E0%A4%A',
      },
      payload: await png(4, 4),
    });
    expect(response.statusCode).toBe(400);
    expect(refusal(response).key).toBe('core:api.media.badName');
  });

  it('a body over the limit: 413 with a sentence', async () => {
    const response = await upload(Buffer.alloc(MEDIA_BODY_LIMIT + 1), { name: 'big.png' });
    expect(response.statusCode).toBe(413);
    expect(refusal(response).key).toBe('core:api.media.tooLarge');
  });

  it('a JSON body is not an image: 415', async () => {
    const response = await upload('{"a":1}', { name: 'a.png', type: 'application/json' });
    expect(response.statusCode).toBe(415);
  });

  it('an unknown content type: 415 with a sentence', async () => {
    const response = await upload(await png(4, 4), { name: 'a.png', type: 'video/mp4' });
    expect(response.statusCode).toBe(415);
    expect(refusal(response).key).toBe('core:api.media.notAnImage');
  });
});

describe('POST /api/v1/media into a pack folder', () => {
  let packDir: string;
  beforeEach(async () => {
    packDir = mkdtempSync(path.join(tmpdir(), 'ss-upload-'));
    await app.close();
    app = await startApp(folderEditor(packDir));
  });
  afterEach(() => rmSync(packDir, { recursive: true, force: true }));

  it('writes cleaned bytes under media/<folder>/, a second upload of the same name beside it', async () => {
    const photo = await jpegWithGps();
    const first = await upload(photo, { name: 'drawing.jpg', folder: 'drawings' });
    const second = await upload(photo, { name: 'drawing.jpg', folder: 'drawings' });
    expect([first.json().path, second.json().path]).toEqual([
      'media/drawings/drawing.jpg',
      'media/drawings/drawing-2.jpg',
    ]);
    expect(readdirSync(path.join(packDir, 'media', 'drawings')).sort()).toEqual([
      'drawing-2.jpg',
      'drawing.jpg',
    ]);
    const saved = readFileSync(path.join(packDir, 'media/drawings/drawing.jpg'));
    expect((await sharp(saved).metadata()).exif).toBeUndefined();
    expect(saved.includes(Buffer.from('Secret Name'))).toBe(false);
    expect(existsSync(path.join(packDir, 'media', 'images'))).toBe(false);
  });
});

describe('POST /api/v1/media with the cleaner it is given', () => {
  async function startWith(clean: CleanUpload) {
    await app.close();
    const started = createApp();
    hardenApp(started, () => new Set(['localhost:80']));
    await registerApi(started, { tokens, editor: recordingEditor(calls), cleanUpload: clean });
    await started.ready();
    app = started;
  }

  it("uses it (the desktop app's scaling child), not sharp in this process", async () => {
    const seen: string[] = [];
    await startWith(async (bytes, name) => {
      seen.push(`${name}:${bytes.length}`);
      return cleanUpload(bytes, name);
    });
    const response = await upload(await png(4, 4), { name: 'child.png' });
    expect(response.statusCode).toBe(201);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatch(/^child\.png:\d+$/);
  });

  it('a cleaner that fails (its child died) is a 500 without internals, nothing saved', async () => {
    await startWith(async () => {
      throw new Error('the image scaler stopped (exit code 1) at /home/someone/secret');
    });
    const response = await upload(await png(4, 4), { name: 'a.png' });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('/home/someone');
    expect(calls).toEqual([]);
  });
});

describe('POST /api/v1/media: what a refusal quotes', () => {
  it('an unknown folder is quoted in printable ASCII only', async () => {
    const response = await upload(await png(4, 4), { folder: 'фото\u202e' });
    expect(response.statusCode).toBe(400);
    expect(refusal(response).message).not.toMatch(/[^\x20-\x7e“”]/);
  });
});

describe('GET /api/v1/media: the pack’s images', () => {
  const listing = [
    { path: 'media/drawings/cell.jpg', usedBy: ['drawing-cell'] },
    { path: 'media/photos/azat.jpg', usedBy: [] },
  ];
  const listingEditor = (): ContentEditor => ({
    ...recordingEditor([]),
    listImages: async () => ({ images: listing }),
  });
  const list = (token: string | null) =>
    app.inject({
      method: 'GET',
      url: apiPaths.media,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
    });

  it("answers the operator with the writer's list, never cached", async () => {
    await app.close();
    app = await startApp(listingEditor());
    const response = await list(tokens.operator);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(packImagesSchema.parse(response.json())).toEqual({ images: listing });
  });

  it.each([
    ['no token', null, 401],
    ["the display's token", tokens.display, 403],
    ["the overlay's token", tokens.overlay, 403],
  ] as const)('refuses %s (%i): a view learns no file names', async (_, token, status) => {
    await app.close();
    app = await startApp(listingEditor());
    const response = await list(token);
    expect(response.statusCode).toBe(status);
    expect(response.body).not.toContain('azat');
  });
});

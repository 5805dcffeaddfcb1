import { readFileSync, statSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerMedia } from '../../../../src/main/server/media';
import { createMediaScaler, type MediaScaler } from '../../../../src/main/server/media-scaling';
import type { ShowServer } from '../../../../src/main/core/show-server';
import type { ShowEngine } from '../../../../src/main/show/engine';
import { caseItem, drawing, playlist, snapshot } from '../show/content-fixtures';
import { PNG, getBytes, startTestServer, stopTestServer, type makeFixture } from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let engine: ShowEngine;
let server: ShowServer;
let bigJpeg: Buffer;
const media = (name: string) => path.join(fixture.packDir, 'media', name);

beforeAll(async () => {
  bigJpeg = await sharp({
    create: { width: 3000, height: 2000, channels: 3, background: '#c33' },
  })
    .jpeg({ quality: 95 })
    .toBuffer();
}, 30_000);

beforeEach(async () => {
  ({ fixture, engine, server } = await startTestServer(
    snapshot([caseItem('a'), drawing('b'), playlist('main', ['a', 'b'])]),
  ));
  writeFileSync(media('big.jpg'), bigJpeg);
  writeFileSync(
    media('big.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="2000"><rect width="3000" height="2000" fill="red"/></svg>',
  );
  writeFileSync(media('broken.jpg'), Buffer.from('a truncated upload, not a JPEG'));
});

afterEach(async () => {
  await stopTestServer({ server, engine, fixture });
});

describe('GET /media/<path>?w=', () => {
  it('serves a wide JPEG scaled to the asked width', async () => {
    const res = await getBytes(server.port, '/media/media/big.jpg?w=1920');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
    const meta = await sharp(res.body).metadata();
    expect(meta.format).toBe('jpeg');
    expect([meta.width, meta.height]).toEqual([1920, 1280]);
    expect(res.body.length).toBeLessThan(bigJpeg.length);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.headers.etag).toMatch(/^".+"$/);
  });

  it.each([
    ['1', 640],
    ['0', 640],
    ['1000', 1280],
    ['1366', 1920],
    ['2048', 2560],
  ])('rounds w=%s up to the %d step', async (w, width) => {
    const res = await getBytes(server.port, `/media/media/big.jpg?w=${w}`);
    expect(res.status).toBe(200);
    expect((await sharp(res.body).metadata()).width).toBe(width);
  });

  it('serves the file itself without ?w', async () => {
    const res = await getBytes(server.port, '/media/media/big.jpg');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.body.equals(bigJpeg)).toBe(true);
    expect(Number(res.headers['content-length'])).toBe(bigJpeg.length);
    expect(res.headers.etag).toMatch(/^".+"$/);
  });

  it.each(['abc', '1920px', '-640', '1e3', '19.5', '', '123456', '1920&w=640'])(
    'serves the file itself for w=%s',
    async (w) => {
      const original = await getBytes(server.port, '/media/media/big.jpg');
      const res = await getBytes(server.port, `/media/media/big.jpg?w=${w}`);
      expect(res.status).toBe(200);
      expect(res.body.equals(bigJpeg)).toBe(true);
      expect(res.headers.etag).toBe(original.headers.etag);
    },
  );

  it('serves the file itself when it is no wider than the step (3840 for a huge w)', async () => {
    const original = await getBytes(server.port, '/media/media/big.jpg');
    const res = await getBytes(server.port, '/media/media/big.jpg?w=99999');
    expect(res.status).toBe(200);
    expect(res.body.equals(bigJpeg)).toBe(true);
    expect(res.headers.etag).toBe(original.headers.etag);
    const tiny = await getBytes(server.port, '/media/media/photo.png?w=640');
    expect(tiny.body.equals(PNG)).toBe(true);
  });

  it('serves an SVG as it is, sandboxed, whatever the width', async () => {
    const res = await getBytes(server.port, '/media/media/big.svg?w=1920');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.body.equals(readFileSync(media('big.svg')))).toBe(true);
    expect(res.headers['content-security-policy']).toMatch(/(^|;\s*)sandbox(;|$)/);
  });

  it('never sends the original of a file it cannot scale', async () => {
    const res = await getBytes(server.port, '/media/media/broken.jpg?w=640');
    expect(res.status).toBe(404);
    expect(res.body.includes(readFileSync(media('broken.jpg')))).toBe(false);
  });

  it('gives each width and the file itself their own ETag', async () => {
    const tags = await Promise.all(
      ['', '?w=640', '?w=1280', '?w=1920'].map(
        async (q) => (await getBytes(server.port, `/media/media/big.jpg${q}`)).headers.etag,
      ),
    );
    expect(new Set(tags).size).toBe(4);
    // Asked again, the same copy under the same tag.
    const again = await getBytes(server.port, '/media/media/big.jpg?w=1280');
    expect(again.headers.etag).toBe(tags[2]);
  });

  it.each(['/media/media/big.jpg?w=1920', '/media/media/big.jpg', '/media/media/big.svg?w=1920'])(
    'answers 304 with no body to a matching If-None-Match on %s',
    async (url) => {
      const first = await getBytes(server.port, url);
      const etag = first.headers.etag as string;
      expect(etag).toBeTruthy();
      const res = await getBytes(server.port, url, { 'If-None-Match': etag });
      expect(res.status).toBe(304);
      expect(res.body.length).toBe(0);
      expect(res.headers.etag).toBe(etag);
      // Another tag is not a match.
      const stale = await getBytes(server.port, url, { 'If-None-Match': '"something-else"' });
      expect(stale.status).toBe(200);
      expect(stale.body.length).toBeGreaterThan(0);
    },
  );

  it('does not answer 304 for a scaled copy with the tag of the file itself', async () => {
    const original = await getBytes(server.port, '/media/media/big.jpg');
    const res = await getBytes(server.port, '/media/media/big.jpg?w=1920', {
      'If-None-Match': original.headers.etag as string,
    });
    expect(res.status).toBe(200);
    expect((await sharp(res.body).metadata()).width).toBe(1920);
  });

  it('scales a replaced image again, under a new ETag', async () => {
    const before = await getBytes(server.port, '/media/media/big.jpg?w=1280');
    expect((await sharp(before.body).metadata()).height).toBe(853);
    const square = await sharp({
      create: { width: 2600, height: 2600, channels: 3, background: '#33c' },
    })
      .jpeg()
      .toBuffer();
    writeFileSync(media('big.jpg'), square);
    expect(square.length).not.toBe(bigJpeg.length);
    expect(statSync(media('big.jpg')).size).toBe(square.length);
    const after = await getBytes(server.port, '/media/media/big.jpg?w=1280', {
      'If-None-Match': before.headers.etag as string,
    });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const meta = await sharp(after.body).metadata();
    expect([meta.width, meta.height]).toEqual([1280, 1280]);
  });
});

describe('registerMedia with a scaler of its own', () => {
  let app: FastifyInstance;

  async function appWith(scaler?: MediaScaler): Promise<FastifyInstance> {
    app = Fastify({ logger: false });
    registerMedia(
      app,
      async (rel) => {
        const full = path.join(fixture.packDir, rel);
        return { ok: true, path: full, info: statSync(full) };
      },
      scaler,
    );
    await app.ready();
    return app;
  }

  afterEach(async () => {
    await app.close();
  });

  it('never sends the file itself when the scaler refuses it (a decompression bomb)', async () => {
    const get = vi.fn<MediaScaler['get']>(async () => {
      throw new Error('Input image exceeds pixel limit');
    });
    await appWith({ get, bytes: 0 });
    const res = await app.inject({ method: 'GET', url: '/media/media/big.jpg?w=640' });
    expect(get).toHaveBeenCalledTimes(1);
    expect(get.mock.calls[0]![2]).toBe('image/jpeg');
    expect(get.mock.calls[0]![3]).toBe(640);
    expect(res.statusCode).toBe(404);
    expect(res.rawPayload.length).toBeLessThan(100);
  });

  describe('a file rewritten after it was checked (saved half, or broken)', () => {
    let checked: Stats;
    let rewritten: Buffer;

    async function appOnChecked(scaler?: MediaScaler) {
      checked = statSync(media('big.jpg'));
      app = Fastify({ logger: false });
      // As the content store answers: the version it checked, not the file as it is now.
      registerMedia(app, async () => ({ ok: true, path: media('big.jpg'), info: checked }), scaler);
      await app.ready();
      rewritten = bigJpeg.subarray(0, 5000);
    }

    it('is never sent, scaled or not; a browser holding the checked version keeps it', async () => {
      await appOnChecked(createMediaScaler());
      const first = await app.inject({ method: 'GET', url: '/media/media/big.jpg' });
      expect(first.statusCode).toBe(200);
      writeFileSync(media('big.jpg'), rewritten);
      const plain = await app.inject({ method: 'GET', url: '/media/media/big.jpg' });
      expect(plain.statusCode).toBe(404);
      const scaled = await app.inject({ method: 'GET', url: '/media/media/big.jpg?w=640' });
      expect(scaled.statusCode).toBe(404);
      const revalidated = await app.inject({
        method: 'GET',
        url: '/media/media/big.jpg',
        headers: { 'if-none-match': first.headers.etag as string },
      });
      expect(revalidated.statusCode).toBe(304);
    });

    it('keeps sending the scaled copy made from the checked version', async () => {
      await appOnChecked(createMediaScaler());
      const before = await app.inject({ method: 'GET', url: '/media/media/big.jpg?w=640' });
      expect(before.statusCode).toBe(200);
      writeFileSync(media('big.jpg'), rewritten);
      const after = await app.inject({ method: 'GET', url: '/media/media/big.jpg?w=640' });
      expect(after.statusCode).toBe(200);
      expect(after.rawPayload.equals(before.rawPayload)).toBe(true);
    });
  });

  it('serves what the scaler made, under its tag', async () => {
    const data = Buffer.from('scaled bytes');
    const get = vi.fn<MediaScaler['get']>(async () => ({ data, tag: 'copy-w2560' }));
    await appWith({ get, bytes: data.length });
    const res = await app.inject({ method: 'GET', url: '/media/media/big.jpg?w=2001' });
    expect(get.mock.calls[0]![3]).toBe(2560);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(data)).toBe(true);
    expect(res.headers.etag).toBe('"copy-w2560"');
    expect(Number(res.headers['content-length'])).toBe(data.length);
  });

  it('does not ask the scaler without a valid ?w', async () => {
    const get = vi.fn<MediaScaler['get']>(async () => null);
    await appWith({ get, bytes: 0 });
    for (const url of ['/media/media/big.jpg', '/media/media/big.jpg?w=abc']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.rawPayload.equals(bigJpeg)).toBe(true);
    }
    expect(get).not.toHaveBeenCalled();
  });

  it('ignores ?w without a scaler', async () => {
    await appWith();
    const res = await app.inject({ method: 'GET', url: '/media/media/big.jpg?w=640' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(bigJpeg)).toBe(true);
  });
});

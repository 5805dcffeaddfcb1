import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerMedia } from '../../../../src/main/server/media';
import { withheldMediaPaths } from '../../../../src/main/server/media-access';
import { resolveInsidePack } from '../../../../src/main/content/paths';
import { byteRange } from '../../../../src/main/server/byte-range';
import { hasFfmpeg, makeClip } from '../../../helpers/video-clips';
import { snapshot } from '../show/content-fixtures';

let app: FastifyInstance;
let pack: string;
let film: Buffer;

beforeAll(async () => {
  pack = mkdtempSync(path.join(os.tmpdir(), 'media-video-'));
  mkdirSync(path.join(pack, 'media/videos'), { recursive: true });
  if (hasFfmpeg())
    copyFileSync(
      makeClip({ format: 'webm', seconds: 1 }),
      path.join(pack, 'media/videos/kots.webm'),
    );
  else writeFileSync(path.join(pack, 'media/videos/kots.webm'), Buffer.alloc(4096, 7));
  film = readFileSync(path.join(pack, 'media/videos/kots.webm'));
  writeFileSync(
    path.join(pack, 'media/videos/kots.ru.vtt'),
    'WEBVTT\n\n00:00.000 --> 00:01.000\nКоц\n',
  );
  writeFileSync(
    path.join(pack, 'media/videos/kots.en.srt'),
    '1\n00:00:00,000 --> 00:00:01,000\nKots\n',
  );
  app = Fastify();
  registerMedia(app, (rel) => resolveInsidePack(pack, rel));
  await app.ready();
});
afterAll(async () => {
  await app.close();
  rmSync(pack, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

describe('GET /media/ for videos', () => {
  it('serves the whole video with its type and says it takes ranges', async () => {
    const res = await get('/media/media/videos/kots.webm');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('video/webm');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.rawPayload.equals(film)).toBe(true);
  });

  it('answers a byte range with 206 and exactly those bytes', async () => {
    const res = await get('/media/media/videos/kots.webm', { range: 'bytes=100-199' });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-199/${film.length}`);
    expect(res.headers['content-length']).toBe('100');
    expect(res.rawPayload.equals(film.subarray(100, 200))).toBe(true);
  });

  it('answers an open range, a suffix and a range past the end', async () => {
    const open = await get('/media/media/videos/kots.webm', {
      range: `bytes=${film.length - 10}-`,
    });
    expect(open.statusCode).toBe(206);
    expect(open.rawPayload.equals(film.subarray(film.length - 10))).toBe(true);
    const suffix = await get('/media/media/videos/kots.webm', { range: 'bytes=-5' });
    expect(suffix.rawPayload.equals(film.subarray(film.length - 5))).toBe(true);
    const clipped = await get('/media/media/videos/kots.webm', { range: 'bytes=0-99999999' });
    expect(clipped.headers['content-range']).toBe(`bytes 0-${film.length - 1}/${film.length}`);
    const past = await get('/media/media/videos/kots.webm', { range: `bytes=${film.length}-` });
    expect(past.statusCode).toBe(416);
    expect(past.headers['content-range']).toBe(`bytes */${film.length}`);
  });

  it('sends the whole file when If-Range names another version', async () => {
    const res = await get('/media/media/videos/kots.webm', {
      range: 'bytes=0-9',
      'if-range': '"old"',
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.length).toBe(film.length);
  });

  it('serves WebVTT and SubRip subtitles as UTF-8 text, ranges too', async () => {
    const vtt = await get('/media/media/videos/kots.ru.vtt');
    expect(vtt.headers['content-type']).toBe('text/vtt; charset=utf-8');
    expect(vtt.body).toContain('Коц');
    const srt = await get('/media/media/videos/kots.en.srt', { range: 'bytes=0-0' });
    expect(srt.statusCode).toBe(206);
    expect(srt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(srt.body).toBe('1');
  });
});

describe('byteRange', () => {
  it('ignores what it need not honour, and refuses what cannot be met', () => {
    expect(byteRange(undefined, 10)).toBeNull();
    expect(byteRange('items=0-1', 10)).toBeNull();
    expect(byteRange('bytes=0-1,4-5', 10)).toBeNull();
    expect(byteRange('bytes=5-2', 10)).toBeNull();
    expect(byteRange('bytes=-', 10)).toBeNull();
    expect(byteRange('bytes=-0', 10)).toBe('unsatisfiable');
    expect(byteRange('bytes=0-', 0)).toBe('unsatisfiable');
    expect(byteRange('bytes=-20', 10)).toEqual({ start: 0, end: 9 });
  });
});

describe('withheldMediaPaths for videos', () => {
  it('hides a sensitive video, its poster and subtitles in safe mode only', () => {
    const snap = snapshot([
      {
        id: 'court',
        kind: 'video',
        file: 'media/videos/court.mp4',
        title: 'Court',
        licence: 'CC BY 4.0',
        sensitive: true,
        poster: 'media/videos/court.png',
        subtitles: { ru: 'media/videos/court.ru.vtt' },
      },
    ]);
    expect(withheldMediaPaths(snap, false)).toEqual([]);
    expect(withheldMediaPaths(snap, true)).toEqual([
      'media/videos/court.mp4',
      'media/videos/court.png',
      'media/videos/court.ru.vtt',
    ]);
  });
});

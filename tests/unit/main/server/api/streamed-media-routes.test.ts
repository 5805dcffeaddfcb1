import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentEditor } from '../../../../../src/main/content/edit/editor';
import { registerApi } from '../../../../../src/main/server/api';
import { createApp, hardenApp } from '../../../../../src/main/server/http';
import { openControlTokenStore } from '../../../../../src/main/settings/control-tokens';
import { makeTokens } from '../../../../../src/main/settings/tokens';
import {
  apiErrorSchema,
  apiPaths,
  subtitlesRefusedSchema,
  subtitlesUploadedSchema,
  videoUploadedSchema,
} from '../../../../../src/shared/protocol/content-api';
import { makeClip } from '../../../../helpers/video-clips';

const tokens = makeTokens();
const VIDEO_CAP = 512 * 1024;
const SUBTITLE_CAP = 4 * 1024;
let packDir: string;
let app: FastifyInstance;
let controlToken: string;

beforeEach(async () => {
  packDir = mkdtempSync(path.join(tmpdir(), 'upload-pack-'));
  writeFileSync(path.join(packDir, 'pack.yaml'), 'languages: [en, fr]\ndefaultLanguage: en\n');
  mkdirSync(path.join(packDir, 'media'));
  const controlTokens = await openControlTokenStore(null);
  controlToken = controlTokens.create('stage', { persist: false }).token;
  app = createApp();
  hardenApp(app, () => new Set(['localhost:80']));
  await registerApi(app, {
    tokens,
    editor: createContentEditor({ packDir }),
    controlTokens,
    streamedLimits: { videoBytes: VIDEO_CAP, subtitleBytes: SUBTITLE_CAP },
  });
  await app.ready();
});
afterEach(async () => {
  await app.close();
  rmSync(packDir, { recursive: true, force: true });
});

function post(
  url: string,
  payload: Buffer | string | Readable,
  options: { name?: string; token?: string | null; type?: string } = {},
) {
  const headers: Record<string, string> = {
    'content-type': options.type ?? 'application/octet-stream',
  };
  const token = options.token === undefined ? tokens.operator : options.token;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (options.name !== undefined) headers['x-filename'] = encodeURIComponent(options.name);
  return app.inject({ method: 'POST', url, headers, payload });
}

/** Every file under media/, hidden temporary ones included. */
function mediaFiles(): string[] {
  const out: string[] = [];
  for (const folder of ['videos', 'subtitles']) {
    try {
      for (const f of readdirSync(path.join(packDir, 'media', folder))) out.push(`${folder}/${f}`);
    } catch {
      // Not made yet.
    }
  }
  return out.sort();
}

/** A body that never ends, counting what was pulled from it. */
function endless(): Readable & { pulled: () => number } {
  let pulled = 0;
  const stream = new Readable({
    read() {
      pulled += 16 * 1024;
      this.push(Buffer.alloc(16 * 1024, 1));
    },
  });
  return Object.assign(stream, { pulled: () => pulled });
}

describe('POST /api/v1/media/video', () => {
  it.each(['mp4', 'webm'] as const)('takes a real %s clip, judged by its bytes', async (format) => {
    const clip = readFileSync(makeClip({ format, seconds: 1 }));
    const response = await post(apiPaths.mediaVideo, clip, { name: `Плакат ${format}.${format}` });
    expect(response.statusCode).toBe(201);
    const body = videoUploadedSchema.parse(response.json());
    expect(body.path).toBe(`media/videos/plakat-${format}.${format}`);
    expect(body.facts.container).toBe(format);
    expect(readFileSync(path.join(packDir, body.path))).toEqual(clip);
    expect(mediaFiles()).toEqual([`videos/plakat-${format}.${format}`]);
  });

  it('a second upload of the same name gets its own file; the first is untouched', async () => {
    const mp4 = readFileSync(makeClip({ format: 'mp4', seconds: 1 }));
    const webm = readFileSync(makeClip({ format: 'webm', seconds: 1 }));
    await post(apiPaths.mediaVideo, mp4, { name: 'talk.mp4' });
    const second = await post(apiPaths.mediaVideo, mp4, { name: 'talk.mp4' });
    expect(videoUploadedSchema.parse(second.json()).path).toBe('media/videos/talk-2.mp4');
    await post(apiPaths.mediaVideo, webm, { name: 'talk.webm' });
    expect(mediaFiles()).toEqual(['videos/talk-2.mp4', 'videos/talk.mp4', 'videos/talk.webm']);
  });

  it('a name with ../ or a NUL never leads out of media/videos/', async () => {
    const clip = readFileSync(makeClip({ format: 'mp4', seconds: 1 }));
    const escaped = await post(apiPaths.mediaVideo, clip, { name: '../../pack.yaml.mp4' });
    expect(videoUploadedSchema.parse(escaped.json()).path).toBe('media/videos/pack-yaml.mp4');
    expect(readFileSync(path.join(packDir, 'pack.yaml'), 'utf8')).toContain('languages');
    const nul = await post(apiPaths.mediaVideo, clip, { name: 'a\u0000b.mp4' });
    expect(nul.statusCode).toBe(400);
    expect(mediaFiles()).toEqual(['videos/pack-yaml.mp4']);
  });

  it('refuses a text file named .mp4 with 415 and why, and keeps nothing', async () => {
    const response = await post(apiPaths.mediaVideo, 'just some words\n'.repeat(100), {
      name: 'film.mp4',
    });
    expect(response.statusCode).toBe(415);
    const error = apiErrorSchema.parse(response.json()).error;
    expect(typeof error === 'string' ? error : error.message).toMatch(
      /film\.mp4 is not a video.*text file/,
    );
    expect(mediaFiles()).toEqual([]);
  });

  it('refuses a QuickTime file by its brand, whatever its name', async () => {
    const mov = Buffer.alloc(4096);
    mov.writeUInt32BE(20, 0);
    mov.write('ftypqt  ', 4, 'latin1');
    const response = await post(apiPaths.mediaVideo, mov, { name: 'film.mp4' });
    expect(response.statusCode).toBe(415);
    expect(JSON.stringify(response.json())).toContain('quicktime');
    expect(mediaFiles()).toEqual([]);
  });

  it('cuts a body without a length at the cap (413), not reading it all, and keeps nothing', async () => {
    const body = endless();
    const response = await post(apiPaths.mediaVideo, body, { name: 'huge.mp4' });
    expect(response.statusCode).toBe(413);
    expect(body.pulled()).toBeLessThan(VIDEO_CAP + 256 * 1024);
    expect(mediaFiles()).toEqual([]);
  });

  it('refuses a declared length over the cap before reading any of it', async () => {
    const body = endless();
    const response = await app.inject({
      method: 'POST',
      url: apiPaths.mediaVideo,
      headers: {
        authorization: `Bearer ${tokens.operator}`,
        'content-type': 'video/mp4',
        'content-length': String(VIDEO_CAP + 1),
      },
      payload: body,
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
    expect(mediaFiles()).toEqual([]);
  });

  it('without a token: 401 before the body is read', async () => {
    const body = endless();
    const response = await post(apiPaths.mediaVideo, body, { token: null });
    expect(response.statusCode).toBe(401);
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024);
    expect(mediaFiles()).toEqual([]);
  });

  it.each([
    ['a control token', () => controlToken],
    ["the remote's token", () => tokens.remote],
  ])('with %s: 403, nothing stored', async (_who, token) => {
    const clip = readFileSync(makeClip({ format: 'mp4', seconds: 1 }));
    const response = await post(apiPaths.mediaVideo, clip, { name: 'a.mp4', token: token() });
    expect(response.statusCode).toBe(403);
    expect(mediaFiles()).toEqual([]);
  });
});

const VTT =
  'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHello\n\n00:00:01.000 --> 00:00:02.000\nAgain\n';
const SRT = '1\r\n00:00:00,000 --> 00:00:01,000\r\nBonjour\r\n';

describe('POST /api/v1/media/subtitles', () => {
  it('stores a WebVTT file as media/subtitles/<name>.<lang>.vtt', async () => {
    const response = await post(`${apiPaths.mediaSubtitles}?lang=en`, VTT, { name: 'talk.vtt' });
    expect(response.statusCode).toBe(201);
    expect(subtitlesUploadedSchema.parse(response.json())).toEqual({
      path: 'media/subtitles/talk.en.vtt',
      language: 'en',
      format: 'vtt',
      cues: 2,
    });
    expect(readFileSync(path.join(packDir, 'media/subtitles/talk.en.vtt'), 'utf8')).toBe(VTT);
  });

  it('takes the file sent as text/plain (as a browser sends it), streamed, not as a string', async () => {
    const response = await post(`${apiPaths.mediaSubtitles}?lang=en`, VTT, {
      name: 'talk.vtt',
      type: 'text/plain; charset=utf-8',
    });
    expect(response.statusCode).toBe(201);
    expect(readFileSync(path.join(packDir, 'media/subtitles/talk.en.vtt'), 'utf8')).toBe(VTT);
  });

  it('a POST without a body, or with JSON, is refused and keeps nothing', async () => {
    const none = await app.inject({
      method: 'POST',
      url: `${apiPaths.mediaSubtitles}?lang=en`,
      headers: { authorization: `Bearer ${tokens.operator}` },
    });
    expect(none.statusCode).toBe(400);
    const json = await post(apiPaths.mediaVideo, '{"a":1}', { type: 'application/json' });
    expect(json.statusCode).toBe(415);
    expect(mediaFiles()).toEqual([]);
  });

  it('stores SubRip with a BOM and CRLF, its language not doubled in the name', async () => {
    const response = await post(`${apiPaths.mediaSubtitles}?lang=fr`, `\ufeff${SRT}`, {
      name: 'talk.fr.srt',
    });
    expect(subtitlesUploadedSchema.parse(response.json()).path).toBe('media/subtitles/talk.fr.srt');
  });

  it('refuses a file that does not parse (422), each problem with its line, and keeps nothing', async () => {
    const broken = 'WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nBackwards\n\nno timing here\n';
    const response = await post(`${apiPaths.mediaSubtitles}?lang=en`, broken, { name: 'x.vtt' });
    expect(response.statusCode).toBe(422);
    const body = subtitlesRefusedSchema.parse(response.json());
    expect(body.problems.map((p) => p.line)).toEqual([3, 6]);
    expect(mediaFiles()).toEqual([]);
  });

  it('refuses SubRip sent as .vtt by its content', async () => {
    const response = await post(`${apiPaths.mediaSubtitles}?lang=en`, SRT, { name: 'x.vtt' });
    expect(response.statusCode).toBe(422);
    expect(JSON.stringify(response.json())).toContain('subtitles.notWebvtt');
  });

  it('refuses bytes that are not UTF-8 (415)', async () => {
    const latin1 = Buffer.from('WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nCaf\xe9\n', 'latin1');
    const response = await post(`${apiPaths.mediaSubtitles}?lang=fr`, latin1, { name: 'x.vtt' });
    expect(response.statusCode).toBe(415);
    expect(mediaFiles()).toEqual([]);
  });

  it.each(['', '../en', 'english', 'en/x'])('refuses the language %j (400)', async (lang) => {
    const response = await post(
      `${apiPaths.mediaSubtitles}?lang=${encodeURIComponent(lang)}`,
      VTT,
      {
        name: 'x.vtt',
      },
    );
    expect(response.statusCode).toBe(400);
    expect(mediaFiles()).toEqual([]);
  });

  it('refuses another type by its name (415) and a body over the cap (413)', async () => {
    const ass = await post(`${apiPaths.mediaSubtitles}?lang=en`, VTT, { name: 'x.ass' });
    expect(ass.statusCode).toBe(415);
    const big = await post(`${apiPaths.mediaSubtitles}?lang=en`, endless(), { name: 'x.vtt' });
    expect(big.statusCode).toBe(413);
    expect(mediaFiles()).toEqual([]);
  });
});

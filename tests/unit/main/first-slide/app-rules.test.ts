// The early server restates what the app does (app-rules.ts, early-files.ts) because the app's
// own code loads zod or fastify. These tests hold the two together: the same requests to the
// app and to the early server get the same headers, and the same hosts are allowed.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allowedHosts } from '../../../../src/main/first-slide/app-rules';
import {
  listenWithKeptSlide,
  type EarlyServer,
} from '../../../../src/main/first-slide/early-server';
import { hostsOf } from '../../../../src/main/server/host-check';
import { createApp, hardenApp, registerAssets, sendHtml } from '../../../../src/main/server/http';
import { registerMedia } from '../../../../src/main/server/media';
import { allowedOrigins } from '../../../../src/main/server/origin';
import { DISPLAY_TOKEN, get, makeRecord, tempDir, type Reply } from './helpers';

const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

describe('allowedHosts', () => {
  it.each(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', '192.168.1.20'])(
    'is the set the app allows when bound to %s',
    (host) => {
      expect(allowedHosts(host, 8080)).toEqual(hostsOf(allowedOrigins(host, 8080)));
    },
  );
});

const PAGE = `/display?token=${DISPLAY_TOKEN}`;
const MEDIA = `/media/photos/a%20b.svg?v=1&token=${DISPLAY_TOKEN}`;

/** The app's routes for the same files, as server.ts registers them, and the early server. */
async function both(): Promise<{ app: number; early: EarlyServer }> {
  const dir = await tempDir();
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{margin:0}');
  await writeFile(path.join(rendererDir, 'assets', 'inter.woff2'), 'woff2 bytes');
  await writeFile(path.join(rendererDir, 'assets', 'inter.woff'), 'woff bytes');
  const photo = path.join(dir, 'a b.svg');
  await writeFile(photo, '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const info = await stat(photo);
  const record = makeRecord({
    media: [
      {
        url: MEDIA,
        file: photo,
        contentType: 'image/svg+xml',
        size: info.size,
        mtimeMs: info.mtimeMs,
      },
    ],
  });

  const app = createApp();
  let port = 0;
  hardenApp(app, () => hostsOf(allowedOrigins('127.0.0.1', port)));
  app.get('/display', (request, reply) =>
    sendHtml(request, reply, record.page, `127.0.0.1:${port}`),
  );
  await registerAssets(app, rendererDir);
  registerMedia(app, async () => ({ ok: true, path: photo, info: await stat(photo) }));
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as AddressInfo).port;
  closing.push(() => app.close());

  const early = await listenWithKeptSlide({ host: '127.0.0.1', port: 0, record, rendererDir });
  closing.push(() => early.close());
  return { app: port, early };
}

/** Headers that name the moment or the listener's own port, made comparable. */
function comparable(reply: Reply, port: number) {
  const { date: _date, ...headers } = reply.headers;
  return {
    status: reply.status,
    body: reply.body,
    headers: JSON.parse(JSON.stringify(headers).replaceAll(String(port), 'PORT')),
  };
}

describe('the early server answers as the app does', () => {
  it.each([
    ["the display's page", PAGE, {}],
    ['a stylesheet', '/assets/index-abc.css', {}],
    ['a woff2 font', '/assets/inter.woff2', {}],
    ['a woff font', '/assets/inter.woff', {}],
    ['a picture of the slide (an SVG: sandboxed)', MEDIA, {}],
  ])('%s: the same status, headers and body', async (_name, url, headers) => {
    const { app, early } = await both();
    const fromApp = await get(app, url, { headers });
    const fromEarly = await get(early.port, url, { headers });
    expect(fromApp.status).toBe(200);
    expect(comparable(fromEarly, early.port)).toEqual(comparable(fromApp, app));
  });

  it.each([
    ['a stylesheet', '/assets/index-abc.css'],
    ['a picture', MEDIA],
  ])('%s revalidated: the same 304', async (_name, url) => {
    const { app, early } = await both();
    const etag = (await get(app, url)).headers.etag!;
    const fromApp = await get(app, url, { headers: { 'if-none-match': etag } });
    const fromEarly = await get(early.port, url, { headers: { 'if-none-match': etag } });
    expect(fromApp.status).toBe(304);
    expect(comparable(fromEarly, early.port)).toEqual(comparable(fromApp, app));
  });

  it('a foreign Host: the same 421', async () => {
    const { app, early } = await both();
    const fromApp = await get(app, PAGE, { host: 'rebound.example' });
    const fromEarly = await get(early.port, PAGE, { host: 'rebound.example' });
    expect(fromApp.status).toBe(421);
    expect(comparable(fromEarly, early.port)).toEqual(comparable(fromApp, app));
  });
});

import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  listenWithKeptSlide,
  type EarlyServer,
  type EarlyServerOptions,
} from '../../../../src/main/first-slide/early-server';
import type { KeptSlideRecord } from '../../../../src/main/first-slide/record';
import { FOREIGN_HOST_TEXT } from '../../../../src/main/server/host-check';
import {
  DISPLAY_TOKEN,
  KIOSK_TOKEN,
  get,
  makeRecord,
  settlesWithin,
  sleep,
  tempDir,
} from './helpers';

const PAGE = `/display?token=${DISPLAY_TOKEN}`;
const PHOTO_URL = `/media/photos/a.jpg?v=1&token=${DISPLAY_TOKEN}`;
const servers: EarlyServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

interface Setup {
  early: EarlyServer;
  record: KeptSlideRecord;
  photo: string;
  rendererDir: string;
}

/** A pack picture, a built renderer's stylesheet and font, and an early server for them. */
async function setup(
  options: Partial<EarlyServerOptions> = {},
  change: (record: KeptSlideRecord) => KeptSlideRecord = (r) => r,
): Promise<Setup> {
  const dir = await tempDir();
  const photo = path.join(dir, 'a.jpg');
  await writeFile(photo, 'jpeg bytes of the first slide');
  const rendererDir = path.join(dir, 'renderer');
  await mkdir(path.join(rendererDir, 'assets', 'sub'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<html>the app</html>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{margin:0}');
  await writeFile(path.join(rendererDir, 'assets', 'inter-400.woff2'), 'woff2 bytes');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(rendererDir, 'assets', '.hidden.css'), 'secret');
  await writeFile(path.join(rendererDir, 'assets', 'sub', 'x.css'), 'nested');
  await utimes(photo, 1_700_000_000, 1_700_000_000);
  const record = change(
    makeRecord({
      media: [
        {
          url: PHOTO_URL,
          file: photo,
          contentType: 'image/jpeg',
          size: 29,
          mtimeMs: 1_700_000_000_000,
        },
      ],
    }),
  );
  const early = await listenWithKeptSlide({
    host: '127.0.0.1',
    port: 0,
    record,
    rendererDir,
    idleMs: 10_000,
    maxWaitMs: 20_000,
    settleMs: 50,
    ...options,
  });
  servers.push(early);
  return { early, record, photo, rendererDir };
}

/** The app behind the hand-over: says which request it answered. */
const app = (
  request: import('node:http').IncomingMessage,
  response: import('node:http').ServerResponse,
) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end(`app: ${request.method} ${request.url}`);
};

describe('the early server, before the hand-over', () => {
  it("answers the display's page with the kept slide and the app's page headers", async () => {
    const { early, record } = await setup();
    const reply = await get(early.port, PAGE);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe(record.page);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
    expect(reply.headers['content-security-policy']).toContain(
      `connect-src 'self' ws://127.0.0.1:${early.port}`,
    );
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
    expect((await get(early.port, `/display/?token=${DISPLAY_TOKEN}`)).body).toBe(record.page);
    // The token as a browser may escape it is the same token.
    const escaped = `/display?token=${encodeURIComponent(DISPLAY_TOKEN).replace(/-/g, '%2D')}`;
    expect((await get(early.port, escaped)).body).toBe(record.page);
  });

  it("answers the kiosk (the display that npm start opens) with the same page, for the kiosk's own token", async () => {
    const { early, record } = await setup();
    for (const target of [`/kiosk?token=${KIOSK_TOKEN}`, `/kiosk/?token=${KIOSK_TOKEN}`]) {
      const reply = await get(early.port, target);
      expect(reply.status).toBe(200);
      expect(reply.body).toBe(record.page);
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    // The kiosk's page counts as a kept page asked for: its picture then wakes the core.
    expect(await settlesWithin(early.wake, 200)).toBe(false);
    await get(early.port, PHOTO_URL);
    expect(await settlesWithin(early.wake, 1_000)).toBe(true);
  });

  it('answers no kiosk page when the record has no kiosk token', async () => {
    const { early } = await setup({}, (record) => ({
      ...record,
      tokens: { display: DISPLAY_TOKEN },
    }));
    const reply = get(early.port, `/kiosk?token=${KIOSK_TOKEN}`);
    expect(await settlesWithin(early.wake, 1_000)).toBe(true);
    early.handOver(app);
    expect((await reply).body).toBe(`app: GET /kiosk?token=${KIOSK_TOKEN}`);
  });

  it('sends the slide picture with the media route headers, and a 304 for the held version', async () => {
    const { early } = await setup();
    const reply = await get(early.port, PHOTO_URL);
    expect(reply.status).toBe(200);
    expect(reply.body).toBe('jpeg bytes of the first slide');
    expect(reply.headers['content-type']).toBe('image/jpeg');
    expect(reply.headers['cache-control']).toBe('no-cache');
    expect(reply.headers['accept-ranges']).toBe('bytes');
    expect(reply.headers['content-length']).toBe('29');
    expect(reply.headers.etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+-[0-9a-z]+"$/);
    const again = await get(early.port, PHOTO_URL, {
      headers: { 'if-none-match': reply.headers.etag! },
    });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
  });

  it("sends the renderer's stylesheets and fonts with the static files' headers", async () => {
    const { early } = await setup();
    const css = await get(early.port, '/assets/index-abc.css');
    expect(css.status).toBe(200);
    expect(css.body).toBe('body{margin:0}');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.headers['cache-control']).toBe('public, max-age=0');
    expect(css.headers.etag).toMatch(/^W\/"e-[0-9a-f]+"$/);
    expect(css.headers['last-modified']).toBeDefined();
    const font = await get(early.port, '/assets/inter-400.woff2');
    expect(font.headers['content-type']).toBe('font/woff2');
    const revalidated = await get(early.port, '/assets/index-abc.css', {
      headers: { 'if-none-match': css.headers.etag! },
    });
    expect(revalidated.status).toBe(304);
  });

  it('refuses a Host the app would refuse with 421, and holds nothing for it', async () => {
    const { early } = await setup();
    const reply = await get(early.port, PAGE, { host: 'evil.example:80' });
    expect(reply.status).toBe(421);
    expect(reply.body).toBe(FOREIGN_HOST_TEXT);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(reply.headers.connection).toBe('close');
    expect(await settlesWithin(early.wake, 100)).toBe(false);
  });

  it('rejects when the port is taken, so the caller starts the usual way', async () => {
    const { early, rendererDir, record } = await setup();
    await expect(
      listenWithKeptSlide({ host: '127.0.0.1', port: early.port, record, rendererDir }),
    ).rejects.toThrow(/EADDRINUSE/);
  });

  it('answers under localhost too', async () => {
    const { early, record } = await setup();
    const reply = await get(early.port, PAGE, { host: `localhost:${early.port}` });
    expect(reply.body).toBe(record.page);
  });
});

describe('what the early server holds for the app', () => {
  const T = DISPLAY_TOKEN;
  it.each([
    ['the display without a token', '/display', 'GET'],
    ['a wrong token', '/display?token=display-token-0123456789abcdeX', 'GET'],
    ['a token one character short', `/display?token=${T.slice(0, -1)}`, 'GET'],
    ['the token and another parameter', `/display?token=${T}&lang=es`, 'GET'],
    ['the token twice', `/display?token=${T}&token=${T}`, 'GET'],
    ['an empty token', '/display?token=', 'GET'],
    ["another view with the display's token", `/operator?token=${T}`, 'GET'],
    ["the kiosk with the display's token", `/kiosk?token=${T}`, 'GET'],
    ["the display with the kiosk's token", `/display?token=${KIOSK_TOKEN}`, 'GET'],
    ["the operator with the kiosk's token", `/operator?token=${KIOSK_TOKEN}`, 'GET'],
    ['the kiosk and another parameter', `/kiosk?token=${KIOSK_TOKEN}&lang=es`, 'GET'],
    ['a path that only starts like the display', `/display/..%2f?token=${T}`, 'GET'],
    ['the display under another spelling', `/Display?token=${T}`, 'GET'],
    ['a POST to the page', PAGE, 'POST'],
    ['a HEAD of the page', PAGE, 'HEAD'],
    ["the renderer's script", '/assets/index-abc.js', 'GET'],
    ['a way out of the assets', '/assets/../index.html', 'GET'],
    ['an escaped way out of the assets', '/assets/..%2findex.html', 'GET'],
    ['a dotfile stylesheet', '/assets/.hidden.css', 'GET'],
    ['a stylesheet in a subfolder', '/assets/sub/x.css', 'GET'],
    ['a stylesheet that is not there', '/assets/missing.css', 'GET'],
    ['a stylesheet with a query', '/assets/index-abc.css?x=1', 'GET'],
    ['a media URL not in the record', `/media/photos/b.jpg?v=1&token=${T}`, 'GET'],
    ['the media URL with another version', `/media/photos/a.jpg?v=2&token=${T}`, 'GET'],
    ['the media URL without its token', '/media/photos/a.jpg?v=1', 'GET'],
    ['the home page', '/', 'GET'],
    ['the API', '/api/state', 'GET'],
  ])(
    'holds %s, wakes the core, and the app answers it after the hand-over',
    async (_n, url, method) => {
      const { early } = await setup();
      const reply = get(early.port, url, { method });
      expect(await settlesWithin(early.wake, 1_000)).toBe(true);
      expect(await settlesWithin(reply, 50)).toBe(false);
      early.handOver(app);
      const answered = await reply;
      expect(answered.status).toBe(200);
      if (method !== 'HEAD') expect(answered.body).toBe(`app: ${method} ${url}`);
    },
  );

  it('holds the media URL once its file changed, and the app answers it', async () => {
    const { early, photo } = await setup();
    await writeFile(photo, 'another picture, saved while the app was off');
    const reply = get(early.port, PHOTO_URL);
    expect(await settlesWithin(early.wake, 1_000)).toBe(true);
    early.handOver(app);
    expect((await reply).body).toBe(`app: GET ${PHOTO_URL}`);
  });

  it('holds the media URL when only its mtime changed', async () => {
    const { early, photo } = await setup();
    await utimes(photo, 1_700_000_001, 1_700_000_001);
    const reply = get(early.port, PHOTO_URL);
    await early.wake;
    early.handOver(app);
    expect((await reply).body).toBe(`app: GET ${PHOTO_URL}`);
  });

  it("never serves a record's media whose URL lacks the display's token", async () => {
    const url = '/media/photos/a.jpg?v=1&token=operator-token-0123456789abcdef';
    const { early } = await setup({}, (record) => ({
      ...record,
      media: record.media.map((m) => ({ ...m, url })),
    }));
    const reply = get(early.port, url);
    await early.wake;
    early.handOver(app);
    expect((await reply).body).toBe(`app: GET ${url}`);
  });

  it('keeps the order of held requests, and sends later ones straight to the app', async () => {
    const { early } = await setup();
    const order: string[] = [];
    const first = get(early.port, '/operator');
    await early.wake;
    const second = get(early.port, '/stage');
    await sleep(50);
    early.handOver((request, response) => {
      order.push(request.url!);
      app(request, response);
    });
    await Promise.all([first, second]);
    expect((await get(early.port, PAGE)).body).toBe(`app: GET ${PAGE}`);
    expect(order).toEqual(['/operator', '/stage', PAGE]);
  });

  it('holds a socket handshake and gives it to the app after the hand-over', async () => {
    const { early } = await setup();
    const upgraded = new Promise<string>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: early.port,
        path: `/ws?token=${DISPLAY_TOKEN}`,
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
      });
      req.on('upgrade', (response, socket) => {
        socket.destroy();
        resolve(String(response.headers['x-answered-by']));
      });
      req.on('response', () => reject(new Error('answered as a plain request')));
      req.on('error', reject);
      req.end();
    });
    expect(await settlesWithin(early.wake, 1_000)).toBe(true);
    expect(await settlesWithin(upgraded, 50)).toBe(false);
    early.server.on('upgrade', (_request, socket) => {
      socket.end(
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nX-Answered-By: app\r\n\r\n',
      );
    });
    early.handOver(app);
    expect(await upgraded).toBe('app');
  });

  it("leaves a handshake to the app's own listener once it has one, even before the hand-over", async () => {
    const { early } = await setup();
    let answered = 0;
    early.server.on('upgrade', (_request, socket) => {
      answered++;
      socket.end(
        'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
      );
    });
    const upgraded = new Promise<void>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: early.port,
        path: '/ws',
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
      });
      req.on('upgrade', (_response, socket) => {
        socket.destroy();
        resolve();
      });
      req.on('error', reject);
      req.end();
    });
    expect(await settlesWithin(upgraded, 1_000)).toBe(true);
    early.handOver(app);
    // Not held as well, so not given to the app a second time.
    await sleep(50);
    expect(answered).toBe(1);
  });

  it('closes a held handshake when the app has no socket of its own', async () => {
    const { early } = await setup();
    const closed = new Promise<void>((resolve) => {
      const req = request({
        host: '127.0.0.1',
        port: early.port,
        path: '/ws',
        headers: { connection: 'Upgrade', upgrade: 'websocket' },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.end();
    });
    await early.wake;
    early.handOver(app);
    expect(await settlesWithin(closed, 1_000)).toBe(true);
  });

  it('drops what it holds when closed', async () => {
    const { early } = await setup();
    const reply = get(early.port, '/operator');
    await early.wake;
    servers.splice(servers.indexOf(early), 1);
    await early.close();
    await expect(reply).rejects.toThrow();
  });
});

describe('when the early server wakes the core', () => {
  it('after the page and its picture have gone out, and the settle time after that', async () => {
    const { early } = await setup({ settleMs: 150 });
    await get(early.port, PAGE);
    // The page alone is not enough: its picture is still to go.
    expect(await settlesWithin(early.wake, 300)).toBe(false);
    await get(early.port, '/assets/index-abc.css');
    expect(await settlesWithin(early.wake, 300)).toBe(false);
    await get(early.port, PHOTO_URL);
    const sent = Date.now();
    await early.wake;
    expect(Date.now() - sent).toBeGreaterThanOrEqual(140);
    expect(Date.now() - sent).toBeLessThan(2_000);
  });

  it("holds the kept page's scripts without waking the core before the picture is out", async () => {
    const { early } = await setup({ settleMs: 50 });
    await get(early.port, PAGE);
    const script = get(early.port, '/assets/index-abc.js');
    expect(await settlesWithin(early.wake, 300)).toBe(false);
    expect(await settlesWithin(script, 10)).toBe(false);
    await get(early.port, PHOTO_URL);
    expect(await settlesWithin(early.wake, 1_000)).toBe(true);
    early.handOver(app);
    expect((await script).body).toBe('app: GET /assets/index-abc.js');
  });

  it('at once on a request only the core can answer, even while the picture is due', async () => {
    const { early } = await setup();
    await get(early.port, PAGE);
    void get(early.port, '/api/state').catch(() => {});
    expect(await settlesWithin(early.wake, 200)).toBe(true);
  });

  it('after maxWaitMs, not idleMs, when nobody asks for the kept page (a browser may still be starting)', async () => {
    const { early } = await setup({ idleMs: 100, maxWaitMs: 600 });
    const listened = Date.now();
    expect(await settlesWithin(early.wake, 400)).toBe(false);
    await early.wake;
    expect(Date.now() - listened).toBeGreaterThanOrEqual(590);
  });

  it('after idleMs when the page was asked but its picture never was', async () => {
    const { early } = await setup({ idleMs: 300 });
    await get(early.port, PAGE);
    const asked = Date.now();
    await early.wake;
    expect(Date.now() - asked).toBeGreaterThanOrEqual(290);
  });

  it('after idleMs even while stylesheets are asked (they need no token)', async () => {
    const { early } = await setup({ idleMs: 300 });
    await get(early.port, PAGE);
    const asked = Date.now();
    while (Date.now() - asked < 600 && !(await settlesWithin(early.wake, 0))) {
      await get(early.port, '/assets/index-abc.css');
      await sleep(50);
    }
    await early.wake;
    expect(Date.now() - asked).toBeLessThan(500);
  });

  it('after maxWaitMs at the latest, even while the display keeps asking', async () => {
    const { early } = await setup({ idleMs: 300, maxWaitMs: 700 });
    const listened = Date.now();
    while (!(await settlesWithin(early.wake, 0))) {
      await get(early.port, PAGE);
      await sleep(100);
      expect(Date.now() - listened).toBeLessThan(2_000);
    }
    expect(Date.now() - listened).toBeGreaterThanOrEqual(690);
  });

  it('after the page and the settle time when the slide has no media', async () => {
    const { early } = await setup({ settleMs: 50 }, (record) => ({ ...record, media: [] }));
    await get(early.port, PAGE);
    expect(await settlesWithin(early.wake, 1_000)).toBe(true);
  });
});

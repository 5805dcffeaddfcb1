// The server listens before the app behind it is built (`listenEarly`): what it answers
// meanwhile must be what the app would answer, headers included, and nothing more.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startShowServer, type ShowServer } from '../../../../src/main/core/show-server';
import { listenEarly, type EarlyListener } from '../../../../src/main/server/early-listener';
import { ShowEngine } from '../../../../src/main/show/engine';
import { CLOSE_UNAUTHORIZED, SOCKET_PATH } from '../../../../src/shared/protocol';
import { caseItem, playlist, snapshot } from '../show/content-fixtures';
import { FakeStore, getRaw, makeFixture, type HttpResult } from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let early: EarlyListener;
let engine: ShowEngine | null = null;
let app: ShowServer | null = null;

beforeEach(async () => {
  fixture = makeFixture();
  early = await listenEarly({ host: '127.0.0.1', port: 0, rendererDir: fixture.rendererDir });
});

afterEach(async () => {
  if (app) await app.close();
  else await early.close();
  app = null;
  engine?.stop();
  engine = null;
  fixture.cleanup();
});

/** The app built on the early listener: it takes every request over once it is ready. */
async function startApp(): Promise<ShowServer> {
  const store = new FakeStore(fixture.packDir, snapshot([caseItem('a'), playlist('main', ['a'])]));
  engine = new ShowEngine(store.snapshot());
  app = await startShowServer({
    store,
    engine,
    rendererDir: fixture.rendererDir,
    port: 0,
    early,
    lanAddresses: () => ['127.0.0.1'],
  });
  return app;
}

/** What a browser sees of a reply, minus the one header that differs by the second. */
function seen(result: HttpResult) {
  const { date: _date, ...headers } = result.headers;
  return { status: result.status, headers, body: result.body };
}

const own = () => ({ host: `127.0.0.1:${early.port}` });

/** Requests the early listener answers itself: pages, the hashed assets, a foreign host. */
const EARLY_REQUESTS: [string, Record<string, string>][] = [
  ['/display', {}],
  ['/display/', {}],
  ['/overlay/ticker', {}],
  ['/assets/app.js', {}],
  ['/assets/app.js', { range: 'bytes=0-6' }],
  ['/display', { host: 'evil.example:80' }],
  ['/assets/app.js', { host: `evil.example:1234` }],
];

describe('listenEarly', () => {
  it('answers pages, assets and foreign hosts with the same status, headers and body as the app', async () => {
    const before = [];
    for (const [path, headers] of EARLY_REQUESTS) {
      before.push(seen(await getRaw(early.port, path, { ...own(), ...headers })));
    }
    await startApp();
    const after = [];
    for (const [path, headers] of EARLY_REQUESTS) {
      after.push(seen(await getRaw(early.port, path, { ...own(), ...headers })));
    }
    expect(before.map((r) => r.status)).toEqual([200, 200, 200, 200, 206, 421, 421]);
    expect(before[0]!.headers['content-security-policy']).toContain("script-src 'self'");
    expect(before[0]!.headers['x-content-type-options']).toBe('nosniff');
    expect(before[2]!.body).toContain('class="overlay-page"');
    expect(before).toEqual(after);
  });

  it('holds everything else for the app: media, the home page with its tokens, misses, other methods', async () => {
    const held = [
      getRaw(early.port, '/', own()),
      getRaw(early.port, '/media/photo.png', own()),
      getRaw(early.port, '/assets/missing.js', own()),
      getRaw(early.port, '/assets/../index.html', own()),
      getRaw(early.port, '/assets/%2e%2e/index.html', own()),
      getRaw(early.port, '/display', own(), 'HEAD'),
    ];
    let answered = false;
    void Promise.all(held).then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Nothing about the show, the pack or the tokens goes out before the app can decide it.
    expect(answered).toBe(false);
    const server = await startApp();
    const [home, media, missing, up, upEncoded, head] = await Promise.all(held);
    expect(home!.status).toBe(200);
    expect(home!.body).toContain(server.tokens.display);
    // The app's own answers: no token, no media; misses and escapes are the app's 404s.
    expect(media!.status).toBe(401);
    expect([missing!.status, up!.status, upEncoded!.status]).toEqual([404, 404, 404]);
    expect(head!.status).toBe(200);
  });

  it("holds a socket's handshake until the app is up, then the app admits or refuses it", async () => {
    const url = `ws://127.0.0.1:${early.port}${SOCKET_PATH}?role=display&token=`;
    const origin = `http://127.0.0.1:${early.port}`;
    let settled = false;
    const wrong = new Promise<number>((resolve) => {
      const ws = new WebSocket(url + 'x', { origin });
      ws.on('close', (code) => resolve(code));
      ws.on('error', () => {});
    }).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).toBe(false);
    const server = await startApp();
    expect(await wrong).toBe(CLOSE_UNAUTHORIZED);
    const welcome = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(url + server.tokens.display, { origin });
      ws.on('message', (data) => {
        resolve((JSON.parse(String(data)) as { type: string }).type);
        ws.terminate();
      });
      ws.on('error', reject);
    });
    expect(welcome).toBe('welcome');
  });
});

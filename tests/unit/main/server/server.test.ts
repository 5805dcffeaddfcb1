import { markOverlayPage } from '../../../../src/main/server/http';
import { translate } from '../../../../src/shared/i18n';
import {
  coreText,
  renderText,
  type LocalizedText,
} from '../../../../src/shared/protocol/localized-text';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startShowServer, type ShowServer } from '../../../../src/main/core/show-server';
import { ShowEngine } from '../../../../src/main/show/engine';
import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_UNAUTHORIZED,
  viewRoles,
  type Command,
} from '../../../../src/shared/protocol';
import { caseItem, drawing, playlist, snapshot, statement } from '../show/content-fixtures';
import {
  socketClients,
  startTestServer,
  stopTestServer,
  FakeStore,
  PNG,
  TestClient,
  get,
  getRaw,
  makeFixture,
} from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let store: FakeStore;
let engine: ShowEngine;
let server: ShowServer;

const content = () =>
  snapshot([
    caseItem('a'),
    // A picture the fixture pack has (`makeFixture`).
    drawing('b', { image: 'media/photo.png' }),
    statement('c'),
    playlist('main', ['a', 'b', 'c']),
  ]);

const { clients, connect, connected } = socketClients(() => server);

beforeEach(async () => {
  ({ fixture, store, engine, server } = await startTestServer(content()));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  await stopTestServer({ server, engine, fixture });
});

describe('startServer', () => {
  it('listens on 127.0.0.1 with a random token per role', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
    const tokens = Object.values(server.tokens);
    expect(tokens).toHaveLength(viewRoles.length);
    expect(new Set(tokens).size).toBe(viewRoles.length);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('keeps tokens it is given', async () => {
    const other = await startShowServer({
      store,
      engine,
      rendererDir: fixture.rendererDir,
      port: 0,
      tokens: { display: 'display-token-0123456789' },
    });
    expect(other.tokens.display).toBe('display-token-0123456789');
    await other.close();
  });
});

describe('WebSocket', () => {
  it("refuses a missing, wrong or other role's token, and an unknown role", async () => {
    const cases = [
      connect('display', undefined),
      connect('display', 'wrong'),
      connect('display', server.tokens.operator),
      connect('operator', server.tokens.display),
      connect('admin', server.tokens.operator),
      // A kiosk URL is not an operator URL, nor the other way round.
      connect('kiosk', server.tokens.display),
      connect('operator', server.tokens.kiosk),
    ];
    const closes = await Promise.all(cases.map((c) => c.closed));
    for (const close of closes) expect(close.code).toBe(CLOSE_UNAUTHORIZED);
    expect(closes[0]!.reason).toBe('missing token for the display role');
    expect(closes[1]!.reason).toBe('wrong token for the display role');
    expect(closes[4]!.reason).toBe(
      'unknown role; use one of display, kiosk, operator, overlay, remote, stage',
    );
  });

  it('refuses a page from a foreign origin, accepts its own origin', async () => {
    const foreign = connect('display', server.tokens.display, 'http://evil.example');
    expect((await foreign.closed).code).toBe(CLOSE_FORBIDDEN_ORIGIN);
    const rebound = connect('display', server.tokens.display, `http://evil.example:${server.port}`);
    expect((await rebound.closed).code).toBe(CLOSE_FORBIDDEN_ORIGIN);
    for (const origin of [`http://127.0.0.1:${server.port}`, `http://localhost:${server.port}`]) {
      const own = connect('display', server.tokens.display, origin);
      expect((await own.next()).type).toBe('welcome');
    }
  });

  it('greets with welcome, content and show, in that order', async () => {
    const client = connect('display', server.tokens.display);
    const welcome = await client.next();
    expect(welcome).toMatchObject({ type: 'welcome', protocol: 1, role: 'display' });
    expect(welcome.type === 'welcome' && welcome.clientId.length).toBeGreaterThan(0);
    const contentMessage = await client.next();
    expect(contentMessage.type).toBe('content');
    expect(
      contentMessage.type === 'content' && contentMessage.content.items.map((i) => i.id),
    ).toEqual(['a', 'b', 'c', 'main']);
    const show = await client.next();
    expect(show).toMatchObject({ type: 'show', show: { playlistId: 'main', itemId: 'a' } });
  });

  it('runs an operator command and shows the result to every client', async () => {
    const display = await connected('display');
    const operator = await connected('operator');
    operator.send({ type: 'command', requestId: 'r1', command: { name: 'next' } });
    expect((await display.nextOf('show')).show.itemId).toBe('b');
    expect(await operator.nextOf('result')).toEqual({ type: 'result', requestId: 'r1', ok: true });
    expect(engine.state().itemId).toBe('b');
  });

  it('refuses a command the role may not send', async () => {
    const display = await connected('display');
    display.send({ type: 'command', requestId: 'r2', command: { name: 'next' } });
    expect(await display.next()).toEqual({
      type: 'result',
      requestId: 'r2',
      ok: false,
      error: expect.objectContaining({ message: 'the display role may not send next' }),
    });
    // The remote role connects only while the phone remote is on.
    expect(await server.remote.enable()).toEqual({ ok: true });
    const remote = await connected('remote');
    remote.send({ type: 'command', requestId: 'r3', command: { name: 'goTo', itemId: 'c' } });
    expect(await remote.next()).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: 'the remote role may not send goTo' }),
    });
    expect(engine.state().itemId).toBe('a');
  });

  it('lets the kiosk run its keys and switch safe mode on, but not off, and not goTo', async () => {
    const kiosk = await connected('kiosk');
    const send = async (requestId: string, command: Command) => {
      kiosk.send({ type: 'command', requestId, command });
      return kiosk.nextOf('result');
    };
    expect(await send('k1', { name: 'next' })).toEqual({
      type: 'result',
      requestId: 'k1',
      ok: true,
    });
    expect(engine.state().itemId).toBe('b');
    expect(await send('k2', { name: 'safeMode', on: true })).toMatchObject({ ok: true });
    expect(engine.state().safeMode).toBe(true);
    expect(await send('k3', { name: 'safeMode', on: false })).toEqual({
      type: 'result',
      requestId: 'k3',
      ok: false,
      error: expect.objectContaining({ message: 'only the operator can turn safe mode off' }),
    });
    expect(await send('k4', { name: 'goTo', itemId: 'a' })).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: 'the kiosk role may not send goTo' }),
    });
    expect(engine.state()).toMatchObject({ safeMode: true });
    expect(engine.state().itemId).not.toBe('a');
  });

  it('lets a display send nothing at all', async () => {
    const display = await connected('display');
    const commands: Command[] = [
      { name: 'next' },
      { name: 'previous' },
      { name: 'pause' },
      { name: 'resume' },
      { name: 'togglePause' },
      { name: 'goTo', itemId: 'c' },
      { name: 'setPlaylist', playlistId: 'main' },
      { name: 'blackout', on: true },
      { name: 'safeMode', on: true },
    ];
    const before = engine.state();
    for (const [i, command] of commands.entries()) {
      display.send({ type: 'command', requestId: `d${i}`, command });
      expect(await display.nextOf('result')).toEqual({
        type: 'result',
        requestId: `d${i}`,
        ok: false,
        error: expect.objectContaining({
          message: `the display role may not send ${command.name}`,
        }),
      });
    }
    // One read: two could straddle a millisecond.
    const after = engine.state();
    expect(after).toEqual({ ...before, serverTime: after.serverTime });
  });

  it("passes on the engine's refusals", async () => {
    const operator = await connected('operator');
    operator.send({
      type: 'command',
      requestId: 'r4',
      command: { name: 'goTo', itemId: 'nobody' },
    });
    expect(await operator.next()).toEqual({
      type: 'result',
      requestId: 'r4',
      ok: false,
      // Words the console shows in its reader's language: the key and what fills it.
      error: {
        message: 'no item with id "nobody"',
        key: 'core:show.noItem',
        params: { id: 'nobody' },
      },
    });
  });

  it('sends a refusal as a core key with its parameters, which reads in every language', async () => {
    const display = await connected('display');
    display.send({ type: 'command', requestId: 'd1', command: { name: 'next' } });
    const answer = await display.next();
    expect(answer).toEqual({
      type: 'result',
      requestId: 'd1',
      ok: false,
      error: {
        message: 'the display role may not send next',
        key: 'core:command.roleMayNot',
        params: { role: 'display', command: 'next' },
      },
    });
    if (answer.type !== 'result' || answer.ok) throw new Error('expected a refusal');
    expect(renderText(translate('ru', 'core'), answer.error)).toBe(
      'роль display не может отправлять next',
    );
  });

  it('answers bad messages with ok:false and stays connected', async () => {
    const operator = await connected('operator');
    operator.send('{not json');
    expect(await operator.next()).toEqual({
      type: 'result',
      requestId: '',
      ok: false,
      error: expect.objectContaining({ message: 'the message is not valid JSON' }),
    });
    operator.send({ type: 'hello', requestId: 'x1' });
    expect(await operator.next()).toEqual({
      type: 'result',
      requestId: 'x1',
      ok: false,
      error: expect.objectContaining({
        message: 'unknown message type "hello"; expected "command"',
      }),
    });
    operator.send({ type: 'command', requestId: 'x2', command: { name: 'explode' } });
    expect(await operator.next()).toMatchObject({
      requestId: 'x2',
      ok: false,
      error: expect.objectContaining({
        message: expect.stringMatching(
          /^unknown command "explode"; expected one of next, previous/,
        ),
      }),
    });
    operator.send({ type: 'command', requestId: 'x3', command: { name: 'goTo' } });
    expect(await operator.next()).toMatchObject({
      requestId: 'x3',
      ok: false,
      error: expect.objectContaining({
        message: expect.stringContaining('invalid goTo command: command.itemId'),
      }),
    });
    operator.send([1, 2]);
    expect(await operator.next()).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('JSON object') }),
    });
    operator.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await operator.next()).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('binary') }),
    });

    operator.send({ type: 'command', requestId: 'ok', command: { name: 'next' } });
    expect(await operator.nextOf('result')).toEqual({ type: 'result', requestId: 'ok', ok: true });
  });

  it('closes a connection that sends more than 64 KiB at once', async () => {
    const operator = await connected('operator');
    operator.send('x'.repeat(65 * 1024));
    expect((await operator.closed).code).toBe(1009);
  });

  it('broadcasts new content and the show that follows it', async () => {
    const display = await connected('display');
    const next = snapshot([caseItem('a'), statement('z'), playlist('main', ['z', 'a'])], {}, 2);
    store.replace(next);
    engine.setContent(next);
    const contentMessage = await display.next();
    expect(contentMessage.type === 'content' && contentMessage.content.revision).toBe(2);
    const show = await display.next();
    expect(show.type === 'show' && show.show.order).toEqual(['z', 'a']);
  });

  it('closes clients when the server closes', async () => {
    const display = await connected('display');
    await server.close();
    expect((await display.closed).code).toBe(1001);
  });
});

describe('operator-only messages', () => {
  it('greets an operator with clients, remote and notices, after the show state', async () => {
    const display = await connected('display');
    const operator = connect('operator', server.tokens.operator);
    const types: string[] = [];
    for (let i = 0; i < 7; i++) types.push((await operator.next()).type);
    expect(types).toEqual([
      'welcome',
      'content',
      'show',
      'clients',
      'remote',
      'screens',
      'notices',
    ]);
    display.close();
    const update = await operator.nextOf('clients');
    expect(update.clients.map((c) => c.role)).toEqual(['operator']);
  });

  it('lists every client with its role, address and agent, and updates on each change', async () => {
    const operator = await connected('operator');
    const overlay = new TestClient(
      `ws://127.0.0.1:${server.port}/ws?role=overlay&token=${server.tokens.overlay}`,
      { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/103.0 OBS/29.0.2' } },
    );
    clients.push(overlay);
    const joined = await operator.nextOf('clients');
    expect(joined.clients).toEqual([
      expect.objectContaining({ role: 'operator', address: '127.0.0.1', deviceId: null }),
      {
        id: expect.any(String),
        role: 'overlay',
        address: '127.0.0.1',
        agent: 'OBS on Linux',
        connectedAt: expect.any(Number),
        deviceId: null,
      },
    ]);
    overlay.close();
    expect((await operator.nextOf('clients')).clients.map((c) => c.role)).toEqual(['operator']);
  });

  it('sends the notices, and again when one is added', async () => {
    const list: LocalizedText[] = [
      coreText('notice.positionCorrupt', { detail: 'not JSON', movedTo: 'show-position.json.x' }),
    ];
    const listeners = new Set<() => void>();
    const other = await startShowServer({
      store,
      engine,
      rendererDir: fixture.rendererDir,
      port: 0,
      notices: {
        list: () => list,
        subscribe: (listener) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      },
    });
    try {
      const operator = new TestClient(
        `ws://127.0.0.1:${other.port}/ws?role=operator&token=${other.tokens.operator}`,
      );
      clients.push(operator);
      const first = (await operator.nextOf('notices')).notices;
      expect(first).toEqual(list);
      expect(first[0]).toMatchObject({
        key: 'core:notice.positionCorrupt',
        params: { detail: 'not JSON', movedTo: 'show-position.json.x' },
      });
      expect(renderText(translate('fr', 'core'), first[0]!)).toMatch(
        /^La position enregistrée du spectacle n’a pas pu être lue \(not JSON\).*mode sécurisé/,
      );
      list.push(coreText('notice.newTokens'));
      for (const listener of listeners) listener();
      expect((await operator.nextOf('notices')).notices).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('never sends them to the other roles', async () => {
    await server.remote.enable();
    const others = (['display', 'kiosk', 'overlay', 'remote'] as const).map((role) => {
      const client = connect(role, server.tokens[role]);
      const types: string[] = [];
      client.ws.on('message', (data) =>
        types.push((JSON.parse(String(data)) as { type: string }).type),
      );
      return { role, client, types };
    });
    for (const { client } of others) await client.nextOf('show');
    const operator = await connected('operator');
    operator.close();
    await operator.closed;
    server.remote.disable('test');
    await connected('display');
    for (const { role, types } of others.filter((o) => o.role !== 'remote')) {
      expect(new Set(types), role).toEqual(new Set(['welcome', 'content', 'show']));
    }
  });
});

describe('HTTP', () => {
  it('serves a pack image with its type', async () => {
    const res = await get(server.port, '/media/media/photo.png');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(res.body, 'latin1').length).toBeGreaterThan(0);
    expect(Number(res.headers['content-length'])).toBe(PNG.length);
    expect((await get(server.port, '/media/media/font.woff2')).headers['content-type']).toBe(
      'font/woff2',
    );
  });

  it('sandboxes SVG', async () => {
    const res = await get(server.port, '/media/media/logo.svg');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
    expect(res.headers['content-security-policy']).toMatch(/(^|;\s*)sandbox(;|$)/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    '/media/../package.json',
    '/media/../outside.png',
    '/media/%2e%2e/outside.png',
    '/media/media/%2e%2e/%2e%2e/outside.png',
    '/media/..%2foutside.png',
    '/media/..%5coutside.png',
    `/media/${encodeURIComponent('/etc/passwd')}`,
    '/media//etc/hostname.png',
    `/media/${encodeURIComponent(`${process.cwd()}/resources/x.png`)}`,
    '/media/media/escape.png',
    '/media/media/notes.txt',
    '/media/media/missing.png',
    '/media/media',
    '/media/',
  ])('refuses %s with a bare 404', async (rawPath) => {
    const res = await get(server.port, rawPath);
    expect(res.status).toBe(404);
    expect(res.body).toBe('Not found\n');
    expect(res.body).not.toContain(fixture.root);
  });

  it('serves the app for every view with the security headers', async () => {
    for (const p of [
      '/display',
      '/kiosk',
      '/operator',
      '/overlay',
      '/overlay/lower-third',
      '/remote',
      '/display/',
    ]) {
      const res = await get(server.port, p);
      expect(res.status, p).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('<div id="root">');
      // Relative asset links would break under /overlay/lower-third.
      expect(res.body).toContain('src="/assets/app.js"');
      expect(res.body).toContain('href="/assets/app.css"');
      // Only overlay pages start transparent (OBS paints them from the first frame).
      expect(res.body.includes('<html class="overlay-page"'), p).toBe(p.startsWith('/overlay'));
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
      expect(csp).toContain("img-src 'self' data: blob:");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('names the picture on air in the display’s page, for its own token only', async () => {
    const hint = /<link rel="preload" as="image" fetchpriority="high" href="([^"]+)">/;
    // The case on air has no picture: nothing to name.
    expect((await get(server.port, `/display?token=${server.tokens.display}`)).body).not.toMatch(
      hint,
    );
    const operator = await connected('operator');
    operator.send({ type: 'command', requestId: 'r1', command: { name: 'next' } });
    await operator.nextOf('result');
    expect(engine.state().itemId).toBe('b');
    const page = await get(server.port, `/display?token=${server.tokens.display}`);
    const href = hint.exec(page.body)?.[1]?.replaceAll('&#38;', '&');
    expect(href).toBe(`/media/media/photo.png?token=${server.tokens.display}`);
    // The very address the page's slide asks for, and the core serves it.
    const picture = await getRaw(server.port, href!);
    expect(picture.status).toBe(200);
    expect(picture.headers['content-type']).toBe('image/png');
    const kiosk = await get(server.port, `/kiosk/?token=${server.tokens.kiosk}`);
    expect(kiosk.body).toContain(`token=${server.tokens.kiosk}"`);
    for (const other of [
      '/display',
      '/display?token=wrong',
      `/display?token=${server.tokens.kiosk}`,
      `/display?token=${server.tokens.operator}`,
      `/display?token=wrong&token=${server.tokens.display}`,
      `/kiosk?token=${server.tokens.display}`,
      `/operator?token=${server.tokens.operator}`,
      `/overlay?token=${server.tokens.overlay}`,
      `/stage?token=${server.tokens.stage}`,
    ]) {
      const res = await get(server.port, other);
      expect(res.status, other).toBe(200);
      expect(res.body, other).not.toMatch(hint);
      expect(res.body, other).not.toContain('/media/');
    }
  });

  it('refuses a strange Host header and echoes none of it', async () => {
    const res = await get(server.port, '/display', { Host: "x; script-src 'unsafe-inline'" });
    expect(res.status).toBe(421);
    expect(res.headers['content-security-policy']).toBeUndefined();
    expect(res.body).not.toContain('script-src');
    const own = await get(server.port, '/display');
    expect(String(own.headers['content-security-policy'])).toContain(
      `ws://127.0.0.1:${server.port}`,
    );
  });

  it('serves assets but no directory listing', async () => {
    const asset = await get(server.port, '/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect((await get(server.port, '/assets/')).status).toBe(404);
    expect((await get(server.port, '/assets/../index.html')).status).toBe(404);
    expect((await get(server.port, '/nothing-here')).status).toBe(404);
  });

  it('lists the views with token links at / for this machine only', async () => {
    const local = await get(server.port, '/', { Host: `127.0.0.1:${server.port}` });
    expect(local.status).toBe(200);
    expect(local.headers['content-security-policy']).toBeDefined();
    for (const role of ['display', 'kiosk', 'operator', 'overlay', 'remote'] as const) {
      expect(local.body).toContain(`/${role}?token=${server.tokens[role]}`);
    }
    const byName = await get(server.port, '/', { Host: `localhost:${server.port}` });
    expect(byName.body).toContain(server.tokens.display);

    // A DNS-rebinding page reaches us from loopback, but under its own host name: refused.
    const rebound = await get(server.port, '/', { Host: `evil.example:${server.port}` });
    expect(rebound.status).toBe(421);
    for (const token of Object.values(server.tokens)) expect(rebound.body).not.toContain(token);
  });
});

describe('without a built renderer', () => {
  it('says how to build it', async () => {
    const bare = await startShowServer({
      store,
      engine,
      rendererDir: `${fixture.root}/nope`,
      port: 0,
    });
    const res = await get(bare.port, '/display');
    expect(res.status).toBe(503);
    expect(res.body).toContain('npm run build');
    expect((await get(bare.port, '/assets/app.js')).status).toBe(404);
    await bare.close();
  });
});

describe('markOverlayPage', () => {
  it('marks the html element so the page is transparent before any script runs', () => {
    expect(markOverlayPage('<!doctype html><html lang="en"><head></head></html>')).toBe(
      '<!doctype html><html class="overlay-page" lang="en"><head></head></html>',
    );
    expect(markOverlayPage('<html><body></body></html>')).toBe(
      '<html class="overlay-page"><body></body></html>',
    );
  });
});

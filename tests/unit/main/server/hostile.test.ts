/**
 * Issue 11, "No view token may hurt the core": what someone holding only a view's address or
 * token (or a page on another site, through DNS rebinding) can send to a real server. Every
 * case must get a bounded, plain refusal; the core must keep serving the others.
 */
import { linkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ShowServer } from '../../../../src/main/core/show-server';
import { MAX_MESSAGE_DEPTH } from '../../../../src/main/server/bad-message';
import { ShowEngine } from '../../../../src/main/show/engine';
import type { ServerMessage } from '../../../../src/shared/protocol';
import { caseItem, drawing, playlist, snapshot, statement } from '../show/content-fixtures';
import {
  PNG,
  getRaw,
  TestClient,
  makeFixture,
  socketClients,
  startTestServer,
  stopTestServer,
} from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let engine: ShowEngine;
let server: ShowServer;

// A photo shown without consent (never served), a sensitive drawing (not served in safe
// mode) and a plain one, each a file of its own.
const content = () =>
  snapshot([
    caseItem('a', { photo: { file: 'media/secret.png', consent: false } }),
    statement('b'),
    statement('c'),
    drawing('face', { image: 'media/face.png', sensitive: true }),
    drawing('free', { image: 'media/free.png', sensitive: false }),
    playlist('main', ['a', 'b', 'c', 'face', 'free']),
  ]);

const { clients, connected } = socketClients(() => server);

async function resultOf(
  client: TestClient,
  requestId: string,
): Promise<Extract<ServerMessage, { type: 'result' }>> {
  for (;;) {
    const result = await client.nextOf('result');
    if (result.requestId === requestId) return result;
  }
}

async function run(client: TestClient, requestId: string, command: unknown) {
  client.send({ type: 'command', requestId, command });
  return resultOf(client, requestId);
}

const nested = (open: string, close: string, levels: number, inner = '') =>
  open.repeat(levels) + inner + close.repeat(levels);

beforeAll(async () => {
  ({ fixture, engine, server } = await startTestServer(content()));
  const media = path.join(fixture.packDir, 'media');
  for (const name of ['secret.png', 'face.png', 'free.png'])
    writeFileSync(path.join(media, name), PNG);
  // Other names for the withheld photo, inside the pack: a link and a hard link.
  symlinkSync(path.join(media, 'secret.png'), path.join(media, 'alias.png'));
  linkSync(path.join(media, 'secret.png'), path.join(media, 'hard.png'));
});

afterEach(() => {
  for (const client of clients.splice(0)) client.ws.terminate();
});

afterEach(() => {
  if (engine.state().safeMode) engine.execute({ name: 'safeMode', on: false });
});

afterAll(async () => {
  await stopTestServer({ server, engine, fixture });
});

describe('deeply nested JSON over a view socket', () => {
  // Each is under the 64 KiB frame limit: 30,000 levels of `[` fit in 60 KB.
  const frames: [string, string][] = [
    ['as the message', nested('[', ']', 30_000)],
    ['as its type', `{"type":${nested('[', ']', 30_000)}}`],
    ['as its requestId', `{"type":"command","requestId":${nested('[', ']', 30_000)}}`],
    ['as the command', `{"type":"command","requestId":"r","command":${nested('[', ']', 30_000)}}`],
    [
      'as the command name',
      `{"type":"command","requestId":"r","command":{"name":${nested('{"a":', '}', 10_000, '1')}}}`,
    ],
    [
      'in a field',
      `{"type":"command","requestId":"r","command":{"name":"goTo","itemId":${nested('[', ']', 30_000)}}}`,
    ],
    [
      'as an unknown key',
      `{"type":"command","requestId":"r","command":{"name":"next","x":${nested('[', ']', 30_000)}}}`,
    ],
    ['unclosed', '{"type":' + '['.repeat(60_000)],
  ];

  it.each(frames)('is refused %s, and the show goes on for everyone', async (_where, frame) => {
    const display = await connected('display');
    const abuser = await connected('overlay');
    const operator = await connected('operator');
    abuser.send(frame);
    const refused = await abuser.nextOf('result');
    expect(refused.ok).toBe(false);
    expect(refused).toMatchObject({ requestId: '' });
    // Short whatever was sent: the English and its parameters together.
    if (!refused.ok) expect(JSON.stringify(refused.error).length).toBeLessThan(400);
    // The core is alive: the abuser's socket and everyone else's still work.
    expect((await run(abuser, 'still', { name: 'next' })).ok).toBe(false);
    expect((await run(operator, 'after', { name: 'goTo', itemId: 'c' })).ok).toBe(true);
    for (;;) if ((await display.nextOf('show')).show.itemId === 'c') break;
  });

  it(`says how deep a message may nest (${MAX_MESSAGE_DEPTH} levels) and takes that much`, async () => {
    const operator = await connected('operator');
    operator.send(
      `{"type":"command","requestId":"d","command":{"name":"next","x":${nested('[', ']', MAX_MESSAGE_DEPTH)}}}`,
    );
    const tooDeep = await operator.nextOf('result');
    expect(tooDeep).toEqual({
      type: 'result',
      requestId: '',
      ok: false,
      error: expect.objectContaining({
        message: `the message is nested deeper than ${MAX_MESSAGE_DEPTH} levels`,
      }),
    });
    // Within the limit it is described as usual (an unknown key), not refused for depth.
    operator.send(
      `{"type":"command","requestId":"s","command":{"name":"next","x":${nested('[', ']', MAX_MESSAGE_DEPTH - 2)}}}`,
    );
    const shallow = await resultOf(operator, 's');
    expect(shallow.ok).toBe(false);
    if (!shallow.ok) expect(shallow.error.message).toMatch(/^invalid next command/);
  });

  it('answers an id of 60,000 characters with a short refusal, not an echo', async () => {
    const operator = await connected('operator');
    const result = await run(operator, 'long', { name: 'goTo', itemId: 'x'.repeat(60_000) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error).length).toBeLessThan(400);
  });
});

/** A media path with a token (the display's unless told; null: none) and other query parts. */
const media = (file: string, token: string | null = server.tokens.display, query = '') => {
  const params = new URLSearchParams(query);
  if (token !== null) params.set('token', token);
  const search = params.toString();
  return `/media/${file}${search ? `?${search}` : ''}`;
};

describe('a request under a foreign Host (DNS rebinding)', () => {
  const foreign = [
    'evil.example',
    'evil.example:PORT',
    '127.0.0.1.evil.example:PORT',
    '127.0.0.1',
    '127.0.0.1:1',
    'localhost',
  ];
  const paths = () => [
    '/',
    `/display?token=${server.tokens.display}`,
    '/assets/app.js',
    media('media/free.png'),
    media('media/photo.png', server.tokens.operator),
    '/nothing-here',
  ];

  it.each(foreign)('is refused with a bare 421 for Host %j, token or not', async (host) => {
    for (const rawPath of paths()) {
      const res = await getRaw(server.port, rawPath, {
        Host: host.replace('PORT', String(server.port)),
      });
      expect(res.status, rawPath).toBe(421);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toBe('This server answers only under its own address\n');
      for (const token of Object.values(server.tokens)) expect(res.body).not.toContain(token);
    }
  });

  it('is refused for pairing too, before the PIN is looked at', async () => {
    await server.remote.enable();
    try {
      const res = await getRaw(
        server.port,
        '/api/pair',
        { Host: `evil.example:${server.port}`, 'Content-Type': 'application/json' },
        'POST',
      );
      expect(res.status).toBe(421);
    } finally {
      server.remote.disable('test over');
    }
  });

  it('cannot open a socket, even with the right token', async () => {
    const query = new URLSearchParams({ role: 'operator', token: server.tokens.operator });
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?${query}`, {
      headers: { Host: `evil.example:${server.port}` },
    });
    const status = await new Promise<number>((resolve) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
      ws.once('error', () => resolve(-1));
    });
    ws.terminate();
    expect(status).toBe(421);
  });

  it('is refused on the phone remote’s listener too, which answers only to its own address', async () => {
    await server.remote.enable();
    try {
      const url = new URL(server.remote.status().url ?? '');
      const lanPort = Number(url.port);
      expect(lanPort).not.toBe(server.port);
      expect((await getRaw(lanPort, '/remote', { Host: url.host })).status).toBe(200);
      for (const host of [
        `evil.example:${lanPort}`,
        `localhost:${lanPort}`,
        `127.0.0.1:${server.port}`,
      ]) {
        const res = await getRaw(lanPort, '/remote', { Host: host });
        expect(res.status, host).toBe(421);
      }
    } finally {
      server.remote.disable('test over');
    }
  });

  it.each(['127.0.0.1:PORT', 'localhost:PORT', 'LOCALHOST:PORT', '[::1]:PORT'])(
    'is served under this machine’s own name %s',
    async (host) => {
      const res = await getRaw(server.port, media('media/free.png'), {
        Host: host.replace('PORT', String(server.port)),
      });
      expect(res.status).toBe(200);
    },
  );
});

describe('pack media', () => {
  it('is served only to a view that presents a token', async () => {
    for (const token of [null, '', 'x'.repeat(32), 'x'.repeat(10_000)]) {
      const res = await getRaw(server.port, media('media/free.png', token));
      expect(res.status).toBe(401);
      expect(res.body).toBe('A view token is needed\n');
    }
    // Two tokens (one of them right) are not a token.
    const twice = `/media/media/free.png?token=nope&token=${server.tokens.display}`;
    expect((await getRaw(server.port, twice)).status).toBe(401);
    for (const role of ['display', 'kiosk', 'operator', 'overlay', 'remote'] as const) {
      expect((await getRaw(server.port, media('media/free.png', server.tokens[role]))).status).toBe(
        200,
      );
    }
  });

  it('is refused without a token before anything is looked up: a missing file is 401 too', async () => {
    expect((await getRaw(server.port, media('media/missing.png', null))).status).toBe(401);
    expect((await getRaw(server.port, media('../outside.png', null))).status).toBe(401);
  });

  it('never serves a photo shown without consent, under any of its names', async () => {
    for (const file of [
      'media/secret.png',
      'media//secret.png',
      'media/./secret.png',
      '%6dedia/secret.png',
      'media/alias.png',
      'media/hard.png',
    ]) {
      const res = await getRaw(server.port, media(file));
      expect(res.status, file).toBe(404);
      expect(res.body).toBe('Not found\n');
    }
    expect((await getRaw(server.port, media('media/free.png'))).status).toBe(200);
  });

  it('does not serve a sensitive item’s media while safe mode is on, and does again after', async () => {
    expect((await getRaw(server.port, media('media/face.png'))).status).toBe(200);
    engine.execute({ name: 'safeMode', on: true });
    for (const token of Object.values(server.tokens)) {
      expect((await getRaw(server.port, media('media/face.png', token))).status).toBe(404);
    }
    expect(
      (await getRaw(server.port, media('media/face.png', server.tokens.display, 'w=640'))).status,
    ).toBe(404);
    expect((await getRaw(server.port, media('media/free.png'))).status).toBe(200);
    engine.execute({ name: 'safeMode', on: false });
    expect((await getRaw(server.port, media('media/face.png'))).status).toBe(200);
  });
});

describe('malformed URLs', () => {
  it.each([
    '/media/%E0%A4%A',
    '/media/%',
    '/media/%zz.png',
    '/display/%E0%A4%A',
    '/%ff%fe',
    '/assets/%E0%A4%A.js',
    `/media/%E0%A4%A?token=TOKEN`,
  ])('%s gets a plain 400 that quotes nothing back', async (rawPath) => {
    const res = await getRaw(server.port, rawPath.replace('TOKEN', server.tokens.display));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe('Bad request\n');
  });

  it('a very long path segment gets a plain answer, not the framework’s echo', async () => {
    const res = await getRaw(server.port, `/overlay/${'a'.repeat(4000)}`);
    expect(res.body).not.toContain('aaaa');
    expect(res.headers['content-type']).toMatch(/^text\/(plain|html)/);
  });
});

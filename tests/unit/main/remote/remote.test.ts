import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEVICES_FILE } from '../../../../src/main/remote/devices';
import { startShowServer, type ShowServer } from '../../../../src/main/core/show-server';
import { ShowEngine } from '../../../../src/main/show/engine';
import {
  CLOSE_FORBIDDEN_ORIGIN,
  CLOSE_REMOTE_OFF,
  CLOSE_UNAUTHORIZED,
  type Command,
  type RemoteStatus,
  type ServerMessage,
} from '../../../../src/shared/protocol';
import { FakeStore, TestClient, get, getRaw, makeFixture, stopTestServer } from '../server/helpers';
import { caseItem, playlist, snapshot, song, statement, verses } from '../show/content-fixtures';
import { FakeClock } from '../show/fake-clock';
import { connectResult, post } from './helpers';

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

let fixture: ReturnType<typeof makeFixture>;
let dataDir: string;
let clock: FakeClock;
let engine: ShowEngine;
let server: ShowServer;
let lanAddresses: string[];
const clients: TestClient[] = [];

beforeEach(async () => {
  fixture = makeFixture();
  dataDir = mkdtempSync(path.join(tmpdir(), 'ss-remote-'));
  clock = new FakeClock(Date.UTC(2024, 5, 15, 12));
  const content = snapshot(
    [
      caseItem('a'),
      statement('b'),
      statement('calm'),
      song('anthem', { sections: verses(['l1', 'l2', 'l3']) }),
      playlist('main', ['a', 'b']),
    ],
    { safeSlide: 'calm' },
  );
  const store = new FakeStore(fixture.packDir, content);
  engine = new ShowEngine(content);
  // The phone remote's "LAN address" is loopback here: no traffic leaves this machine.
  lanAddresses = ['127.0.0.1'];
  server = await startShowServer({
    store,
    engine,
    rendererDir: fixture.rendererDir,
    port: 0,
    dataDir,
    clock,
    lanAddresses: () => lanAddresses,
  });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  await stopTestServer({ server, engine, fixture });
  rmSync(dataDir, { recursive: true, force: true });
});

function socket(port: number, query: Record<string, string>, origin?: string): TestClient {
  const client = new TestClient(`ws://127.0.0.1:${port}/ws?${new URLSearchParams(query)}`, {
    headers: { 'user-agent': PHONE_UA },
    ...(origin ? { origin } : {}),
  });
  clients.push(client);
  return client;
}

/** An operator past its greeting (show, clients, remote, notices). */
async function operator(): Promise<TestClient> {
  const client = socket(server.port, { role: 'operator', token: server.tokens.operator });
  await client.nextOf('notices');
  return client;
}

let requests = 0;
async function run(client: TestClient, command: Command) {
  const requestId = `r${++requests}`;
  client.send({ type: 'command', requestId, command });
  for (;;) {
    const message = await client.nextOf('result');
    if (message.requestId === requestId) return message;
  }
}

/** The remote on, through the operator's command; returns its status with URL and PIN. */
async function enable(op: TestClient): Promise<RemoteStatus & { port: number; pin: string }> {
  expect(await run(op, { name: 'remoteEnable', on: true })).toMatchObject({ ok: true });
  const status = server.remote.status();
  expect(status).toMatchObject({ enabled: true, pin: expect.stringMatching(/^\d{6}$/) });
  return { ...status, port: Number(new URL(status.url!).port), pin: status.pin! };
}

async function pairPhone(port: number, pin: string, name = 'Band phone') {
  const res = await post(port, '/api/pair', { pin, name }, { 'user-agent': PHONE_UA });
  expect(res.status).toBe(200);
  return res.json as { token: string; deviceId: string };
}

async function phone(port: number, token: string): Promise<TestClient> {
  const client = socket(port, { role: 'remote', token }, `http://127.0.0.1:${port}`);
  await client.nextOf('show');
  return client;
}

describe('the phone remote', () => {
  it('is off by default: no PIN, no pairing, no remote socket', async () => {
    expect(server.remote.status()).toEqual({
      enabled: false,
      url: null,
      pin: null,
      lockedUntil: null,
      devices: [],
      error: null,
    });
    const res = await post(server.port, '/api/pair', { pin: '123456' });
    expect(res.status).toBe(403);
    expect(res.json.error).toBe('the phone remote is off; ask the operator to turn it on');
    const refused = socket(server.port, { role: 'remote', token: server.tokens.remote });
    expect(await refused.closed).toEqual({
      code: CLOSE_REMOTE_OFF,
      reason: 'the phone remote is off',
    });
  });

  it('on: listens on the LAN address and shows the operator the URL and a 6-digit PIN', async () => {
    const op = await operator();
    op.send({ type: 'command', requestId: 'on', command: { name: 'remoteEnable', on: true } });
    const update = await op.nextOf('remote');
    expect(update.remote).toMatchObject({
      enabled: true,
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/remote$/),
      pin: expect.stringMatching(/^\d{6}$/),
      lockedUntil: null,
      error: null,
    });
    expect(await op.nextOf('result')).toEqual({ type: 'result', requestId: 'on', ok: true });
    // The main listener holds 127.0.0.1 on its port, so the LAN one took another.
    const lanPort = Number(new URL(update.remote.url!).port);
    expect(lanPort).not.toBe(server.port);
  });

  it.runIf(process.platform === 'linux')(
    'takes the main port on the LAN address when it is free, so the phone URL stays the same',
    async () => {
      // All of 127/8 is loopback on Linux: 127.0.0.2 stands in for a second interface.
      lanAddresses = ['127.0.0.2'];
      const { url, port } = await enable(await operator());
      expect(port).toBe(server.port);
      expect(url).toBe(`http://127.0.0.2:${server.port}/remote`);
    },
  );

  it('serves only the remote page, its assets, pairing and the socket on the LAN listener', async () => {
    const { port } = await enable(await operator());
    expect((await get(port, '/remote')).status).toBe(200);
    expect((await get(port, '/remote')).body).toContain('<div id="root">');
    expect((await get(port, '/assets/app.js')).status).toBe(200);
    for (const p of ['/', '/display', '/kiosk', '/operator', '/overlay']) {
      const res = await get(port, p);
      expect(res.status, p).toBe(404);
      expect(res.body).toBe('Not found\n');
      for (const token of Object.values(server.tokens)) expect(res.body).not.toContain(token);
    }
    // Media is there for paired screens only: the fixed role tokens open none of it here.
    for (const token of Object.values(server.tokens)) {
      const res = await getRaw(port, `/media/media/photo.png?token=${token}`);
      expect(res.status).toBe(401);
      expect(res.body).not.toContain(token);
    }
    // Other roles are refused on this address, even with their right token.
    const display = socket(port, { role: 'display', token: server.tokens.display });
    expect(await display.closed).toEqual({
      code: CLOSE_UNAUTHORIZED,
      reason: 'only the phone remote and paired screens connect on this address',
    });
    const op = socket(port, { role: 'operator', token: server.tokens.operator });
    expect((await op.closed).code).toBe(CLOSE_UNAUTHORIZED);
    // The fixed remote token of this machine's links is not a phone's token.
    const fixed = socket(port, { role: 'remote', token: server.tokens.remote });
    expect((await fixed.closed).code).toBe(CLOSE_UNAUTHORIZED);
  });

  it('pairs with the right PIN; the token connects and the operator sees the phone', async () => {
    const op = await operator();
    const { port, pin } = await enable(op);
    const { token, deviceId } = await pairPhone(port, pin);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const remote = await phone(port, token);
    expect(remote.ws.readyState).toBe(remote.ws.OPEN);

    const status = server.remote.status();
    expect(status.devices).toEqual([
      { id: deviceId, name: 'Band phone', pairedAt: clock.now(), connected: true },
    ]);
    let listed: ServerMessage | undefined;
    do listed = await op.nextOf('clients');
    while (listed.type === 'clients' && !listed.clients.some((c) => c.role === 'remote'));
    expect(listed.type === 'clients' && listed.clients.find((c) => c.role === 'remote')).toEqual({
      id: expect.any(String),
      role: 'remote',
      address: '127.0.0.1',
      agent: 'Chrome on Android',
      connectedAt: clock.now(),
      deviceId,
    });

    // Only a hash of the token is stored, in a private file.
    const file = path.join(dataDir, DEVICES_FILE);
    expect(readFileSync(file, 'utf8')).not.toContain(token);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('names a phone after its browser when it gives no name', async () => {
    const { port, pin } = await enable(await operator());
    await post(port, '/api/pair', { pin }, { 'user-agent': PHONE_UA });
    expect(server.remote.status().devices[0]?.name).toBe('Chrome on Android');
  });

  it('refuses a wrong PIN with 401 and says how many tries are left', async () => {
    const { port, pin } = await enable(await operator());
    const wrong = pin === '000000' ? '000001' : '000000';
    const res = await post(port, '/api/pair', { pin: wrong });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error: 'wrong PIN: 4 tries left before pairing locks for a minute',
    });
    expect(server.remote.status().devices).toEqual([]);
  });

  it('refuses bodies that are not a PIN, and pairing from a foreign page', async () => {
    const { port, pin } = await enable(await operator());
    const bad = await post(port, '/api/pair', { pin: '12' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toContain('pin: the PIN is six digits');
    expect((await post(port, '/api/pair', { pin, extra: 1 })).status).toBe(400);
    expect((await post(port, '/api/pair', 'x'.repeat(5_000))).status).toBe(413);
    const foreign = await post(port, '/api/pair', { pin }, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(server.remote.status().devices).toEqual([]);
  });

  it('refuses a missing token and an unknown one with 4001, and a foreign page with 4003', async () => {
    const { port, pin } = await enable(await operator());
    const missing = socket(port, { role: 'remote' }, `http://127.0.0.1:${port}`);
    expect(await missing.closed).toEqual({
      code: CLOSE_UNAUTHORIZED,
      reason: 'missing token for the remote role',
    });
    const unknown = socket(port, { role: 'remote', token: 'x'.repeat(43) });
    expect(await unknown.closed).toEqual({
      code: CLOSE_UNAUTHORIZED,
      reason: 'this phone is not paired, or was unpaired; pair it again with the PIN',
    });
    const { token } = await pairPhone(port, pin);
    const foreign = socket(port, { role: 'remote', token }, 'http://evil.example');
    expect((await foreign.closed).code).toBe(CLOSE_FORBIDDEN_ORIGIN);
  });

  it('lets a phone do its part and nothing more', async () => {
    const op = await operator();
    const { port, pin } = await enable(op);
    const remote = await phone(port, (await pairPhone(port, pin)).token);
    expect(await run(op, { name: 'lyricsStart', songId: 'anthem' })).toMatchObject({ ok: true });

    for (const command of [
      { name: 'lyricsNext' },
      { name: 'lyricsPrevious' },
      { name: 'overlay', element: 'lyrics', on: false },
      { name: 'blackout', on: true },
      { name: 'blackout', on: false },
      { name: 'next' },
    ] satisfies Command[]) {
      expect(await run(remote, command), command.name).toMatchObject({ ok: true });
    }
    expect(engine.state().overlays.lyrics).toBe(false);

    const refusals: [Command, string][] = [
      [{ name: 'goTo', itemId: 'b' }, 'the remote role may not send goTo'],
      [{ name: 'lyricsStart', songId: 'anthem' }, 'the remote role may not send lyricsStart'],
      [{ name: 'remoteEnable', on: false }, 'the remote role may not send remoteEnable'],
      [{ name: 'remoteRevoke', deviceId: 'x' }, 'the remote role may not send remoteRevoke'],
      [{ name: 'setPlaylist', playlistId: 'main' }, 'the remote role may not send setPlaylist'],
    ];
    for (const [command, error] of refusals) {
      expect(await run(remote, command)).toMatchObject({ ok: false, error: { message: error } });
    }
  });

  it('lets a phone switch safe mode on, but not off', async () => {
    const op = await operator();
    const { port, pin } = await enable(op);
    const remote = await phone(port, (await pairPhone(port, pin)).token);
    expect(await run(remote, { name: 'safeMode', on: false })).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: 'only the operator can turn safe mode off' }),
    });
    // On is allowed, and closes the remote, this phone too.
    const closed = remote.closed;
    remote.send({ type: 'command', requestId: 'safe', command: { name: 'safeMode', on: true } });
    expect((await closed).code).toBe(CLOSE_REMOTE_OFF);
    expect(engine.state().safeMode).toBe(true);
  });

  it('answers the phone that turned safe mode on before closing it, and nothing else', async () => {
    const op = await operator();
    const { port, pin } = await enable(op);
    const remote = await phone(port, (await pairPhone(port, pin)).token);
    const other = await phone(port, (await pairPhone(port, pin, 'other')).token);
    const heard: ServerMessage[] = [];
    remote.ws.on('message', (data) => heard.push(JSON.parse(data.toString()) as ServerMessage));
    remote.send({ type: 'command', requestId: 'safe', command: { name: 'safeMode', on: true } });
    expect(await remote.closed).toEqual({
      code: CLOSE_REMOTE_OFF,
      reason: 'safe mode is on, so the phone remote is off',
    });
    // The command worked, and the phone was told so: not "connection lost" for a done thing.
    expect(heard.at(-1)).toEqual({ type: 'result', requestId: 'safe', ok: true });
    // Before it, at most the safe state itself; nothing from the show after safe mode.
    for (const message of heard.slice(0, -1)) {
      expect(message).toMatchObject({ type: 'show', show: { safeMode: true, itemId: 'calm' } });
    }
    expect((await other.closed).code).toBe(CLOSE_REMOTE_OFF);
    // Both left the list before the answer went out.
    expect(server.remote.status().devices.map((d) => d.connected)).toEqual([false, false]);
  });

  it('refuses operator commands from a display, and operator messages never reach it', async () => {
    const display = socket(server.port, { role: 'display', token: server.tokens.display });
    const seen: string[] = [];
    display.ws.on('message', (data) => seen.push((JSON.parse(String(data)) as ServerMessage).type));
    await display.nextOf('show');
    for (const command of [
      { name: 'remoteEnable', on: true },
      { name: 'lyricsNext' },
      { name: 'setOutputLanguages', output: 'display', languages: [] },
    ] satisfies Command[]) {
      expect(await run(display, command)).toMatchObject({
        ok: false,
        error: expect.objectContaining({
          message: `the display role may not send ${command.name}`,
        }),
      });
    }
    // Everything that makes operator messages: clients coming and going, the remote turning on,
    // a phone pairing and connecting, the remote off.
    const op = await operator();
    const { port, pin } = await enable(op);
    const remote = await phone(port, (await pairPhone(port, pin)).token);
    expect(await run(op, { name: 'remoteEnable', on: false })).toMatchObject({ ok: true });
    await remote.closed;
    op.close();
    await op.closed;
    expect(await run(display, { name: 'next' })).toMatchObject({ ok: false });
    expect(new Set(seen)).toEqual(new Set(['welcome', 'content', 'show', 'result']));
    expect(server.remote.status().enabled).toBe(false);
  });

  it('revoking a phone closes its open socket with 4001, and its token stops working', async () => {
    const op = await operator();
    const { port, pin } = await enable(op);
    const { token, deviceId } = await pairPhone(port, pin);
    const remote = await phone(port, token);
    expect(await run(op, { name: 'remoteRevoke', deviceId })).toEqual({
      type: 'result',
      requestId: expect.any(String),
      ok: true,
    });
    expect(await remote.closed).toEqual({
      code: CLOSE_UNAUTHORIZED,
      reason: 'the operator unpaired it',
    });
    expect(server.remote.status().devices).toEqual([]);
    const again = socket(port, { role: 'remote', token });
    expect((await again.closed).code).toBe(CLOSE_UNAUTHORIZED);
    // Not on the main listener either.
    const main = socket(server.port, { role: 'remote', token });
    expect((await main.closed).code).toBe(CLOSE_UNAUTHORIZED);
    expect(JSON.parse(readFileSync(path.join(dataDir, DEVICES_FILE), 'utf8'))).toEqual({
      devices: [],
    });
    expect(await run(op, { name: 'remoteRevoke', deviceId })).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: `no paired phone with id "${deviceId}"` }),
    });
  });

  it('locks pairing for a minute after 5 wrong PINs (429), even for the right PIN', async () => {
    const op = await operator();
    const { port, pin } = await enable(op);
    const wrong = pin === '999999' ? '999998' : '999999';
    for (let i = 0; i < 4; i++)
      expect((await post(port, '/api/pair', { pin: wrong })).status).toBe(401);
    const fifth = await post(port, '/api/pair', { pin: wrong });
    expect(fifth.status).toBe(401);
    expect(fifth.json.error).toBe('wrong PIN: pairing is now locked for 60 seconds');
    const lockedUntil = clock.now() + 60_000;
    expect(server.remote.status().lockedUntil).toBe(lockedUntil);
    let update: ServerMessage;
    do update = await op.nextOf('remote');
    while (update.type === 'remote' && update.remote.lockedUntil === null);

    clock.advance(15_000);
    const locked = await post(port, '/api/pair', { pin });
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBe('45');
    expect(locked.json).toEqual({
      error: 'too many wrong PINs: pairing is locked for 45 more seconds',
      retryAfterSeconds: 45,
      lockedUntil,
    });
    // Across clients: the main listener counts the same PIN.
    expect((await post(server.port, '/api/pair', { pin })).status).toBe(429);

    clock.advance(45_000);
    expect(server.remote.status().lockedUntil).toBeNull();
    expect((await op.nextOf('remote')).remote.lockedUntil).toBeNull();
    expect((await post(port, '/api/pair', { pin })).status).toBe(200);
  });

  it('off: closes the LAN listener and disconnects every phone at once', async () => {
    const op = await operator();
    const { port, pin } = await enable(op);
    const phones = [
      await phone(port, (await pairPhone(port, pin, 'one')).token),
      await phone(port, (await pairPhone(port, pin, 'two')).token),
    ];
    const result = run(op, { name: 'remoteEnable', on: false });
    expect(await result).toMatchObject({ ok: true });
    const answeredAt = performance.now();
    for (const p of phones) {
      expect(await p.closed).toEqual({
        code: CLOSE_REMOTE_OFF,
        reason: 'the operator turned the phone remote off',
      });
    }
    expect(performance.now() - answeredAt).toBeLessThan(100);
    expect(server.remote.status()).toMatchObject({ enabled: false, url: null, pin: null });
    expect(await connectResult(port)).toBe('ECONNREFUSED');
    // The pairings stay: on again, the phones come back without a new PIN.
    expect(server.remote.status().devices.map((d) => [d.name, d.connected])).toEqual([
      ['one', false],
      ['two', false],
    ]);
  });

  it('safe mode: the same, at once, and the remote stays off until an operator turns it on', async () => {
    const op = await operator();
    const { port, pin } = await enable(op);
    const remote = await phone(port, (await pairPhone(port, pin)).token);
    engine.execute({ name: 'safeMode', on: true });
    // Before execute returned, the phone was dropped and the listener stopped.
    expect(server.remote.status()).toMatchObject({
      enabled: false,
      devices: [{ connected: false }],
    });
    expect(await connectResult(port)).toBe('ECONNREFUSED');
    expect(await remote.closed).toEqual({
      code: CLOSE_REMOTE_OFF,
      reason: 'safe mode is on, so the phone remote is off',
    });
    expect(await run(op, { name: 'remoteEnable', on: true })).toEqual({
      type: 'result',
      requestId: expect.any(String),
      ok: false,
      error: expect.objectContaining({
        message:
          'safe mode is on: the phone remote stays off until an operator turns safe mode off',
      }),
    });
    expect(await run(op, { name: 'safeMode', on: false })).toMatchObject({ ok: true });
    expect(server.remote.status().enabled).toBe(false);
    await enable(op);
  });

  it('a paired phone comes back by itself, on the same address, when the remote is on again', async () => {
    // The LAN address is the main listener's own (as with --remote-address 127.0.0.1), so
    // the main port is taken there and the remote gets another one.
    const op = await operator();
    const first = await enable(op);
    expect(first.port).not.toBe(server.port);
    const { token, deviceId } = await pairPhone(first.port, first.pin);
    let current = await phone(first.port, token);
    for (const off of [
      () => engine.execute({ name: 'safeMode', on: true }),
      () => run(op, { name: 'remoteEnable', on: false }),
    ]) {
      await off();
      expect((await current.closed).code).toBe(CLOSE_REMOTE_OFF);
      expect(server.remote.status().devices).toEqual([
        expect.objectContaining({ id: deviceId, connected: false }),
      ]);
      if (engine.state().safeMode) await run(op, { name: 'safeMode', on: false });
      const again = await enable(op);
      // The page the phone still has open (its address, its stored token) works again.
      expect(again.url).toBe(first.url);
      current = await phone(first.port, token);
      expect(server.remote.status().devices).toEqual([
        expect.objectContaining({ id: deviceId, connected: true }),
      ]);
    }
  });

  it('says why it cannot start without a LAN address', async () => {
    lanAddresses = [];
    const op = await operator();
    const result = await run(op, { name: 'remoteEnable', on: true });
    expect(result).toMatchObject({
      ok: false,
      error: expect.objectContaining({ message: expect.stringContaining('no network address') }),
    });
    expect(server.remote.status()).toMatchObject({
      enabled: false,
      error: expect.objectContaining({ message: expect.stringContaining('no network address') }),
    });
  });

  it('keeps pairings across a restart of the server', async () => {
    const { port, pin } = await enable(await operator());
    const { token } = await pairPhone(port, pin);
    await server.close();
    server = await startShowServer({
      store: new FakeStore(fixture.packDir, snapshot([statement('s')])),
      engine,
      rendererDir: fixture.rendererDir,
      port: 0,
      dataDir,
      clock,
      lanAddresses: () => lanAddresses,
    });
    expect(server.remote.status()).toMatchObject({
      enabled: false,
      devices: [{ name: 'Band phone' }],
    });
    const { port: lan } = await enable(await operator());
    await phone(lan, token);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowServer } from '../../../../src/main/core/show-server';
import type { ShowEngine } from '../../../../src/main/show/engine';
import { CLOSE_REMOTE_OFF, type Command } from '../../../../src/shared/protocol';
import { connectResult, post } from '../remote/helpers';
import { caseItem, playlist, snapshot, statement } from '../show/content-fixtures';
import {
  getRaw,
  makeFixture,
  socketClients,
  startTestServer,
  stopTestServer,
  TestClient,
} from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let engine: ShowEngine;
let server: ShowServer;
const { clients, connected } = socketClients(() => server);

beforeEach(async () => {
  ({ fixture, engine, server } = await startTestServer(
    snapshot([
      caseItem('boris', { sensitive: true, photo: { file: 'media/photo.png', consent: true } }),
      statement('calm'),
      playlist('main', ['calm', 'boris']),
    ]),
  ));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  await stopTestServer({ server, engine, fixture });
});

let requestNo = 0;
async function run(client: TestClient, command: Command) {
  const requestId = `r${(requestNo += 1)}`;
  client.send({ type: 'command', requestId, command });
  for (;;) {
    const message = await client.next();
    if (message.type === 'result' && message.requestId === requestId) return message;
  }
}

/** The LAN listener's port, once "Add a screen" has opened it. */
async function lanPort(): Promise<number> {
  for (let i = 0; i < 100; i++) {
    const url = server.screens.status().url;
    if (url) return Number(new URL(url).port);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the LAN listener never opened');
}

const lanSocket = (port: number, role: string, token: string) =>
  new TestClient(`ws://127.0.0.1:${port}/ws?${new URLSearchParams({ role, token })}`);

/** Pairs a screen on the LAN listener, the phone remote being off all along. */
async function pairOnLan(operator: TestClient, port: number) {
  const asked = await post(port, '/api/screen/pair', {});
  expect(asked.status).toBe(200);
  const { secret, code } = asked.json as { secret: string; code: string };
  expect(
    await run(operator, { name: 'screenApprove', code, screenName: 'merch TV' }),
  ).toMatchObject({ ok: true });
  const approved = await post(port, '/api/screen/pair/status', { secret });
  return approved.json as { token: string; outputId: string };
}

describe('the LAN listener for screens, with the phone remote off', () => {
  it('admits the screen page, its pairing, media and socket of a paired screen, and nothing else', async () => {
    const operator = await connected('operator');
    expect(server.remote.isOn()).toBe(false);
    await run(operator, { name: 'screenPairing', on: true });
    const port = await lanPort();
    expect(port).not.toBe(server.port);
    expect((await getRaw(port, '/screen')).status).toBe(200);
    // The remote is off: no remote page, no phone pairing, no remote socket.
    expect((await getRaw(port, '/remote')).status).toBe(404);
    expect((await post(port, '/api/pair', { pin: '000000', name: 'x' })).status).toBe(403);
    const phone = lanSocket(port, 'remote', 'a-phone-token-that-is-long');
    expect((await phone.closed).code).toBe(CLOSE_REMOTE_OFF);

    const { token } = await pairOnLan(operator, port);
    const screen = lanSocket(port, 'display', token);
    expect((await screen.nextOf('welcome')).role).toBe('display');
    expect((await getRaw(port, `/media/media/photo.png?token=${token}`)).status).toBe(200);

    // The fixed role tokens are this machine's: never on the LAN, for sockets or media.
    for (const role of ['display', 'operator', 'kiosk'] as const) {
      const fixed = lanSocket(port, role, server.tokens[role]);
      expect((await fixed.closed).code).toBe(4001);
      const media = await getRaw(port, `/media/media/photo.png?token=${server.tokens[role]}`);
      expect(media.status).toBe(401);
    }
    for (const path of ['/', '/display', '/operator', '/api/v1/state', '/api/screens']) {
      expect((await getRaw(port, path)).status, path).toBe(404);
    }
    screen.ws.terminate();
    phone.ws.terminate();
  });

  it('stays while a screen is paired: pairing off and safe mode keep the screen playing, safely', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const port = await lanPort();
    const { token } = await pairOnLan(operator, port);
    await run(operator, { name: 'screenPairing', on: false });
    await run(operator, { name: 'safeMode', on: true });
    expect(server.screens.isPairing()).toBe(false);
    expect(await connectResult(port)).toBe('connected');
    const screen = lanSocket(port, 'display', token);
    const { show } = await screen.nextOf('show');
    expect(show).toMatchObject({ safeMode: true });
    expect(show.order).not.toContain('boris');
    // Safe mode withholds the sensitive item's photo from a paired screen too.
    expect((await getRaw(port, `/media/media/photo.png?token=${token}`)).status).toBe(404);
    // The phone remote cannot come on in safe mode, and screens still cannot ask to pair.
    expect((await post(port, '/api/screen/pair', {})).status).toBe(403);
    screen.ws.terminate();
  });

  it('shares one port with the phone remote, and turning the remote off leaves the screens on', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const port = await lanPort();
    const { token } = await pairOnLan(operator, port);
    expect(await run(operator, { name: 'remoteEnable', on: true })).toMatchObject({ ok: true });
    expect(new URL(server.remote.status().url ?? '').port).toBe(String(port));
    expect((await getRaw(port, '/remote')).status).toBe(200);
    await run(operator, { name: 'remoteEnable', on: false });
    expect((await getRaw(port, '/remote')).status).toBe(404);
    const screen = lanSocket(port, 'display', token);
    expect((await screen.nextOf('welcome')).role).toBe('display');
    screen.ws.terminate();
  });

  it('closes when no screen is paired and pairing is off (and the remote is off)', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const port = await lanPort();
    const { outputId } = await pairOnLan(operator, port);
    await run(operator, { name: 'screenPairing', on: false });
    expect(await connectResult(port)).toBe('connected');
    await run(operator, { name: 'screenRevoke', outputId });
    for (let i = 0; i < 50 && (await connectResult(port)) === 'connected'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await connectResult(port)).toBe('ECONNREFUSED');
  });
});

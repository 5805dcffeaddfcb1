import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowServer } from '../../../../src/main/core/show-server';
import type { ShowEngine } from '../../../../src/main/show/engine';
import {
  commandPermissions,
  type Command,
  type OutputChanges,
  type ShowState,
} from '../../../../src/shared/protocol';
import { playlist, snapshot, statement } from '../show/content-fixtures';
import { post } from '../remote/helpers';
import {
  socketClients,
  startTestServer,
  stopTestServer,
  makeFixture,
  type TestClient,
} from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let engine: ShowEngine;
let server: ShowServer;
const { clients, connect, connected } = socketClients(() => server);

beforeEach(async () => {
  ({ fixture, engine, server } = await startTestServer(
    snapshot(
      [statement('a'), statement('b'), playlist('main', ['a', 'b']), playlist('merch', ['b'])],
      { languages: ['en', 'ru'] },
    ),
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

const ask = () => post(server.port, '/api/screen/pair', {});
const status = (secret: string) => post(server.port, '/api/screen/pair/status', { secret });

/** Pairs a screen through the HTTP routes and the operator's approval; returns its token. */
async function pairScreen(operator: TestClient, name: string) {
  const asked = await ask();
  expect(asked.status).toBe(200);
  const { secret, code } = asked.json as { secret: string; code: string };
  expect((await status(secret)).status).toBe(202);
  expect(await run(operator, { name: 'screenApprove', code, screenName: name })).toMatchObject({
    ok: true,
  });
  const approved = await status(secret);
  expect(approved.status).toBe(200);
  return approved.json as { token: string; outputId: string };
}

describe('pairing a screen', () => {
  it('is off by default: a screen cannot even ask', async () => {
    expect((await ask()).status).toBe(403);
  });

  it('pairs a screen approved by its code, which then connects as a display of its own', async () => {
    const operator = await connected('operator');
    expect(await run(operator, { name: 'screenPairing', on: true })).toMatchObject({ ok: true });
    const { token, outputId } = await pairScreen(operator, 'merch TV');
    const screen = connect('display', token);
    const welcome = await screen.nextOf('welcome');
    expect(welcome.role).toBe('display');
    await screen.nextOf('show');
    const listed = server.screens.status().outputs.find((o) => o.id === outputId);
    expect(listed).toMatchObject({ name: 'merch TV', playlist: 'main' });
    // The token is handed out once.
    expect(server.screens.authenticate(token)?.id).toBe(outputId);
  });

  it('refuses a wrong code, and a screen nobody approved cannot connect', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const asked = await ask();
    const { secret, code } = asked.json as { secret: string; code: string };
    const wrong = code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
    const refused = await run(operator, { name: 'screenApprove', code: wrong, screenName: 'x' });
    expect(refused).toMatchObject({ ok: false, error: { key: 'core:screens.noSuchCode' } });
    expect((await status(secret)).status).toBe(202);
    // The secret is not a token: a screen still waiting is refused by the socket.
    const sneaky = connect('display', secret);
    expect((await sneaky.closed).code).toBe(4001);
    expect(server.screens.status().outputs).toEqual([]);
  });

  it('closes a revoked screen at once, and its token no longer opens a socket', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const { token, outputId } = await pairScreen(operator, 'projector');
    const screen = connect('display', token);
    await screen.nextOf('show');
    expect(await run(operator, { name: 'screenRevoke', outputId })).toMatchObject({ ok: true });
    const closed = await screen.closed;
    expect(closed.reason).toMatch(/removed this screen/);
    const again = connect('display', token);
    expect((await again.closed).code).toBe(4001);
  });

  it('never lets a screen token stand for more than a display, whatever role it asks for', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const { token, outputId } = await pairScreen(operator, 'kiosk-ish');
    await run(operator, { name: 'outputConfigure', outputId, changes: { role: 'kiosk' } });
    const screen = connect('operator', token);
    expect((await screen.nextOf('welcome')).role).toBe('display');
    const refused = await run(screen, { name: 'next' });
    expect(refused).toMatchObject({ ok: false, error: { key: 'core:command.roleMayNot' } });
  });

  it('safe mode turns pairing off, forgets waiting screens, and refuses to turn it on', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const { secret, code } = (await ask()).json as { secret: string; code: string };
    await run(operator, { name: 'safeMode', on: true });
    expect(server.screens.isPairing()).toBe(false);
    expect((await status(secret)).status).toBe(404);
    expect((await ask()).status).toBe(403);
    const on = await run(operator, { name: 'screenPairing', on: true });
    expect(on).toMatchObject({ ok: false, error: { key: 'core:screens.safeMode' } });
    const approve = await run(operator, { name: 'screenApprove', code, screenName: 'x' });
    expect(approve.ok).toBe(false);
  });

  it('changes a job only to playlists and languages the pack has', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const { outputId } = await pairScreen(operator, 'merch TV');
    const changes: OutputChanges = {
      playlist: 'merch',
      languages: ['ru'],
      theme: 'dark',
      orientation: 'portrait',
      followLyrics: false,
    };
    expect(await run(operator, { name: 'outputConfigure', outputId, changes })).toMatchObject({
      ok: true,
    });
    expect(server.screens.status().outputs[0]).toMatchObject({ ...changes, languages: ['ru'] });
    const bad = await run(operator, {
      name: 'outputConfigure',
      outputId,
      changes: { playlist: 'nope' },
    });
    expect(bad).toMatchObject({ ok: false, error: { key: 'core:screens.noPlaylist' } });
  });

  it('tells the operator who waits, with the code, and nobody else', async () => {
    const operator = await connected('operator');
    const display = await connected('display');
    await run(operator, { name: 'screenPairing', on: true });
    const { code } = (await ask()).json as { code: string };
    for (;;) {
      const message = await operator.nextOf('screens');
      if (message.screens.pending.some((p) => p.code === code)) break;
    }
    display.send({ type: 'command', requestId: 'd', command: { name: 'next' } });
    for (;;) {
      const message = await display.next();
      expect(message.type).not.toBe('screens');
      if (message.type === 'result') break;
    }
  });
});

/** Skips show messages until one matches; a screen's state must settle on it. */
async function showWhere(client: TestClient, match: (show: ShowState) => boolean) {
  for (;;) {
    const { show } = await client.nextOf('show');
    if (match(show)) return show;
  }
}

describe('each screen does its own job', () => {
  it('a screen on another playlist plays that one while the main display keeps the main show', async () => {
    const operator = await connected('operator');
    const kiosk = await connected('display');
    await run(operator, { name: 'screenPairing', on: true });
    const merchTv = await pairScreen(operator, 'merch TV');
    const projector = await pairScreen(operator, 'projector');
    await run(operator, {
      name: 'outputConfigure',
      outputId: merchTv.outputId,
      changes: { playlist: 'merch', languages: ['ru'] },
    });
    const merchScreen = connect('display', merchTv.token);
    const projectorScreen = connect('display', projector.token);
    const merchShow = await showWhere(merchScreen, (s) => s.playlistId === 'merch');
    expect(merchShow).toMatchObject({ itemId: 'b', order: ['b'] });
    expect(merchShow.outputLanguages.display).toEqual(['ru']);
    expect(await showWhere(projectorScreen, () => true)).toMatchObject({
      playlistId: 'main',
      itemId: 'a',
    });
    // The operator moves the main show: the projector follows, the merch TV keeps its own.
    await run(operator, { name: 'next' });
    expect((await kiosk.nextOf('show')).show).toMatchObject({ playlistId: 'main', itemId: 'b' });
    expect((await projectorScreen.nextOf('show')).show).toMatchObject({ playlistId: 'main' });
    expect((await merchScreen.nextOf('show')).show).toMatchObject({
      playlistId: 'merch',
      itemId: 'b',
      sequence: merchShow.sequence,
    });
    // Blackout covers every screen, whatever it plays.
    await run(operator, { name: 'blackout', on: true });
    expect(await showWhere(merchScreen, (s) => s.blackout)).toMatchObject({
      playlistId: 'merch',
      itemId: 'b',
    });
  });

  it("changing a screen's job applies live, and the main display never changes with it", async () => {
    const operator = await connected('operator');
    const kiosk = await connected('display');
    await run(operator, { name: 'screenPairing', on: true });
    const tv = await pairScreen(operator, 'merch TV');
    const screen = connect('display', tv.token);
    await showWhere(screen, (s) => s.playlistId === 'main');
    const configure = (changes: OutputChanges) =>
      run(operator, { name: 'outputConfigure', outputId: tv.outputId, changes });
    await configure({ playlist: 'merch' });
    expect(await showWhere(screen, (s) => s.playlistId === 'merch')).toMatchObject({
      itemId: 'b',
    });
    await configure({ playlist: 'main' });
    expect(await showWhere(screen, (s) => s.playlistId === 'main')).toMatchObject({
      itemId: 'a',
    });
    await run(operator, { name: 'next' });
    const { show } = await kiosk.nextOf('show');
    expect(show).toMatchObject({ playlistId: 'main', itemId: 'b' });
  });
});

describe("the console's view of each screen", () => {
  it('hears what each screen shows, and again when that changes', async () => {
    const operator = await connected('operator');
    await run(operator, { name: 'screenPairing', on: true });
    const tv = await pairScreen(operator, 'merch TV');
    const projector = await pairScreen(operator, 'projector');
    await run(operator, {
      name: 'outputConfigure',
      outputId: tv.outputId,
      changes: { playlist: 'merch' },
    });
    const watcher = await connected('operator');
    connect('display', tv.token);
    connect('display', projector.token);
    const onAir = async (match: (byId: Record<string, unknown>) => boolean) => {
      for (;;) {
        // Another console: the one that sends commands skips messages while it waits.
        const { screens } = await watcher.nextOf('screens');
        const byId = Object.fromEntries(screens.outputs.map((o) => [o.id, o.onAir]));
        if (match(byId)) return byId;
      }
    };
    const first = await onAir((byId) => JSON.stringify(byId[tv.outputId]).includes('merch'));
    expect(first[tv.outputId]).toEqual({ itemId: 'b', playlistId: 'merch' });
    expect(first[projector.outputId]).toEqual({ itemId: 'a', playlistId: 'main' });
    await run(operator, { name: 'next' });
    const moved = await onAir(
      (byId) => (byId[projector.outputId] as { itemId: string }).itemId === 'b',
    );
    expect(moved[tv.outputId]).toEqual({ itemId: 'b', playlistId: 'merch' });
  });
});

describe('who may manage screens', () => {
  const names = ['screenPairing', 'screenApprove', 'screenRevoke', 'outputConfigure'] as const;
  it('the operator only', () => {
    for (const [role, allowed] of Object.entries(commandPermissions)) {
      for (const name of names)
        expect([role, allowed.includes(name)]).toEqual([role, role === 'operator']);
    }
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowServer } from '../../../../../src/main/core/show-server';
import type { ShowEngine } from '../../../../../src/main/show/engine';
import { openControlTokenStore } from '../../../../../src/main/settings/control-tokens';
import {
  commandPermissions,
  type Command,
  type CommandName,
} from '../../../../../src/shared/protocol';
import {
  controlAnswerSchema,
  controlEventSchema,
  controlStateSchema,
} from '../../../../../src/shared/protocol/control-api';
import { caseItem, drawing, playlist, snapshot, statement } from '../../show/content-fixtures';
import { startTestServer, stopTestServer, type FakeStore, type makeFixture } from '../helpers';

let running: {
  fixture: ReturnType<typeof makeFixture>;
  store: FakeStore;
  engine: ShowEngine;
  server: ShowServer;
};
let token: string;

const content = () =>
  snapshot([caseItem('a'), drawing('b'), statement('c'), playlist('main', ['a', 'b', 'c'])]);

beforeEach(async () => {
  running = await startTestServer(content());
  token = running.server.controlTokens.create('companion').token;
});
afterEach(async () => {
  await stopTestServer(running);
});

async function call(
  method: string,
  route: string,
  options: { token?: string | null; body?: unknown; raw?: string } = {},
): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = {};
  const given = options.token === undefined ? token : options.token;
  if (given !== null) headers.authorization = `Bearer ${given}`;
  const payload =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${running.server.url}/api/v1${route}`, {
    method,
    headers,
    body: payload,
  });
  const text = await response.text();
  const json: unknown = response.headers.get('content-type')?.includes('json')
    ? JSON.parse(text)
    : text;
  return { status: response.status, json };
}

const command = (body: Record<string, unknown>, as?: string | null) =>
  call('POST', '/commands', { body, token: as });

/** One valid example of every command, as the schema takes it. */
const examples: { [N in CommandName]: Extract<Command, { name: N }> } = {
  next: { name: 'next' },
  previous: { name: 'previous' },
  pause: { name: 'pause' },
  resume: { name: 'resume' },
  togglePause: { name: 'togglePause' },
  goTo: { name: 'goTo', itemId: 'b' },
  setPlaylist: { name: 'setPlaylist', playlistId: 'main' },
  blackout: { name: 'blackout', on: true },
  safeMode: { name: 'safeMode', on: true },
  lyricsStart: { name: 'lyricsStart', songId: 'nope' },
  lyricsNext: { name: 'lyricsNext' },
  lyricsPrevious: { name: 'lyricsPrevious' },
  lyricsNextStanza: { name: 'lyricsNextStanza' },
  lyricsPreviousStanza: { name: 'lyricsPreviousStanza' },
  lyricsGoTo: { name: 'lyricsGoTo', line: 0 },
  lyricsEnd: { name: 'lyricsEnd' },
  lyricsTimedStart: { name: 'lyricsTimedStart' },
  lyricsTimedPause: { name: 'lyricsTimedPause' },
  lyricsTimedResume: { name: 'lyricsTimedResume' },
  lyricsNudge: { name: 'lyricsNudge', ms: 500 },
  setlistStart: { name: 'setlistStart', setlistId: 'nope' },
  setlistStop: { name: 'setlistStop' },
  setlistNextSong: { name: 'setlistNextSong' },
  setOutputLanguages: { name: 'setOutputLanguages', output: 'display', languages: [] },
  overlay: { name: 'overlay', element: 'lyrics', on: false },
  remoteEnable: { name: 'remoteEnable', on: true },
  remoteRevoke: { name: 'remoteRevoke', deviceId: 'x' },
  screenPairing: { name: 'screenPairing', on: true },
  screenApprove: { name: 'screenApprove', code: 'ACDEFG', screenName: 'merch TV' },
  screenRevoke: { name: 'screenRevoke', outputId: 'x' },
  outputConfigure: { name: 'outputConfigure', outputId: 'x', changes: { playlist: 'main' } },
  obsConfigure: { name: 'obsConfigure', host: '127.0.0.1', port: 4455 },
  obsSetup: { name: 'obsSetup' },
  obsSwitchScene: { name: 'obsSwitchScene', scene: 'Main' },
  obsVideoPlay: { name: 'obsVideoPlay', itemId: 'film' },
  obsVideoPause: { name: 'obsVideoPause' },
  obsVideoStop: { name: 'obsVideoStop' },
  obsVideoPlacement: { name: 'obsVideoPlacement', placement: 'overlay-scene' },
  setShowClock: { name: 'setShowClock', now: Date.UTC(2026, 11, 6, 20, 0) },
  stageMessage: { name: 'stageMessage', text: '2 minutes' },
  stageMessageClear: { name: 'stageMessageClear' },
  setStageLanguage: { name: 'setStageLanguage', language: null },
  videoPause: { name: 'videoPause' },
  videoResume: { name: 'videoResume' },
  videoSeek: { name: 'videoSeek', ms: 1000 },
  videoRestart: { name: 'videoRestart' },
  videoFault: { name: 'videoFault', itemId: 'film', reason: 'decode' },
};
const asBody = ({ name, ...params }: Command) => ({ command: name, ...params });
const allNames = Object.keys(examples) as CommandName[];
const controlMay = allNames.filter((name) => commandPermissions.control.includes(name));
const controlMayNot = allNames.filter((name) => !commandPermissions.control.includes(name));

describe('POST /api/v1/commands', () => {
  it.each(controlMay)('%s reaches the core with the control role', async (name) => {
    const reply = await command(asBody(examples[name]));
    const answer = controlAnswerSchema.parse(reply.json);
    // The show may refuse (no song on air, no OBS here), but never the role or the body.
    expect([200, 409]).toContain(reply.status);
    if (!answer.ok) expect(answer.key).not.toMatch(/roleMayNot|invalidCommand|badBody/);
  });

  it.each(controlMayNot)('%s is refused to a control token, and changes nothing', async (name) => {
    const before = running.server.remote.status();
    const reply = await command(asBody(examples[name]));
    expect(reply.status).toBe(403);
    expect(reply.json).toMatchObject({ ok: false, key: 'core:command.roleMayNot' });
    expect(running.server.remote.status()).toEqual(before);
  });

  it('runs next and goTo: the show moves', async () => {
    expect(await command({ command: 'goTo', itemId: 'c' })).toEqual({
      status: 200,
      json: { ok: true },
    });
    expect(running.engine.state().itemId).toBe('c');
    await command({ command: 'next' });
    expect(running.engine.state().itemId).toBe('a');
  });

  it('lets a control token turn safe mode on but not off, as the console decides', async () => {
    await command({ command: 'safeMode', on: true });
    expect(running.engine.state().safeMode).toBe(true);
    const off = await command({ command: 'safeMode', on: false });
    expect(off.status).toBe(403);
    expect(off.json).toMatchObject({ ok: false, key: 'core:command.safeModeOffOperatorOnly' });
    expect(running.engine.state().safeMode).toBe(true);
    // The operator's own token may, like the console.
    const byOperator = await command(
      { command: 'safeMode', on: false },
      running.server.tokens.operator,
    );
    expect(byOperator.status).toBe(200);
    expect(running.engine.state().safeMode).toBe(false);
  });

  it.each([
    ['no command', {}],
    ['an unknown command', { command: 'selfDestruct' }],
    ['a missing parameter', { command: 'goTo' }],
    ['a parameter of the wrong type', { command: 'blackout', on: 'yes' }],
    ['an extra field', { command: 'next', itemId: 'a' }],
    ['a name smuggled beside the command', { command: 'next', name: 'remoteEnable', on: true }],
  ])('refuses %s with 400 and the field', async (_label, body) => {
    const reply = await command(body);
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ ok: false, error: expect.any(String) });
    expect(running.server.remote.status().enabled).toBe(false);
  });

  it('refuses a body that is not JSON', async () => {
    const reply = await call('POST', '/commands', { raw: '{not json' });
    expect(reply.status).toBe(400);
  });
});

describe('who may call', () => {
  it.each([
    ['no token', null, 401],
    ['a wrong token', 'x'.repeat(32), 401],
    ['the display token', 'display', 403],
    ['the overlay token', 'overlay', 403],
    ['the remote token', 'remote', 403],
  ] as const)('%s gets %i and runs nothing', async (_label, who, status) => {
    const tokens = running.server.tokens as Record<string, string>;
    const given = who === null ? null : (tokens[who] ?? who);
    const before = running.engine.state().itemId;
    expect((await command({ command: 'next' }, given)).status).toBe(status);
    expect((await call('GET', '/state', { token: given })).status).toBe(status);
    expect(running.engine.state().itemId).toBe(before);
  });

  it('refuses a revoked token at once', async () => {
    const info = running.server.controlTokens.list().find((t) => t.name === 'companion');
    expect(
      (
        await call('DELETE', `/control-tokens/${info?.id}`, {
          token: running.server.tokens.operator,
        })
      ).status,
    ).toBe(200);
    expect((await command({ command: 'next' })).status).toBe(401);
  });

  it('lets only the operator make, list and revoke control tokens', async () => {
    expect((await call('GET', '/control-tokens')).status).toBe(403);
    expect((await call('POST', '/control-tokens', { body: { name: 'x' } })).status).toBe(403);
    const made = await call('POST', '/control-tokens', {
      body: { name: 'Stream Deck' },
      token: running.server.tokens.operator,
    });
    expect(made.status).toBe(201);
    const created = made.json as { token: string; info: { id: string; name: string } };
    expect((await command({ command: 'next' }, created.token)).status).toBe(200);
    const listed = await call('GET', '/control-tokens', { token: running.server.tokens.operator });
    expect(JSON.stringify(listed.json)).not.toContain(created.token);
    expect(listed.json).toMatchObject({
      tokens: [{ name: 'cli' }, { name: 'companion' }, { name: 'Stream Deck' }],
    });
  });
});

describe('GET /api/v1/state', () => {
  it('says what is on air, what is next, blackout, safe mode and OBS', async () => {
    await command({ command: 'goTo', itemId: 'b' });
    await command({ command: 'blackout', on: true });
    const reply = await call('GET', '/state');
    expect(reply.status).toBe(200);
    const state = controlStateSchema.parse(reply.json);
    expect(state).toMatchObject({ itemId: 'b', nextItemId: 'c', blackout: true, safeMode: false });
    expect(state.obs.state).toBe('off');
  });
});

describe('GET /api/v1/events', () => {
  function open(query: string, headers: Record<string, string> = {}) {
    const socket = new WebSocket(
      `${running.server.url.replace('http', 'ws')}/api/v1/events${query}`,
      {
        headers,
      },
    );
    const messages: unknown[] = [];
    const waiters: (() => void)[] = [];
    socket.on('message', (data) => {
      messages.push(JSON.parse(data.toString()));
      for (const wake of waiters.splice(0)) wake();
    });
    const nth = async (n: number) => {
      while (messages.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return controlEventSchema.parse(messages[n - 1]).state;
    };
    return { socket, nth };
  }

  it('sends the state on connect and again after a command', async () => {
    const events = open('', { authorization: `Bearer ${token}` });
    expect((await events.nth(1)).blackout).toBe(false);
    await command({ command: 'blackout', on: true });
    expect((await events.nth(2)).blackout).toBe(true);
    events.socket.close();
  });

  it('takes ?token= for clients that cannot set headers, and closes when it is revoked', async () => {
    const events = open(`?token=${token}`);
    await events.nth(1);
    const closed = new Promise<number>((resolve) =>
      events.socket.on('close', (code) => resolve(code)),
    );
    const info = running.server.controlTokens.list().find((t) => t.name === 'companion');
    running.server.controlTokens.revoke(info?.id ?? '');
    expect(await closed).toBe(4401);
  });

  it.each([
    ['no token', ''],
    ['the display token', 'display'],
  ])('refuses the upgrade with %s', async (_label, who) => {
    const tokens = running.server.tokens as Record<string, string>;
    const socket = new WebSocket(
      `${running.server.url.replace('http', 'ws')}/api/v1/events${who ? `?token=${tokens[who]}` : ''}`,
    );
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
    });
    socket.on('error', () => {});
    socket.terminate();
    expect(status).toBe(who ? 403 : 401);
  });
});

describe('control tokens at rest', () => {
  it('keeps only a hash in the data folder, and a revoked token stays revoked after a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ss-control-'));
    try {
      const first = await openControlTokenStore(dir);
      const kept = first.create('companion');
      const gone = first.create('old deck');
      first.revoke(gone.info.id);
      const once = first.create('cli', { persist: false });
      await first.flush();
      const file = readFileSync(path.join(dir, 'control-tokens.json'), 'utf8');
      expect(file).not.toContain(kept.token);
      expect(file).not.toContain(once.token);
      const again = await openControlTokenStore(dir);
      expect(again.authenticate(kept.token)?.name).toBe('companion');
      expect(again.authenticate(gone.token)).toBeNull();
      expect(again.authenticate(once.token)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ObsBridge, ObsCallError, type ObsStatus } from '../../../../src/main/obs/bridge';
import { FakeClock } from '../show/fake-clock';
import { FakeObs, SocketFactory, authFailed, flush, refused } from './fakes';

const SECRET = 'hunter2-very-secret';
const config = { host: '127.0.0.1', port: 4455, password: SECRET };

function setup(options: { random?: () => number; obs?: FakeObs } = {}) {
  const clock = new FakeClock(0);
  const factory = new SocketFactory(options.obs ?? new FakeObs());
  const statuses: ObsStatus[] = [];
  const logs: string[] = [];
  const bridge = new ObsBridge({
    clock,
    random: options.random ?? (() => 0.5),
    createSocket: factory.create,
    log: (line) => logs.push(line),
  });
  bridge.onStatus((status) => statuses.push(status));
  return { clock, factory, statuses, logs, bridge };
}

/**
 * Advances the fake clock in small steps, letting the bridge's promise chains run between
 * them as they would between real timers (one big jump would fire a connect timeout before the
 * connection's own resolution got its turn).
 */
async function advance(clock: FakeClock, ms: number, step = 25) {
  for (let done = 0; done < ms; done += step) {
    clock.advance(Math.min(step, ms - done));
    await flush();
    await flush();
  }
  if (ms === 0) await flush();
}

describe('ObsBridge connecting', () => {
  it('connects, reports both versions, and passes the password only to the socket', async () => {
    const { bridge, factory } = setup();
    const status = await bridge.connect(config);
    expect(status).toMatchObject({
      state: 'connected',
      obsVersion: '29.0.2',
      obsWebSocketVersion: '5.1.0',
      rpcVersion: 1,
      platform: 'debian',
    });
    expect(status.message).toBe('Connected to OBS 29.0.2 (obs-websocket 5.1.0) at 127.0.0.1:4455.');
    expect(factory.last().connectArgs).toEqual({ url: 'ws://127.0.0.1:4455', password: SECRET });
  });

  it('brackets an IPv6 host in the URL', async () => {
    const { bridge, factory } = setup();
    await bridge.connect({ host: '::1', port: 4455 });
    expect(factory.last().connectArgs?.url).toBe('ws://[::1]:4455');
  });

  it('retries a refused connection with growing, capped, jittered delays', async () => {
    const { bridge, factory, clock, statuses } = setup({ random: () => 1 });
    factory.next(...Array.from({ length: 7 }, () => refused()));
    const first = await bridge.connect(config);
    expect(first).toMatchObject({ state: 'error', problem: 'refused', retryInMs: 500 });
    expect(first.message).toContain(
      'OBS is not running or its WebSocket server is off (Tools → WebSocket Server Settings',
    );

    const delays = [500];
    for (let i = 0; i < 7; i++) {
      const wait = (bridge.status() as { retryInMs: number }).retryInMs;
      await advance(clock, wait - 1);
      expect(factory.sockets).toHaveLength(i + 1); // not a moment early
      await advance(clock, 1);
      expect(factory.sockets).toHaveLength(i + 2);
      const status = bridge.status();
      if (status.state === 'error') delays.push(status.retryInMs);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect(bridge.status().state).toBe('connected');
    // Every attempt showed "connecting", naming the previous problem.
    const connecting = statuses.filter((s) => s.state === 'connecting');
    expect(connecting).toHaveLength(8);
    expect(connecting[1]).toMatchObject({ attempt: 2, problem: 'refused' });
  });

  it('stops retrying after the password is refused, until reconfigured', async () => {
    const { bridge, factory, clock, statuses } = setup();
    factory.next(authFailed);
    const status = await bridge.connect(config);
    expect(status.state).toBe('auth-failed');
    expect(status.message).toContain('OBS refused the password (close code 4009)');
    expect(clock.pending()).toBe(0);
    const seen = statuses.length;
    await advance(clock, 10 * 60_000);
    expect(factory.sockets).toHaveLength(1);
    expect(statuses).toHaveLength(seen);

    // New settings: a fresh start.
    expect((await bridge.connect({ ...config, password: 'right' })).state).toBe('connected');
  });

  it('says when OBS wants a password and none is set', async () => {
    const { bridge, factory } = setup();
    factory.next({ kind: 'error', code: 4009, message: 'missing authentication' });
    const status = await bridge.connect({ host: 'localhost', port: 4455 });
    expect(status.message).toContain('OBS asks for a password and none is set here');
  });

  it('gives up on an attempt that hangs, and retries', async () => {
    const { bridge, factory, clock } = setup();
    factory.next({ kind: 'hang' });
    const pending = bridge.connect(config);
    await flush();
    await advance(clock, 5_000);
    const status = await pending;
    expect(status).toMatchObject({ state: 'error', problem: 'timeout' });
    expect(status.message).toContain('did not answer within 5 s');
    expect(factory.sockets[0]?.disconnected).toBe(true);
    await advance(clock, 500);
    expect(bridge.status().state).toBe('connected');
  });

  it('names other failures in words', async () => {
    const cases: [number, string, string][] = [
      [-1, 'getaddrinfo ENOTFOUND obs.local', 'could not be found'],
      [-1, 'connect EHOSTUNREACH 10.0.0.9:4455', 'cannot be reached'],
      [-1, 'Server sent no subprotocol', 'not obs-websocket 5'],
      [4010, 'unsupported rpc', 'Update OBS'],
      [-1, 'something odd', 'Could not connect to OBS at 127.0.0.1:4455: something odd'],
    ];
    for (const [code, message, expected] of cases) {
      const { bridge, factory } = setup();
      factory.next({ kind: 'error', code, message });
      expect((await bridge.connect(config)).message).toContain(expected);
      await bridge.disconnect();
    }
  });

  it('stops retrying on disconnect', async () => {
    const { bridge, factory, clock } = setup();
    factory.next(refused(), refused());
    await bridge.connect(config);
    await bridge.disconnect();
    expect(bridge.status()).toEqual({ state: 'disconnected', message: 'Disconnected from OBS.' });
    await advance(clock, 60_000);
    expect(factory.sockets).toHaveLength(1);
  });
});

describe('ObsBridge calls', () => {
  it('returns what OBS answers', async () => {
    const { bridge } = setup();
    await bridge.connect(config);
    expect(await bridge.call('GetStudioModeEnabled')).toEqual({ studioModeEnabled: false });
  });

  it('rejects at once when not connected', async () => {
    const { bridge } = setup();
    const error = await bridge.call('GetSceneList').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObsCallError);
    expect(error).toMatchObject({ kind: 'not-connected', requestType: 'GetSceneList' });
  });

  it('turns OBS refusing a request into an error with its code', async () => {
    const { bridge } = setup();
    await bridge.connect(config);
    const error = await bridge
      .call('GetSceneItemList', { sceneName: 'Nope' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'obs', code: 600 });
    expect((error as Error).message).toMatch(/^OBS refused GetSceneItemList: /);
    expect(bridge.status().state).toBe('connected');
  });

  it('times out a call OBS never answers (3 s by default, or per call)', async () => {
    const { bridge, factory, clock } = setup();
    await bridge.connect(config);
    factory.answer = false;
    let settled: unknown = 'pending';
    void bridge.call('GetSceneList').then(
      () => (settled = 'resolved'),
      (e: unknown) => (settled = e),
    );
    await advance(clock, 2_999);
    expect(settled).toBe('pending');
    await advance(clock, 1);
    expect(settled).toMatchObject({ kind: 'timeout' });
    expect((settled as Error).message).toBe('OBS did not answer GetSceneList within 3 s.');

    let slow: unknown = 'pending';
    void bridge
      .call('GetSourceScreenshot', { sourceName: 'x', imageFormat: 'png' }, { timeoutMs: 10_000 })
      .catch((e: unknown) => (slow = e));
    await advance(clock, 9_999);
    expect(slow).toBe('pending');
    await advance(clock, 1);
    expect(slow).toMatchObject({ kind: 'timeout' });
    // A timeout is not a lost connection.
    expect(bridge.status().state).toBe('connected');
  });

  it('rejects calls in flight the moment the connection closes, then reconnects', async () => {
    const { bridge, factory, clock, statuses } = setup();
    await bridge.connect(config);
    factory.answer = false;
    const results: unknown[] = [];
    for (const request of ['GetSceneList', 'GetInputList', 'GetStreamStatus'] as const) {
      bridge.call(request).then(
        () => results.push('resolved'),
        (e: unknown) => results.push(e),
      );
    }
    await flush();
    expect(results).toEqual([]);

    factory.last().close(1006);
    await flush();
    expect(results).toHaveLength(3);
    for (const result of results) expect(result).toMatchObject({ kind: 'closed' });
    expect(clock.pending()).toBe(1); // only the reconnect timer: the call timers are gone

    const lost = statuses.at(-1);
    expect(lost).toMatchObject({ state: 'error', problem: 'lost', retryInMs: 375 });
    expect(lost?.message).toContain('The connection to OBS at 127.0.0.1:4455 was lost');
    expect(lost?.message).toContain('close code 1006');

    factory.answer = true;
    await advance(clock, 375);
    expect(bridge.status().state).toBe('connected');
    expect(factory.sockets).toHaveLength(2);
  });

  it('ignores a close from a socket it has already replaced', async () => {
    const { bridge, factory } = setup();
    await bridge.connect(config);
    const old = factory.last();
    await bridge.connect(config);
    old.close(1006);
    await flush();
    expect(bridge.status().state).toBe('connected');
  });
});

describe('ObsBridge events', () => {
  it('forwards OBS events across reconnects, and survives a listener that throws', async () => {
    const { bridge, factory, clock, logs } = setup();
    const seen: unknown[] = [];
    bridge.on('CurrentProgramSceneChanged', () => {
      throw new Error('listener bug');
    });
    bridge.on('CurrentProgramSceneChanged', (event) => seen.push(event.sceneName));
    await bridge.connect(config);
    factory.last().emit('CurrentProgramSceneChanged', { sceneName: 'A' });
    factory.last().close(1006);
    await advance(clock, 10_000);
    factory.last().emit('CurrentProgramSceneChanged', { sceneName: 'B' });
    expect(seen).toEqual(['A', 'B']);
    expect(logs.some((line) => line.includes('listener threw'))).toBe(true);
  });

  it('keeps going when a status listener throws', async () => {
    const { bridge } = setup();
    bridge.onStatus(() => {
      throw new Error('ui bug');
    });
    expect((await bridge.connect(config)).state).toBe('connected');
  });
});

describe('the password', () => {
  it('never appears in a status, a log line, an error, or the bridge when printed', async () => {
    const { bridge, factory, clock, statuses, logs } = setup();
    // Even a library error that quoted it would be scrubbed.
    factory.next({ kind: 'error', code: -1, message: `bad handshake for ${SECRET}` }, authFailed);
    await bridge.connect(config);
    await advance(clock, 10_000);
    expect(bridge.status().state).toBe('auth-failed');
    await bridge.connect(config);
    factory.answer = false;
    const error = await Promise.all([
      bridge.call('GetSceneList').catch((e: unknown) => e),
      advance(clock, 3_000),
    ]).then(([e]) => e);

    const everything = [
      JSON.stringify(statuses),
      logs.join('\n'),
      String(error),
      inspect(bridge, { depth: 5, showHidden: true }),
      JSON.stringify(bridge.status()),
      String(bridge.address()),
    ].join('\n');
    expect(everything).not.toContain(SECRET);
    expect(statuses.some((s) => s.message.includes('bad handshake for •••'))).toBe(true);
  });
});

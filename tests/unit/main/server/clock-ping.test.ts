import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowServer } from '../../../../src/main/core/show-server';
import { COMMAND_BURST } from '../../../../src/main/server/rate-limit';
import type { ShowEngine } from '../../../../src/main/show/engine';
import { CHANGE_LEAD_MS, coreText } from '../../../../src/shared/protocol';
import { playlist, snapshot, statement } from '../show/content-fixtures';
import { socketClients, startTestServer, stopTestServer, makeFixture } from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let engine: ShowEngine;
let server: ShowServer;
const { clients, connected } = socketClients(() => server);

beforeEach(async () => {
  ({ fixture, engine, server } = await startTestServer(
    snapshot([statement('a'), statement('b'), playlist('main', ['a', 'b'])]),
  ));
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  await stopTestServer({ server, engine, fixture });
});

describe('clock pings over the socket', () => {
  it('answers a ping from every admitted role with when it heard it and when it answered', async () => {
    expect(await server.remote.enable()).toEqual({ ok: true });
    for (const role of ['display', 'kiosk', 'overlay', 'stage', 'operator', 'remote'] as const) {
      const client = await connected(role);
      const before = Date.now();
      client.send({ type: 'ping', t0: 123.5 });
      const pong = await client.nextOf('pong');
      expect(pong.t0).toBe(123.5);
      expect(pong.t1).toBeGreaterThanOrEqual(before);
      expect(pong.t2).toBeGreaterThanOrEqual(pong.t1);
      expect(pong.t2).toBeLessThanOrEqual(Date.now());
    }
  });

  it('refuses a ping with a stamp that is not a bounded number, naming the message', async () => {
    const display = await connected('display');
    for (const t0 of [-1, 1e300, 'now', null]) {
      display.send({ type: 'ping', t0 });
      const answer = await display.nextOf('result');
      expect(answer).toMatchObject({ ok: false });
      expect(answer.ok ? null : answer.error.key).toBe('core:command.invalidMessage');
    }
    display.send(JSON.stringify({ type: 'ping', t0: 1, extra: 'x' }));
    expect(await display.nextOf('result')).toMatchObject({ ok: false });
  });

  it('counts pings against the rate limit like any message', async () => {
    const display = await connected('display');
    const sent = COMMAND_BURST + 20;
    for (let i = 0; i < sent; i++) display.send({ type: 'ping', t0: i });
    let pongs = 0;
    let refused = 0;
    while (pongs + refused < sent) {
      const message = await display.next();
      if (message.type === 'pong') pongs += 1;
      if (message.type === 'result') {
        expect(message).toMatchObject({ ok: false, error: coreText('command.tooMany') });
        refused += 1;
      }
    }
    expect(pongs).toBeGreaterThanOrEqual(COMMAND_BURST);
    expect(refused).toBeGreaterThan(0);
  });
});

describe('showAt', () => {
  it('stamps a change of slide ahead of now on the pong clock, the same for a late joiner', async () => {
    const operator = await connected('operator');
    const display = await connected('display');
    const before = Date.now();
    operator.send({ type: 'command', requestId: 'n', command: { name: 'next' } });
    const { show } = await display.nextOf('show');
    expect(show.itemId).toBe('b');
    expect(show.showAt).toBeGreaterThanOrEqual(before + CHANGE_LEAD_MS);
    expect(show.showAt).toBeLessThanOrEqual(Date.now() + CHANGE_LEAD_MS);
    // A screen that joins afterwards gets the same stamp, by then past: it shows at once.
    expect(engine.state().showAt).toBe(show.showAt);
  });
});

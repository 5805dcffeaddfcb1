import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowServer } from '../../../../src/main/core/show-server';
import { COMMAND_BURST } from '../../../../src/main/server/rate-limit';
import type { ShowEngine } from '../../../../src/main/show/engine';
import { CHANGE_LEAD, type ChangeLead } from '../../../../src/main/show/change-lead';
import { coreText } from '../../../../src/shared/protocol';
import { playlist, snapshot, statement } from '../show/content-fixtures';
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
let changeLead: ChangeLead;
const { clients, connected } = socketClients(() => server);

beforeEach(async () => {
  ({ fixture, engine, server, changeLead } = await startTestServer(
    snapshot([statement('a'), statement('b'), statement('c'), playlist('main', ['a', 'b', 'c'])]),
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
    // No screen has reported yet: the starting lead.
    expect(show.showAt).toBeGreaterThanOrEqual(before + CHANGE_LEAD.startMs);
    expect(show.showAt).toBeLessThanOrEqual(Date.now() + CHANGE_LEAD.startMs);
    // A screen that joins afterwards gets the same stamp, by then past: it shows at once.
    expect(engine.state().showAt).toBe(show.showAt);
  });
});

describe('the lead of showAt, learned from the screens', () => {
  /** Moves the show on; every client hears it. Returns the stamp and when it was asked. */
  async function change(operator: TestClient, screens: TestClient[]) {
    const askedAt = Date.now();
    operator.send({ type: 'command', requestId: 'n', command: { name: 'next' } });
    const shows = await Promise.all(screens.map((s) => s.nextOf('show')));
    const showAt = shows[0]!.show.showAt as number;
    return { showAt, askedAt, leadAtMost: showAt - askedAt };
  }
  /** A `prepared` report, and a ping after it: its pong says the report was taken. */
  async function report(client: TestClient, showAt: number, at: number) {
    client.send({ type: 'prepared', showAt, at });
    client.send({ type: 'ping', t0: 1 });
    await client.nextOf('pong');
  }

  it('shortens the lead for screens that are ready fast, and lengthens it for a slow one', async () => {
    const operator = await connected('operator');
    const display = await connected('display');
    const stage = await connected('stage');
    for (let i = 0; i < CHANGE_LEAD.minSamples; i++) {
      const { showAt } = await change(operator, [display, stage]);
      const stampedAt = showAt - changeLead.current();
      await report(display, showAt, stampedAt + 3);
      await report(stage, showAt, stampedAt + 5);
    }
    // The slower of them, 5 ms, plus the margin is under the floor.
    expect(changeLead.current()).toBe(CHANGE_LEAD.minMs);
    const fast = await change(operator, [display, stage]);
    expect(fast.leadAtMost).toBeLessThan(CHANGE_LEAD.startMs);
    // The stage monitor falls behind (a busy laptop): every screen waits for it.
    for (let i = 0; i < 3; i++) {
      const { showAt } = i === 0 ? fast : await change(operator, [display, stage]);
      await report(stage, showAt, showAt - changeLead.current() + 140);
    }
    expect(changeLead.current()).toBe(140 + CHANGE_LEAD.marginMs);
    const slow = await change(operator, [display, stage]);
    expect(slow.showAt - slow.askedAt).toBeGreaterThanOrEqual(140 + CHANGE_LEAD.marginMs);
    // It leaves: the fast screen times the show again.
    stage.ws.close();
    await expect.poll(() => changeLead.current()).toBe(CHANGE_LEAD.minMs);
  });

  it('lets no screen push the lead past its ceiling, nor count a change it missed', async () => {
    const operator = await connected('operator');
    const display = await connected('display');
    for (let i = 0; i < CHANGE_LEAD.minSamples; i++) {
      const { showAt } = await change(operator, [display]);
      const stampedAt = showAt - changeLead.current();
      // A hostile or hopeless report: past "missed" it is not counted at all...
      await report(display, showAt, stampedAt + CHANGE_LEAD.missedMs + 5_000);
      expect(changeLead.current()).toBe(CHANGE_LEAD.startMs);
      // ...and just under it, it is capped.
      await report(display, showAt, stampedAt + CHANGE_LEAD.missedMs - 1);
    }
    expect(changeLead.current()).toBe(CHANGE_LEAD.maxMs);
    const capped = await change(operator, [display]);
    expect(capped.showAt - capped.askedAt).toBeLessThanOrEqual(CHANGE_LEAD.maxMs + 50);
  });

  it('believes only screens, and only about stamps it made', async () => {
    expect(await server.remote.enable()).toEqual({ ok: true });
    const operator = await connected('operator');
    const remote = await connected('remote');
    const display = await connected('display');
    for (let i = 0; i < CHANGE_LEAD.minSamples; i++) {
      const { showAt } = await change(operator, [display]);
      const stampedAt = showAt - changeLead.current();
      // An operator or a phone shows no scheduled change: what they say is ignored.
      await report(operator, showAt, stampedAt + 1);
      await report(remote, showAt, stampedAt + 1);
      // A stamp never made: a guess, ignored.
      await report(display, showAt + 1, showAt + 2);
    }
    expect(changeLead.current()).toBe(CHANGE_LEAD.startMs);
    // The screen's own: believed.
    for (let i = 0; i < CHANGE_LEAD.minSamples; i++) {
      const { showAt } = await change(operator, [display]);
      await report(display, showAt, showAt - changeLead.current() + 1);
    }
    expect(changeLead.current()).toBe(CHANGE_LEAD.minMs);
  });

  it('refuses a report whose stamps are not bounded numbers, naming the message', async () => {
    const display = await connected('display');
    for (const bad of [
      { showAt: -1, at: 1 },
      { showAt: 1, at: 1e300 },
      { showAt: 'soon', at: 1 },
      { showAt: 1 },
    ]) {
      display.send({ type: 'prepared', ...bad });
      const answer = await display.nextOf('result');
      expect(answer.ok ? null : answer.error.key).toBe('core:command.invalidMessage');
    }
    expect(changeLead.current()).toBe(CHANGE_LEAD.startMs);
  });
});

/**
 * Issue 11, "No view token may hurt the core": what someone holding only a view's address or
 * token (or a page on another site, through DNS rebinding) can send to a real server. Every
 * case must get a bounded, plain refusal; the core must keep serving the others.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../../src/main/server/server';
import { MAX_MESSAGE_DEPTH } from '../../../../src/main/server/socket';
import { ShowEngine } from '../../../../src/main/show/engine';
import type { ServerMessage } from '../../../../src/shared/protocol';
import { caseItem, playlist, snapshot, statement } from '../show/content-fixtures';
import {
  FakeStore,
  TestClient,
  makeFixture,
  socketClients,
  startTestServer,
  stopTestServer,
} from './helpers';

let fixture: ReturnType<typeof makeFixture>;
let store: FakeStore;
let engine: ShowEngine;
let server: RunningServer;

const content = () =>
  snapshot([caseItem('a'), statement('b'), statement('c'), playlist('main', ['a', 'b', 'c'])]);

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
  ({ fixture, store, engine, server } = await startTestServer(content()));
});

afterEach(() => {
  for (const client of clients.splice(0)) client.ws.terminate();
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
    if (!refused.ok) expect(refused.error.length).toBeLessThan(200);
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
      error: `the message is nested deeper than ${MAX_MESSAGE_DEPTH} levels`,
    });
    // Within the limit it is described as usual (an unknown key), not refused for depth.
    operator.send(
      `{"type":"command","requestId":"s","command":{"name":"next","x":${nested('[', ']', MAX_MESSAGE_DEPTH - 2)}}}`,
    );
    const shallow = await resultOf(operator, 's');
    expect(shallow.ok).toBe(false);
    if (!shallow.ok) expect(shallow.error).toMatch(/^invalid next command/);
  });

  it('answers an id of 60,000 characters with a short refusal, not an echo', async () => {
    const operator = await connected('operator');
    const result = await run(operator, 'long', { name: 'goTo', itemId: 'x'.repeat(60_000) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.length).toBeLessThan(200);
  });
});

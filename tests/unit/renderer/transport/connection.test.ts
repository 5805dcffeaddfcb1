import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PREPARED_GAP_MS,
  createSocketClient,
  type SocketLike,
} from '../../../../src/renderer/transport/connection';
import { HOLD_CONTENT_MS } from '../../../../src/renderer/transport/messages';
import { createStores, type Stores } from '../../../../src/renderer/stores';
import { showState, snapshot } from '../fixtures';

/** Stands in for the browser's WebSocket: records what is sent, lets the test play the core. */
class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  closed: { code?: number; reason?: string } | null = null;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close(code?: number, reason?: string) {
    this.closed = { code, reason };
    this.readyState = 3;
  }
  // --- the core's side ---
  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  receive(data: unknown) {
    const text = typeof data === 'string' ? data : JSON.stringify(data);
    this.onmessage?.(new MessageEvent('message', { data: text }));
  }
  drop(reason = '', code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason } as CloseEvent);
  }
  welcome(role = 'display') {
    this.open();
    this.receive({ type: 'welcome', protocol: 1, role, clientId: 'c1' });
  }
}

const latest = () => FakeSocket.all[FakeSocket.all.length - 1] as FakeSocket;

describe('socket client', () => {
  let stores: Stores;
  let warn: ReturnType<typeof vi.fn<(...args: unknown[]) => void>>;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    stores = createStores();
    warn = vi.fn<(...args: unknown[]) => void>();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function start(options: Partial<Parameters<typeof createSocketClient>[0]> = {}) {
    const client = createSocketClient({
      url: 'ws://127.0.0.1:1234/ws?role=display&token=t',
      role: 'display',
      stores,
      createSocket: (url) => new FakeSocket(url),
      random: () => 0.5,
      warn,
      // Clock pings would sit among the commands these tests read; their own test turns them on.
      clockSync: false,
      ...options,
    });
    client.start();
    return client;
  }

  it('measures its clock against the core after the welcome, and only believes its own pings', () => {
    // The page's clock is performance-based; the fake timers move it with them.
    start({ clockSync: undefined });
    expect(latest().sent).toHaveLength(0);
    latest().welcome();
    const pings = () =>
      latest()
        .sent.map((s) => JSON.parse(s) as { type: string; t0: number })
        .filter((m) => m.type === 'ping');
    expect(pings()).toHaveLength(1);
    // A pong for a ping never sent is ignored.
    latest().receive({ type: 'pong', t0: 5, t1: 1e12, t2: 1e12 });
    expect(stores.show.getState().syncOffsetMs).toBeNull();
    // The core is 40 s ahead of this page and answers each ping at once.
    for (let i = 0; i < 8; i++) {
      const { t0 } = pings()[i] as { t0: number };
      latest().receive({ type: 'pong', t0, t1: t0 + 40_000, t2: t0 + 40_000 });
      vi.advanceTimersByTime(50);
    }
    expect(pings()).toHaveLength(8);
    const offset = stores.show.getState().syncOffsetMs as number;
    expect(Math.abs(offset - 40_000)).toBeLessThan(1);
  });

  it('reports a prepared change to the core, once the core has welcomed it, at most every PREPARED_GAP_MS', () => {
    let pageNow = 1_000;
    const client = start({ now: () => pageNow });
    const reports = () =>
      latest()
        .sent.map((s) => JSON.parse(s) as { type: string })
        .filter((m) => m.type === 'prepared');
    // Not before the welcome: nothing is listening for it yet.
    client.reportPrepared(5_000, 4_990);
    latest().open();
    client.reportPrepared(5_000, 4_990);
    expect(latest().sent).toHaveLength(0);
    latest().welcome();
    client.reportPrepared(5_000, 4_990);
    expect(reports()).toEqual([{ type: 'prepared', showAt: 5_000, at: 4_990 }]);
    // A held key's changes: the ones within PREPARED_GAP_MS of a report are dropped.
    pageNow += PREPARED_GAP_MS - 1;
    client.reportPrepared(5_100, 5_090);
    expect(reports()).toHaveLength(1);
    pageNow += 1;
    client.reportPrepared(5_200, 5_190);
    expect(reports()).toEqual([
      { type: 'prepared', showAt: 5_000, at: 4_990 },
      { type: 'prepared', showAt: 5_200, at: 5_190 },
    ]);
    // Gone: dropped, not queued for a socket that may never come back.
    latest().drop();
    pageNow += 1_000;
    client.reportPrepared(5_300, 5_290);
    expect(reports()).toHaveLength(2);
  });

  it('pushes welcome, content and show into the stores', () => {
    start();
    expect(stores.connection.getState().status).toBe('connecting');
    latest().welcome();
    expect(stores.connection.getState()).toMatchObject({ status: 'open', clientId: 'c1' });
    latest().receive({ type: 'content', content: snapshot() });
    latest().receive({ type: 'show', show: showState() });
    expect(stores.content.getState().snapshot?.pack.defaultLanguage).toBe('en');
    expect(stores.show.getState().show?.itemId).toBe('boris-kagarlitsky');
  });

  it('holds a pack without the item on air until the core moves the show, then applies both', () => {
    start();
    latest().welcome();
    latest().receive({ type: 'content', content: snapshot() });
    latest().receive({ type: 'show', show: showState() });
    const withdrawn = snapshot().items.filter((item) => item.id !== 'boris-kagarlitsky');
    expect(withdrawn.length).toBeGreaterThan(0);
    const changes: string[] = [];
    stores.content.subscribe(() => changes.push('content'));
    stores.show.subscribe(() => changes.push('show'));

    latest().receive({
      type: 'content',
      content: { ...snapshot(), items: withdrawn, revision: 2 },
    });
    // Not yet: alone, it would leave the screens on the neutral slide until the show moved.
    expect(stores.content.getState().snapshot?.revision).not.toBe(2);
    latest().receive({ type: 'show', show: showState({ itemId: 'free-boris-site', sequence: 1 }) });
    expect(changes).toEqual(['show', 'content']);
    expect(stores.content.getState().snapshot?.revision).toBe(2);
  });

  it('applies a held pack on its own when no show follows', () => {
    start();
    latest().welcome();
    latest().receive({ type: 'show', show: showState() });
    const withdrawn = snapshot().items.filter((item) => item.id !== 'boris-kagarlitsky');
    latest().receive({
      type: 'content',
      content: { ...snapshot(), items: withdrawn, revision: 3 },
    });
    vi.advanceTimersByTime(HOLD_CONTENT_MS - 1);
    expect(stores.content.getState().snapshot?.revision).not.toBe(3);
    vi.advanceTimersByTime(1);
    expect(stores.content.getState().snapshot?.revision).toBe(3);
  });

  it('drops invalid messages with a warning and keeps the last good state', () => {
    start();
    latest().welcome();
    latest().receive({ type: 'show', show: showState() });
    latest().receive('not json');
    latest().receive({ type: 'show', show: { ...showState(), itemId: 42 } });
    latest().receive({ type: 'teleport' });
    latest().receive({ type: 'show', show: showState(), extra: true });
    expect(warn).toHaveBeenCalledTimes(4);
    expect(stores.show.getState().show?.itemId).toBe('boris-kagarlitsky');
    expect(stores.connection.getState().status).toBe('open');
  });

  it('reconnects with growing, capped delays and keeps the content', () => {
    start({ backoffBaseMs: 100, backoffMaxMs: 400 });
    latest().welcome();
    latest().receive({ type: 'content', content: snapshot() });
    latest().drop('server restarting');
    expect(stores.connection.getState()).toMatchObject({
      status: 'reconnecting',
      lastCloseReason: 'server restarting',
    });
    expect(stores.content.getState().snapshot).not.toBeNull();

    // random() = 0.5 → three quarters of the ceiling: 75, 150, 300, 300 (capped at 400).
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const before = FakeSocket.all.length;
      let waited = 0;
      while (FakeSocket.all.length === before) {
        vi.advanceTimersByTime(1);
        waited += 1;
      }
      delays.push(waited);
      latest().drop();
    }
    expect(delays).toEqual([75, 150, 300, 300]);

    // A welcome resets the backoff.
    vi.advanceTimersByTime(400);
    latest().welcome();
    latest().drop();
    expect(FakeSocket.all.length).toBe(6);
    vi.advanceTimersByTime(75);
    expect(FakeSocket.all.length).toBe(7);
  });

  it('retries slowly, showing why, when the core refuses the token', () => {
    start({ refusedRetryMs: 30_000 });
    latest().drop('wrong token for the display role', 4001);
    expect(stores.connection.getState().lastCloseReason).toBe('wrong token for the display role');
    vi.advanceTimersByTime(29_999);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('gives up on an attempt that never gets a welcome', () => {
    start({ handshakeTimeoutMs: 1000 });
    latest().open();
    vi.advanceTimersByTime(1000);
    expect(latest().closed?.code).toBe(4000);
    expect(stores.connection.getState().status).toBe('reconnecting');
  });

  it('matches command results by requestId', async () => {
    const client = start();
    latest().welcome();
    const first = client.sendCommand({ name: 'next' });
    const second = client.sendCommand({ name: 'blackout', on: true });
    const [a, b] = latest().sent.map((s) => JSON.parse(s));
    expect(a).toMatchObject({ type: 'command', command: { name: 'next' } });
    latest().receive({
      type: 'result',
      requestId: b.requestId,
      ok: false,
      error: { message: 'not allowed' },
    });
    latest().receive({ type: 'result', requestId: a.requestId, ok: true });
    await expect(first).resolves.toEqual({ ok: true });
    await expect(second).resolves.toEqual({ ok: false, error: { message: 'not allowed' } });
  });

  it('times out a command the core never answers', async () => {
    const client = start({ commandTimeoutMs: 500 });
    latest().welcome();
    const result = client.sendCommand({ name: 'next' });
    vi.advanceTimersByTime(500);
    await expect(result).resolves.toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/500/) },
    });
  });

  it('settles pending commands when the connection drops, and refuses while down', async () => {
    const client = start();
    latest().welcome();
    const pending = client.sendCommand({ name: 'next' });
    latest().drop();
    await expect(pending).resolves.toMatchObject({ ok: false });
    await expect(client.sendCommand({ name: 'next' })).resolves.toEqual({
      ok: false,
      error: { message: 'not connected to the core', key: 'core:command.notConnected' },
    });
  });

  it('refuses an invalid command without sending it', async () => {
    const client = start();
    latest().welcome();
    await expect(client.sendCommand({ name: 'goTo', itemId: '' })).resolves.toMatchObject({
      ok: false,
    });
    expect(latest().sent).toHaveLength(0);
  });

  it('stops for good', () => {
    const client = start();
    latest().welcome();
    client.stop();
    expect(latest().closed?.code).toBe(1000);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(stores.connection.getState().status).toBe('idle');
  });
});

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { resolveInsidePack, type ResolveResult } from '../../../../src/main/content/paths';
import type { ContentStore } from '../../../../src/main/content/types';
import type { ContentSnapshot } from '../../../../src/shared/content';
import type { ServerMessage, ViewRole } from '../../../../src/shared/protocol';
import { startShowServer } from '../../../../src/main/core/show-server';
import { ShowEngine } from '../../../../src/main/show/engine';
import { ChangeLead } from '../../../../src/main/show/change-lead';

/** The ContentStore interface over a snapshot the test can swap. */
export class FakeStore implements ContentStore {
  private listeners = new Set<(s: ContentSnapshot) => void>();
  constructor(
    readonly packDir: string,
    private current: ContentSnapshot,
  ) {}
  snapshot(): ContentSnapshot {
    return this.current;
  }
  subscribe(listener: (s: ContentSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  replace(next: ContentSnapshot): void {
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }
  /** Any file of the pack folder: these tests are about the server, not the loader's checks. */
  media(relPath: string): Promise<ResolveResult> {
    return resolveInsidePack(this.packDir, relPath);
  }
  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * root/
 *   outside.png          must never be served
 *   pack/media/photo.png, logo.svg, notes.txt, escape.png -> ../../outside.png
 *   renderer/index.html, renderer/assets/app.js
 */
export function makeFixture(): {
  root: string;
  packDir: string;
  rendererDir: string;
  cleanup: () => void;
} {
  const root = mkdtempSync(path.join(tmpdir(), 'ss-server-'));
  const packDir = path.join(root, 'pack');
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(packDir, 'media'), { recursive: true });
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'outside.png'), PNG);
  writeFileSync(path.join(packDir, 'media', 'photo.png'), PNG);
  writeFileSync(
    path.join(packDir, 'media', 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  );
  writeFileSync(path.join(packDir, 'media', 'notes.txt'), 'not media');
  writeFileSync(path.join(packDir, 'media', 'font.woff2'), 'wOF2');
  symlinkSync(path.join(root, 'outside.png'), path.join(packDir, 'media', 'escape.png'));
  writeFileSync(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" crossorigin src="./assets/app.js"></script><link rel="stylesheet" href="./assets/app.css"></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  return {
    root,
    packDir,
    rendererDir,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export interface HttpResult<Body = string> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Body;
}

/**
 * The token `get` and `getBytes` present on `/media/` paths that carry none, as a view's page
 * does (the renderer's mediaUrl adds its own). `startTestServer` sets the display's; tests of
 * the token itself use `getRaw`, which adds nothing.
 */
let viewMediaToken: string | null = null;

export function presentMediaToken(token: string | null): void {
  viewMediaToken = token;
}

function withMediaToken(rawPath: string): string {
  if (!viewMediaToken || !rawPath.startsWith('/media/') || /[?&]token=/.test(rawPath)) {
    return rawPath;
  }
  const joiner = rawPath.includes('?') ? '&' : '?';
  return `${rawPath}${joiner}token=${encodeURIComponent(viewMediaToken)}`;
}

/**
 * A GET with the path sent exactly as given (fetch would normalise `..` away), the body kept as
 * bytes. No keep-alive: a pooled socket would hold up the server's close for the agent's 5 s.
 */
export function getBytes(
  port: number,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<HttpResult<Buffer>> {
  return getRawBytes(port, withMediaToken(rawPath), headers);
}

/** getBytes with no media token added: exactly the request given. */
export function getRawBytes(
  port: number,
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<HttpResult<Buffer>> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: rawPath, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** getRawBytes, with the body as UTF-8 text. */
export async function getRaw(
  port: number,
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<HttpResult> {
  const result = await getRawBytes(port, rawPath, headers, method);
  return { ...result, body: result.body.toString('utf8') };
}

/** getBytes, with the body as UTF-8 text. */
export async function get(
  port: number,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<HttpResult> {
  const result = await getBytes(port, rawPath, headers);
  return { ...result, body: result.body.toString('utf8') };
}

/** A ws client that queues what it receives, so tests can await messages in order. */
export class TestClient {
  readonly ws: WebSocket;
  private queue: ServerMessage[] = [];
  private waiters: ((m: ServerMessage) => void)[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;

  constructor(url: string, options: WebSocket.ClientOptions = {}) {
    this.ws = new WebSocket(url, options);
    this.ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      const waiter = this.waiters.shift();
      if (waiter) waiter(message);
      else this.queue.push(message);
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
  }

  next(timeoutMs = 2_000): Promise<ServerMessage> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no message within timeout')), timeoutMs);
      this.waiters.push((m) => {
        clearTimeout(timer);
        resolve(m);
      });
    });
  }

  /** Skips messages until one of `type` arrives. */
  async nextOf<T extends ServerMessage['type']>(
    type: T,
  ): Promise<Extract<ServerMessage, { type: T }>> {
    for (;;) {
      const message = await this.next();
      if (message.type === type) return message as Extract<ServerMessage, { type: T }>;
    }
  }

  send(value: unknown): void {
    this.ws.send(typeof value === 'string' ? value : JSON.stringify(value));
  }

  close(): void {
    this.ws.close();
  }
}

/**
 * Sockets to a server under test, kept so `afterEach` can end them all. `server` is read when
 * a client connects, so a test file can restart its server between tests.
 */
export function socketClients(server: () => { port: number; tokens: Record<ViewRole, string> }) {
  const clients: TestClient[] = [];
  function connect(role: string, token: string | undefined, origin?: string): TestClient {
    const query = new URLSearchParams({ role, ...(token === undefined ? {} : { token }) });
    const client = new TestClient(
      `ws://127.0.0.1:${server().port}/ws?${query}`,
      origin ? { origin } : {},
    );
    clients.push(client);
    return client;
  }
  /** Connected and greeted: past the show state (and, for an operator, its own messages). */
  async function connected(role: ViewRole): Promise<TestClient> {
    const client = connect(role, server().tokens[role]);
    await client.nextOf('show');
    if (role === 'operator') await client.nextOf('notices');
    return client;
  }
  return { clients, connect, connected };
}

/**
 * A real server on a free loopback port over a fake store and a real engine. The phone
 * remote's "LAN" is loopback in tests: nothing leaves this machine.
 */
export async function startTestServer(content: ContentSnapshot) {
  const fixture = makeFixture();
  const store = new FakeStore(fixture.packDir, content);
  // One lead for the show and the server, as core/start.ts wires them.
  const changeLead = new ChangeLead();
  const engine = new ShowEngine(store.snapshot(), { changeLead });
  const server = await startShowServer({
    store,
    engine,
    rendererDir: fixture.rendererDir,
    port: 0,
    lanAddresses: () => ['127.0.0.1'],
    changeLead,
  });
  presentMediaToken(server.tokens.display);
  return { fixture, store, engine, server, changeLead };
}

/** Undoes `startTestServer`: the server (and its sockets), the engine's timers, the temp pack. */
export async function stopTestServer(running: {
  server: { close(): Promise<void> };
  engine: { stop(): void };
  fixture: { cleanup(): void };
}): Promise<void> {
  await running.server.close();
  running.engine.stop();
  running.fixture.cleanup();
}

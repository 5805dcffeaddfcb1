import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openContentStore } from '../../../../src/main/content/store';
import type { ShowServer } from '../../../../src/main/core/show-server';
import { startCore, type Core } from '../../../../src/main/core/start';
import type { ServerMessage } from '../../../../src/shared/protocol';
import { TestClient, get } from '../server/helpers';
import { writeSavedPosition } from './saved-position';

// The server listens before the pack is read: the page loads meanwhile, and a view that
// connects early is held and greeted with the whole first content, never an empty show.

const goodPack = path.resolve(__dirname, '../../../fixtures/packs/good');

let dir: string;
let contentDir: string;
let dataDir: string;
let rendererDir: string;

/** A core on this test's folders, with no watcher, no OBS and no log: only its start-up. */
function quietCoreOptions() {
  return {
    contentDir,
    port: 0,
    rendererDir,
    watch: false,
    dataDir,
    obs: false as const,
    log: () => {},
  };
}
const clients: TestClient[] = [];
const cores: Promise<Core>[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-early-'));
  contentDir = path.join(dir, 'pack');
  dataDir = path.join(dir, 'data');
  rendererDir = path.join(dir, 'renderer');
  cpSync(goodPack, contentDir, { recursive: true });
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>views</title>');
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  for (const core of cores.splice(0)) await (await core).stop();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts a core whose pack stays unread until `release()`: the loader waits on a gate, so
 * what happens "before the pack has loaded" is certain, not a race.
 */
async function startHeld(): Promise<{
  server: ShowServer;
  core: Promise<Core>;
  loaded: () => boolean;
  release: () => void;
}> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let loaded = false;
  let listening!: (server: ShowServer) => void;
  const listened = new Promise<ShowServer>((resolve) => (listening = resolve));
  const core = startCore({
    ...quietCoreOptions(),
    onListening: (server) => listening(server),
    openContent: async (packDir, options) => {
      await gate;
      const store = await openContentStore(packDir, options);
      loaded = true;
      return store;
    },
  });
  cores.push(core);
  const server = await Promise.race([
    listened,
    core.then(() => {
      throw new Error('startCore resolved without listening first');
    }),
  ]);
  return { server, core, loaded: () => loaded, release };
}

function connect(server: ShowServer, role: 'display' | 'operator'): TestClient {
  const client = new TestClient(
    `ws://127.0.0.1:${server.port}/ws?role=${role}&token=${server.tokens[role]}`,
  );
  clients.push(client);
  return client;
}

/** Collects every message a client gets from now on, in order. */
function record(client: TestClient): ServerMessage[] {
  const seen: ServerMessage[] = [];
  client.ws.on('message', (data) => seen.push(JSON.parse(data.toString()) as ServerMessage));
  return seen;
}

describe('startCore listens before the pack is read', () => {
  it('answers the page while the pack has not loaded', async () => {
    const held = await startHeld();
    const page = await get(held.server.port, `/display?token=${held.server.tokens.display}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>views</title>');
    expect(held.loaded()).toBe(false);
    held.release();
    const core = await held.core;
    expect(core.engine.state().itemId).toBe('anna-example');
  });

  it('holds a socket that connects early and greets it with the first real content', async () => {
    const held = await startHeld();
    const display = connect(held.server, 'display');
    const operator = connect(held.server, 'operator');
    const seen = record(display);
    await Promise.all([display.opened, operator.opened]);
    // A command sent while held is answered once the show exists, not lost.
    operator.send({ type: 'command', requestId: 'early', command: { name: 'next' } });
    // Round trips on the listening server: the held sockets had every chance to hear
    // something by now, and must not have.
    await get(held.server.port, `/display?token=${held.server.tokens.display}`);
    expect(seen).toEqual([]);
    expect(held.loaded()).toBe(false);

    held.release();
    await held.core;
    expect((await display.next()).type).toBe('welcome');
    const content = await display.next();
    if (content.type !== 'content') throw new Error(`expected content, got ${content.type}`);
    expect(content.content.revision).toBeGreaterThan(0);
    expect(content.content.items.map((i) => i.id)).toContain('anna-example');
    expect(content.content.errors).toEqual([]);
    const show = await display.next();
    if (show.type !== 'show') throw new Error(`expected show, got ${show.type}`);
    expect(show.show).toMatchObject({ playlistId: 'main', itemId: 'anna-example' });
    expect(await operator.nextOf('result')).toMatchObject({ requestId: 'early', ok: true });
  });

  it('holds a resumed safe mode from the first frame, and media asked for early obey it', async () => {
    // The drawing is sensitive; the last run stopped on it in safe mode.
    const drawing = path.join(contentDir, 'drawings/ship.yaml');
    writeFileSync(drawing, `${readFileSync(drawing, 'utf8')}sensitive: true\n`);
    writeSavedPosition(dataDir);
    const held = await startHeld();
    const display = connect(held.server, 'display');
    const shows: ServerMessage[] = [];
    display.ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'show') shows.push(message);
    });
    await display.opened;
    const media = (file: string) =>
      get(held.server.port, `/media/media/${file}?token=${held.server.tokens.display}`);
    const sensitiveImage = media('ship.png');
    const otherImage = media('anna.png');

    held.release();
    await held.core;
    await display.nextOf('show');
    const first = shows[0];
    if (first?.type !== 'show') throw new Error('no show state');
    expect(first.show.safeMode).toBe(true);
    expect(first.show.itemId).not.toBe('ship');
    expect(first.show.order).not.toContain('ship');
    // Held until the show existed, then refused: safe mode hides the sensitive image.
    expect((await sensitiveImage).status).not.toBe(200);
    // Held, not failed: answered as the loaded show answers it.
    expect((await otherImage).status).toBe((await media('anna.png')).status);
    expect((await otherImage).status).toBeLessThan(500);
  });
});

/**
 * Starts a core that notes `pack read` in `events` when its pack is read, after waiting for
 * `pageQuiet`; `browse` plays a browser on the listening server (its requests' answers go in
 * `events` too). Resolves once both the core and `browse` are done.
 */
async function startWatched(
  pageQuiet: { quietMs: number; maxMs: number },
  browse: (server: ShowServer, events: string[]) => Promise<void> | void,
): Promise<string[]> {
  const events: string[] = [];
  let browsing: Promise<void> | void = undefined;
  const core = startCore({
    ...quietCoreOptions(),
    pageQuiet,
    onListening: (server) => {
      browsing = browse(server as ShowServer, events);
    },
    openContent: async (packDir, options) => {
      events.push('pack read');
      return openContentStore(packDir, options);
    },
  });
  cores.push(core);
  await core;
  await browsing;
  return events;
}

describe('startCore reads the pack once the page has its scripts', () => {
  it('answers the scripts a browser asks for on listening before it starts reading the pack', async () => {
    mkdirSync(path.join(rendererDir, 'assets'));
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
    const events = await startWatched(
      // Long enough that the requests below reach the server within it on any machine; the
      // limit is what lets the pack load at last.
      { quietMs: 1_000, maxMs: 5_000 },
      // What a browser opened on the printed address does: the page, then its scripts.
      async (server, seen) => {
        await get(server.port, `/display?token=${server.tokens.display}`);
        const script = await get(server.port, '/assets/app.js');
        seen.push(`script ${script.status}`);
      },
    );
    expect(events).toEqual(['script 200', 'pack read']);
  });

  it('reads the pack once the files the page named are answered, not after a quiet time', async () => {
    // A built renderer in small: the page names its entry, and the manifest says what the
    // display's view needs on top.
    mkdirSync(path.join(rendererDir, 'assets'));
    writeFileSync(
      path.join(rendererDir, 'index.html'),
      '<!doctype html><html><head><script type="module" crossorigin src="./assets/index.js"></script></head><body></body></html>',
    );
    for (const file of ['index.js', 'view.js', 'view.css']) {
      writeFileSync(path.join(rendererDir, 'assets', file), '/* */');
    }
    writeFileSync(
      path.join(rendererDir, 'manifest.json'),
      JSON.stringify({
        'index.html': { file: 'assets/index.js' },
        'views/display/DisplayView.tsx': {
          file: 'assets/view.js',
          imports: ['index.html'],
          css: ['assets/view.css'],
        },
      }),
    );
    const events = await startWatched(
      // Far longer than this test may take: only the page's files being answered can end it.
      { quietMs: 60_000, maxMs: 60_000 },
      async (server, seen) => {
        const page = await get(server.port, `/display?token=${server.tokens.display}`);
        expect(page.body).toContain(
          '<link rel="modulepreload" crossorigin href="/assets/view.js">',
        );
        expect(page.body).toContain('<link rel="stylesheet" crossorigin href="/assets/view.css">');
        for (const file of ['/assets/index.js', '/assets/view.js', '/assets/view.css']) {
          expect(seen).not.toContain('pack read');
          const answer = await get(server.port, file);
          seen.push(`${file} ${answer.status}`);
        }
      },
    );
    // Each file was asked for before the pack was read (checked above, before each request);
    // the last one's answer is what started the read.
    expect(events.filter((e) => e !== 'pack read')).toEqual([
      '/assets/index.js 200',
      '/assets/view.js 200',
      '/assets/view.css 200',
    ]);
    expect(events).toContain('pack read');
  });

  it('reads the pack as soon as a view opens its socket, without waiting for the quiet', async () => {
    let opened = 0;
    const events = await startWatched(
      // Far longer than this test may take: only the socket can end the wait.
      { quietMs: 60_000, maxMs: 60_000 },
      (server, seen) => {
        opened = performance.now();
        const display = connect(server, 'display');
        void display.opened.then(() => seen.push('socket open'));
      },
    );
    // Without the socket ending it, this would wait the whole minute (and time out).
    expect(performance.now() - opened).toBeLessThan(30_000);
    expect(events).toContain('pack read');
    await vi.waitFor(() => expect(events).toContain('socket open'));
  });
});

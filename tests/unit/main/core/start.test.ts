import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type Core, type CoreOptions } from '../../../../src/main/core/start';
import { TestClient, get } from '../server/helpers';
import { writeSavedPosition } from './saved-position';

const goodPack = path.resolve(__dirname, '../../../fixtures/packs/good');

let dir: string;
let contentDir: string;
let dataDir: string;
const cores: Core[] = [];
const clients: TestClient[] = [];
let logged: string[];

/** A core on the test's pack and data folder; stopped after the test if the test does not. */
async function start(options: Partial<CoreOptions> = {}): Promise<Core> {
  const core = await startCore({
    contentDir,
    port: 0,
    rendererDir: path.join(dir, 'no-renderer'),
    watch: true,
    // These tests are about edits reaching the views, not about the start.
    watchDelayMs: 0,
    dataDir,
    log: (message) => logged.push(message),
    ...options,
  });
  cores.push(core);
  return core;
}

function connect(core: Core, role: 'display' | 'operator'): TestClient {
  const client = new TestClient(
    `ws://127.0.0.1:${core.server.port}/ws?role=${role}&token=${core.server.tokens[role]}`,
  );
  clients.push(client);
  return client;
}

async function command(operator: TestClient, command: object): Promise<unknown> {
  operator.send({ type: 'command', requestId: 'r', command });
  return operator.nextOf('result');
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-core-'));
  contentDir = path.join(dir, 'pack');
  dataDir = path.join(dir, 'data');
  cpSync(goodPack, contentDir, { recursive: true });
  logged = [];
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.ws.terminate();
  for (const core of cores.splice(0)) await core.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('startCore (real content store)', () => {
  it('starts the show on the pack’s default playlist and serves its media', async () => {
    const core = await start();
    expect(core.engine.state()).toMatchObject({ playlistId: 'main', itemId: 'anna-example' });
    const png = await get(
      core.server.port,
      `/media/media/ship.png?token=${core.server.tokens.display}`,
    );
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    // The fixture set includes a secret next to the packs; it must stay unreachable.
    expect(
      (await get(core.server.port, `/media/../secret.png?token=${core.server.tokens.display}`))
        .status,
    ).toBe(404);
  });

  it('sends an edited pack to connected views, content before show', async () => {
    const core = await start();
    const client = connect(core, 'display');
    const initial = await client.nextOf('content');
    await client.nextOf('show');

    writeFileSync(
      path.join(contentDir, 'playlists', 'main.yaml'),
      'kind: playlist\ntitle: Main loop\nitems:\n  - solidarity\n  - ship\n',
    );
    const updated = await client.nextOf('content');
    expect(updated.content.revision).toBeGreaterThan(initial.content.revision);
    const show = await client.next(5_000);
    expect(show.type).toBe('show');
    expect(show.type === 'show' && show.show.order).toEqual(['solidarity', 'ship']);
  });
});

describe('restarting the core', () => {
  it('resumes at the saved position: same playlist, same item', async () => {
    const first = await start();
    const operator = connect(first, 'operator');
    await operator.nextOf('show');
    const third = first.engine.state().order[2]!;
    expect(await command(operator, { name: 'goTo', itemId: third })).toMatchObject({ ok: true });
    await first.stop();

    const second = await start();
    expect(second.engine.state()).toMatchObject({ playlistId: 'main', itemId: third, position: 2 });
    const display = connect(second, 'display');
    expect((await display.nextOf('show')).show).toMatchObject({
      playlistId: 'main',
      itemId: third,
    });
    expect(second.notices).toEqual([]);
  });

  it('restores safe mode and blackout, so a crash during a rally reveals no one', async () => {
    const first = await start();
    first.engine.execute({ name: 'safeMode', on: true });
    first.engine.execute({ name: 'blackout', on: true });
    await first.stop();
    const second = await start();
    expect(second.engine.state()).toMatchObject({
      safeMode: true,
      blackout: true,
      itemId: 'solidarity',
    });
  });

  it('keeps the view tokens, until asked for new ones', async () => {
    const first = await start();
    const tokens = first.server.tokens;
    await first.stop();
    const second = await start();
    expect(second.server.tokens).toEqual(tokens);
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'tokens.json'), 'utf8'));
    expect(stored).toEqual(tokens);
    await second.stop();

    const renewed = await start({ newTokens: true });
    for (const role of Object.keys(tokens) as (keyof typeof tokens)[]) {
      expect(renewed.server.tokens[role]).not.toBe(tokens[role]);
    }
    expect(renewed.notices.map((n) => n.message).join('\n')).toMatch(/stopped working/);
  });

  it('sets a corrupt position file aside, starts in safe mode and keeps the notice', async () => {
    const first = await start();
    first.engine.execute({ name: 'safeMode', on: true });
    await first.stop();
    writeFileSync(path.join(dataDir, 'show-position.json'), '{"itemId": "ship", "posi');
    const second = await start();
    // The lost file said safe mode was on: the show must not come back with a name on air.
    expect(second.engine.state()).toMatchObject({ safeMode: true, itemId: 'solidarity' });
    expect(second.engine.state().order).not.toContain('anna-example');
    expect(second.notices).toHaveLength(1);
    expect(second.notices[0]?.message).toMatch(
      /show position could not be read .*show-position\.json\.corrupt-.*started in safe mode/,
    );
    expect(logged).toContain(second.notices[0]?.message);
  });

  for (const [name, text] of [
    ['truncated to nothing', ''],
    [
      'safeMode of the wrong type',
      JSON.stringify({
        playlistId: 'main',
        itemId: 'anna-example',
        position: 0,
        paused: false,
        remainingMs: null,
        blackout: false,
        safeMode: 'true',
      }),
    ],
  ] as const) {
    it(`starts in safe mode when the saved position is ${name}`, async () => {
      const first = await start();
      first.engine.execute({ name: 'safeMode', on: true });
      await first.stop();
      writeFileSync(path.join(dataDir, 'show-position.json'), text);
      const second = await start();
      const display = connect(second, 'display');
      // What the screens get first is already safe.
      expect((await display.nextOf('show')).show).toMatchObject({
        safeMode: true,
        itemId: 'solidarity',
      });
      const operator = connect(second, 'operator');
      expect((await operator.nextOf('notices')).notices.map((n) => n.message).join('\n')).toMatch(
        /could not be read.*started in safe mode/,
      );
    });
  }

  it('shows the operator its notices, the one about the set-aside file included', async () => {
    await (await start()).stop();
    writeFileSync(path.join(dataDir, 'show-position.json'), 'not json');
    const core = await start();
    const operator = connect(core, 'operator');
    expect((await operator.nextOf('notices')).notices).toEqual(core.notices);
    expect(core.notices[0]?.message).toMatch(/show position could not be read/);
  });

  it('brings back the song on its line, the languages and the overlays after a restart', async () => {
    const first = await start();
    const operator = connect(first, 'operator');
    await operator.nextOf('show');
    for (const cmd of [
      { name: 'lyricsStart', songId: 'internationale-refrain' },
      { name: 'lyricsNext' },
      { name: 'setOutputLanguages', output: 'overlay', languages: ['ru'] },
      { name: 'overlay', element: 'lowerThird', on: false },
    ]) {
      expect(await command(operator, cmd)).toMatchObject({ ok: true });
    }
    await first.stop();
    const saved = JSON.parse(readFileSync(path.join(dataDir, 'show-position.json'), 'utf8'));
    expect(saved).toMatchObject({ itemId: 'internationale-refrain', lyrics: { line: 1 } });

    const second = await start();
    expect(second.engine.state()).toMatchObject({
      itemId: 'internationale-refrain',
      lyrics: { songId: 'internationale-refrain', line: 1, timed: null },
      outputLanguages: { display: [], overlay: ['ru'] },
      overlays: { lowerThird: false, lyrics: true },
    });
  });

  /** A saved position in safe mode on `ship`, as written before live lyrics, plus `extra`. */
  const writeOldPosition = (extra: Record<string, unknown> = {}) =>
    writeSavedPosition(dataDir, extra);

  it('resumes a position file written before live lyrics', async () => {
    writeOldPosition();
    const core = await start();
    expect(core.notices).toEqual([]);
    expect(core.engine.state()).toMatchObject({ safeMode: true, lyrics: null, setlist: null });
  });

  it('keeps safe mode when only a newer part of the file is unreadable', async () => {
    writeOldPosition({
      lyrics: { songId: 'internationale-refrain', line: -3, timed: null },
      overlays: { lyrics: 'maybe' },
    });
    const core = await start();
    expect(core.notices).toEqual([]);
    expect(core.engine.state()).toMatchObject({ safeMode: true, lyrics: null });
    expect(core.engine.state().overlays.lyrics).toBe(true);
  });

  it('runs without saving anything, in safe mode, when the data folder cannot be made', async () => {
    const blocker = path.join(dir, 'a-file');
    writeFileSync(blocker, '');
    const core = await start({ dataDir: path.join(blocker, 'data') });
    expect(core.dataDir).toBeNull();
    expect(core.notices.map((n) => n.message).join('\n')).toMatch(
      /cannot be used.*started in safe mode/,
    );
    // The folder may hold a show stopped in safe mode that this start cannot see.
    expect(core.engine.state()).toMatchObject({ safeMode: true, itemId: 'solidarity' });
  });

  it('with dataDir null keeps nothing', async () => {
    const core = await start({ dataDir: null });
    expect(core.dataDir).toBeNull();
    expect(core.notices).toEqual([]);
  });
});

describe('merch-table option', () => {
  it('turns merch-table mode on in what the views receive, including after a reload', async () => {
    const core = await start({ merchTable: { idleSeconds: 90 } });
    const display = connect(core, 'display');
    expect((await display.nextOf('content')).content.pack.display.merchTable).toEqual({
      enabled: true,
      idleSeconds: 90,
    });
    // The store itself is untouched: the option is applied where snapshots leave it.
    expect(core.store.snapshot().pack.display.merchTable).toBeUndefined();
    writeFileSync(
      path.join(contentDir, 'playlists', 'main.yaml'),
      'kind: playlist\ntitle: Main loop\nitems:\n  - solidarity\n',
    );
    const reloaded = await display.nextOf('content');
    expect(reloaded.content.pack.display.merchTable).toEqual({ enabled: true, idleSeconds: 90 });
  });

  it('leaves the pack’s setting alone without the option', async () => {
    const core = await start();
    const display = connect(core, 'display');
    expect((await display.nextOf('content')).content.pack.display.merchTable).toBeUndefined();
  });
});

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../../../src/main/core';
import { TestClient, get } from './helpers';

const goodPack = path.resolve(__dirname, '../../../fixtures/packs/good');

let dir: string;
let core: Core;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-core-'));
  cpSync(goodPack, dir, { recursive: true });
  core = await startCore({
    contentDir: dir,
    port: 0,
    rendererDir: path.join(dir, 'no-renderer'),
    watch: true,
  });
});

afterEach(async () => {
  await core.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('startCore (real content store)', () => {
  it('starts the show on the pack’s default playlist and serves its media', async () => {
    expect(core.engine.state()).toMatchObject({ playlistId: 'main', itemId: 'anna-example' });
    const png = await get(core.server.port, '/media/media/ship.png');
    expect(png.status).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    // The fixture set includes a secret next to the packs; it must stay unreachable.
    expect((await get(core.server.port, '/media/../secret.png')).status).toBe(404);
  });

  it('sends an edited pack to connected views, content before show', async () => {
    const client = new TestClient(
      `ws://127.0.0.1:${core.server.port}/ws?role=display&token=${core.server.tokens.display}`,
    );
    const initial = await client.nextOf('content');
    await client.nextOf('show');

    writeFileSync(
      path.join(dir, 'playlists', 'main.yaml'),
      'kind: playlist\ntitle: Main loop\nitems:\n  - solidarity\n  - ship\n',
    );
    const updated = await client.nextOf('content');
    expect(updated.content.revision).toBeGreaterThan(initial.content.revision);
    const show = await client.next(5_000);
    expect(show.type).toBe('show');
    expect(show.type === 'show' && show.show.order).toEqual(['solidarity', 'ship']);
    client.ws.terminate();
  });
});

// The core serves the content API with no extra option: the server listens before the pack is
// open, so the editor it is given is late-bound, and a save reaches the show without a watcher.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startCore, type Core } from '../../../../src/main/core/start';
import { itemRecordSchema, savedSchema } from '../../../../src/shared/protocol/content-api';

const BUILT_IN_PACK = path.resolve(import.meta.dirname, '../../../../content');
let dir: string;
let core: Core | null = null;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-core-api-'));
  cpSync(BUILT_IN_PACK, path.join(dir, 'pack'), { recursive: true });
  mkdirSync(path.join(dir, 'renderer'));
  writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html>');
});

afterEach(async () => {
  await core?.stop();
  core = null;
  rmSync(dir, { recursive: true, force: true });
});

it('startCore serves /api/v1 to the operator, and a save reaches the show at once', async () => {
  core = await startCore({
    contentDir: path.join(dir, 'pack'),
    port: 0,
    rendererDir: path.join(dir, 'renderer'),
    // No watcher: the editor's reloadSoon alone must carry the change.
    watch: false,
    dataDir: null,
    obs: false,
    log: () => {},
  });
  const { url, tokens } = core.server;
  const headers = { authorization: `Bearer ${tokens.operator}` };
  const got = await fetch(`${url}/api/v1/items/call-to-action`, { headers });
  expect(got.status).toBe(200);
  const record = itemRecordSchema.parse(await got.json());
  const put = await fetch(`${url}/api/v1/items/call-to-action`, {
    method: 'PUT',
    headers: {
      ...headers,
      'content-type': 'application/json',
      'if-match': `"${record.version}"`,
    },
    body: JSON.stringify({ ...record.item, title: { en: 'Saved through the core' } }),
  });
  expect(put.status).toBe(200);
  savedSchema.parse(await put.json());
  await expect
    .poll(() => JSON.stringify(core!.store.snapshot().items.find((i) => i.id === 'call-to-action')))
    .toContain('Saved through the core');
  const display = await fetch(`${url}/api/v1/items`, {
    headers: { authorization: `Bearer ${tokens.display}` },
  });
  expect(display.status).toBe(403);
});

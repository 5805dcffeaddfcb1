import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentEditor } from '../../../../../src/main/content/edit/editor';
import { HISTORY_LIMIT } from '../../../../../src/main/content/edit/history';
import { openContentStore } from '../../../../../src/main/content/store';
import type { PackStore } from '../../../../../src/main/content/types';
import { startShowServer, type ShowServer } from '../../../../../src/main/core/show-server';
import { ShowEngine } from '../../../../../src/main/show/engine';
import {
  conflictSchema,
  deletedSchema,
  historySchema,
  inUseSchema,
  invalidSchema,
  itemListSchema,
  itemRecordSchema,
  savedSchema,
  type ItemRecord,
} from '../../../../../src/shared/protocol/content-api';
import type { ViewRole } from '../../../../../src/shared/protocol';
import { builtInPackInFolder } from '../../../../helpers/pack-copy';

/** One item of every kind in the built-in pack, and a field each can be edited at. */
const ONE_OF_EACH = {
  case: 'boris-kagarlitsky',
  song: 'internationale',
  drawing: 'placeholder-raised-fist',
  action: 'free-boris-site',
  event: 'concert-paris-2023-10-01',
  statement: 'call-to-action',
  playlist: 'merch-table',
  setlist: 'concert',
} as const;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the body through its schema or a path it expects
  json: any;
}

let root: string;
let packDir: string;
let store: PackStore;
let server: ShowServer;

/** A request sent exactly as given (no URL normalisation), JSON in and out. */
function call(
  method: string,
  rawPath: string,
  options: {
    role?: ViewRole | null;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const role = options.role === undefined ? 'operator' : options.role;
  const headers: Record<string, string> = { ...options.headers };
  if (role) headers.authorization = `Bearer ${server.tokens[role]}`;
  const payload =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: rawPath, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = text;
          try {
            json = JSON.parse(text);
          } catch {
            // Not JSON: kept as text.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Every file under `dir` with its bytes' hash: what "nothing changed" is checked against. */
function folderState(dir: string): Record<string, string> {
  const state: Record<string, string> = {};
  const visit = (abs: string, rel: string) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const childAbs = path.join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(childAbs, childRel);
      else state[childRel] = createHash('sha256').update(readFileSync(childAbs)).digest('hex');
    }
  };
  visit(dir, '');
  return state;
}

async function getItem(id: string): Promise<ItemRecord> {
  const reply = await call('GET', `/api/v1/items/${id}`);
  expect(reply.status).toBe(200);
  return itemRecordSchema.parse(reply.json);
}

function put(id: string, body: unknown, version?: string | null, role?: ViewRole | null) {
  return call('PUT', `/api/v1/items/${id}`, {
    body,
    role,
    headers: version ? { 'if-match': `"${version}"` } : {},
  });
}

/** The item with its displayed title changed, whatever the kind calls it. */
function retitled(item: Record<string, unknown>, words: string): Record<string, unknown> {
  const field = 'name' in item ? 'name' : 'title';
  const title = item[field];
  return {
    ...item,
    [field]: typeof title === 'object' && title !== null ? { ...title, en: words } : words,
  };
}

const fileOf = (rel: string) => readFileSync(path.join(packDir, rel), 'utf8');

beforeEach(async () => {
  ({ root, packDir } = builtInPackInFolder('ss-api-'));
  const rendererDir = path.join(root, 'renderer');
  // Beside the pack: a hostile id must not reach it.
  writeFileSync(path.join(root, 'outside.yaml'), 'kind: statement\n');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  store = await openContentStore(packDir, { watch: false });
  const engine = new ShowEngine(store.snapshot());
  server = await startShowServer({
    store,
    engine,
    rendererDir,
    port: 0,
    editor: createContentEditor({ packDir, reloadSoon: () => store.reloadSoon() }),
  });
});

afterEach(async () => {
  await server.close();
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the content API: who may use it', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/api/v1/items'],
    ['GET', '/api/v1/items/boris-kagarlitsky'],
    ['PUT', '/api/v1/items/boris-kagarlitsky', { kind: 'case', id: 'boris-kagarlitsky' }],
    ['PUT', '/api/v1/items/someone-new', { kind: 'statement', title: 'x', text: 'y' }],
    ['DELETE', '/api/v1/items/boris-kagarlitsky?removeReferences=true'],
    ['DELETE', '/api/v1/items/boris-kagarlitsky?removeReferences=true&forget=true'],
    ['GET', '/api/v1/items/boris-kagarlitsky/history'],
    ['POST', '/api/v1/items/boris-kagarlitsky/history/0123456789abcdef/restore'],
  ];

  it.each(routes)(
    '%s %s: 401 without a token, 403 with another role’s, nothing changed',
    async (method, route, body) => {
      const before = folderState(root);
      const none = await call(method, route, { role: null, body });
      expect(none.status).toBe(401);
      const wrong = await call(method, route, {
        role: null,
        body,
        headers: { authorization: 'Bearer not-a-token-of-ours' },
      });
      expect(wrong.status).toBe(401);
      for (const role of ['display', 'remote', 'overlay'] as const) {
        const reply = await call(method, route, { role, body });
        expect(reply.status, role).toBe(403);
        expect(reply.json.error.key).toBe('core:api.forbidden');
      }
      expect(folderState(root)).toEqual(before);
    },
  );

  it('answers the operator’s token on every route, never cached', async () => {
    const list = await call('GET', '/api/v1/items');
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    const parsed = itemListSchema.parse(list.json);
    expect(parsed.defaultLanguage).toBe('en');
    expect(parsed.languages).toEqual(['en', 'ru', 'fr']);
    const boris = parsed.items.find((i) => i.id === 'boris-kagarlitsky');
    expect(boris).toMatchObject({
      kind: 'case',
      title: 'Boris Kagarlitsky',
      file: 'cases/boris-kagarlitsky.yaml',
    });
    const record = await call('GET', '/api/v1/items/boris-kagarlitsky');
    expect(record.headers.etag).toBe(`"${itemRecordSchema.parse(record.json).version}"`);
    // As written: the loader's defaults (photo consent, …) are not filled in.
    expect(record.json.item.age).toBe(65);
    expect(record.json.item.custody[0].from).toBe('2023-07-25');
    expect((await call('GET', '/api/v1/items/nobody')).status).toBe(404);
    const history = await call('GET', '/api/v1/items/boris-kagarlitsky/history');
    expect(historySchema.parse(history.json).entries).toEqual([]);
  });
});

describe('the content API: saving items', () => {
  it.each(Object.entries(ONE_OF_EACH))(
    'a valid %s edit is saved, and the show gets it',
    async (kind, id) => {
      const record = await getItem(id);
      expect(record.kind).toBe(kind);
      const reply = await put(id, retitled(record.item, `Edited ${kind}`), record.version);
      expect(reply.status, JSON.stringify(reply.json)).toBe(200);
      const saved = savedSchema.parse(reply.json);
      expect(saved.file).toBe(record.file);
      expect(saved.version).not.toBe(record.version);
      expect(reply.headers.etag).toBe(`"${saved.version}"`);
      expect((await getItem(id)).item).toEqual(retitled(record.item, `Edited ${kind}`));
      // The store reloads at once, without waiting for a watcher (this one has none).
      await expect
        .poll(() => JSON.stringify(store.snapshot().items.find((i) => i.id === id)))
        .toContain(`Edited ${kind}`);
    },
  );

  it.each(Object.entries(ONE_OF_EACH))(
    'an invalid %s gets 422 with every problem at once, and its file is untouched',
    async (kind, id) => {
      const record = await getItem(id);
      const before = folderState(root);
      const reply = await put(
        id,
        { ...record.item, notAField: 1, alsoNotAField: 'x' },
        record.version,
      );
      expect(reply.status).toBe(422);
      const { errors } = invalidSchema.parse(reply.json);
      const fields = errors.map((e) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['notAField', 'alsoNotAField']));
      expect(errors.every((e) => e.key?.startsWith('problems:'))).toBe(true);
      expect(folderState(root)).toEqual(before);
      expect(kind).toBe(record.kind);
    },
  );

  it.each(Object.entries(ONE_OF_EACH))(
    'a new %s goes to its kind’s folder as clean YAML',
    async (kind, id) => {
      const record = await getItem(id);
      const { id: _old, ...body } = record.item;
      const reply = await put(`new-${kind}`, body);
      expect(reply.status, JSON.stringify(reply.json)).toBe(200);
      const file = `${kind}s/new-${kind}.yaml`;
      expect(savedSchema.parse(reply.json).file).toBe(file);
      expect(fileOf(file).split('\n').slice(0, 2)).toEqual([`kind: ${kind}`, `id: new-${kind}`]);
      expect((await getItem(`new-${kind}`)).item).toEqual({ ...body, id: `new-${kind}` });
    },
  );

  it('checks references like the loader: a playlist naming an item that does not exist', async () => {
    const record = await getItem('merch-table');
    const items = [...(record.item.items as unknown[]), 'test-sunn'];
    const before = folderState(root);
    const reply = await put('merch-table', { ...record.item, items }, record.version);
    expect(reply.status).toBe(422);
    const [error] = invalidSchema.parse(reply.json).errors;
    expect(error!.key).toBe('problems:refs.noItem');
    expect(error!.field).toMatch(/^items\.\d+$/);
    expect(folderState(root)).toEqual(before);
  });

  it('refuses a body whose id is not the one in the path', async () => {
    const record = await getItem('call-to-action');
    const before = folderState(root);
    const reply = await put(
      'call-to-action',
      { ...record.item, id: 'someone-else' },
      record.version,
    );
    expect(reply.status).toBe(422);
    expect(invalidSchema.parse(reply.json).errors[0]).toMatchObject({ field: 'id' });
    expect(folderState(root)).toEqual(before);
  });

  it('refuses a body that is not an object, and one too large, changing nothing', async () => {
    const before = folderState(root);
    for (const raw of [
      '[]',
      '"text"',
      '5',
      'null',
      '{not json',
      '{"__proto__": {"kind": "case"}}',
    ]) {
      const reply = await call('PUT', '/api/v1/items/call-to-action', { raw });
      expect(reply.status, raw).toBe(400);
      expect(reply.json.error.message).toBeTruthy();
    }
    const huge = JSON.stringify({ kind: 'statement', title: 'x', text: 'y'.repeat(600 * 1024) });
    const tooBig = await call('PUT', '/api/v1/items/call-to-action', { raw: huge });
    expect(tooBig.status).toBe(413);
    expect(tooBig.json.error.key).toBe('core:api.tooLarge');
    expect(folderState(root)).toEqual(before);
  });
});

describe('the content API: hostile ids', () => {
  const hostile = [
    '..%2Fx',
    '..%2F..%2Foutside',
    '%2e%2e',
    '%2e%2e%2fpack',
    'a'.repeat(300),
    'Boris-Kagarlitsky',
    '.history',
    'x%00y',
    'x%2Fy',
  ];
  it.each(hostile)(
    '%s is refused with a 4xx and nothing in or beside the pack changes',
    async (id) => {
      const before = folderState(root);
      const body = { kind: 'statement', title: 'x', text: 'y' };
      for (const [method, route, payload] of [
        ['GET', `/api/v1/items/${id}`],
        ['PUT', `/api/v1/items/${id}`, body],
        ['DELETE', `/api/v1/items/${id}?removeReferences=true`],
        ['GET', `/api/v1/items/${id}/history`],
        ['POST', `/api/v1/items/${id}/history/0123456789abcdef/restore`],
      ] as const) {
        const reply = await call(method, route, { body: payload });
        expect(reply.status, `${method} ${route}`).toBeGreaterThanOrEqual(400);
        expect(reply.status, `${method} ${route}`).toBeLessThan(500);
      }
      expect(folderState(root)).toEqual(before);
    },
  );

  it('refuses a restore version that is not a version', async () => {
    for (const version of ['..%2F..%2Fpack', 'XYZ', '1234']) {
      const reply = await call('POST', `/api/v1/items/call-to-action/history/${version}/restore`);
      expect(reply.status).toBe(400);
    }
  });
});

describe('the content API: concurrent edits', () => {
  it('a hand edit between GET and PUT: 409 with both versions, the hand edit stays', async () => {
    const record = await getItem('call-to-action');
    const handEdited = `${fileOf(record.file)}# edited by hand\n`;
    writeFileSync(path.join(packDir, record.file), handEdited);
    const mine = retitled(record.item, 'From the console');
    const reply = await put('call-to-action', mine, record.version);
    expect(reply.status).toBe(409);
    const conflict = conflictSchema.parse(reply.json);
    expect(conflict.yours).toEqual({ version: record.version, item: mine });
    expect(conflict.current.version).not.toBe(record.version);
    expect(conflict.current.item).toEqual(record.item);
    expect(fileOf(record.file)).toBe(handEdited);
  });

  it('two saves from the same version: one is written, the other gets 409 with its edit', async () => {
    const record = await getItem('call-to-action');
    const first = retitled(record.item, 'First console');
    const second = retitled(record.item, 'Second console');
    const replies = await Promise.all([
      put('call-to-action', first, record.version),
      put('call-to-action', second, record.version),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    const lost = replies.find((r) => r.status === 409)!;
    const won = replies.find((r) => r.status === 200)!;
    const conflict = conflictSchema.parse(lost.json);
    const onDisk = (await getItem('call-to-action')).item;
    // Both edits exist: one on disk, the other handed back to its console.
    expect([onDisk, conflict.yours.item]).toEqual(expect.arrayContaining([first, second]));
    expect(conflict.current.version).toBe(savedSchema.parse(won.json).version);
    expect(conflict.current.item).toEqual(onDisk);
  });
});

describe('the content API: forget', () => {
  it('refuses while in use; then unlinks the file, history, trash copy and its photo, and says so', async () => {
    const photo = 'media/drawings/only-boris.svg';
    cpSync(path.join(packDir, 'media/drawings/raised-fist.svg'), path.join(packDir, photo));
    const record = await getItem('boris-kagarlitsky');
    const saved = await put('boris-kagarlitsky', retitled(record.item, 'Boris K.'), record.version);
    expect(saved.status).toBe(200);
    const trashCopy = '.trash/2026-01-01T00-00-00.000Z-boris-kagarlitsky.yaml';
    mkdirSync(path.join(packDir, '.trash'), { recursive: true });
    writeFileSync(
      path.join(packDir, trashCopy),
      `kind: case\nid: boris-kagarlitsky\nphoto:\n  file: ${photo}\n`,
    );
    const before = folderState(packDir);

    const refused = await call('DELETE', '/api/v1/items/boris-kagarlitsky?forget=true');
    expect(refused.status).toBe(409);
    expect(inUseSchema.parse(refused.json).usedBy.length).toBeGreaterThan(0);
    expect(folderState(packDir)).toEqual(before);

    const reply = await call(
      'DELETE',
      '/api/v1/items/boris-kagarlitsky?removeReferences=true&forget=true',
    );
    expect(reply.status).toBe(200);
    const body = deletedSchema.parse(reply.json);
    expect(body.trashed).toBeUndefined();
    expect(body.forgotten).toEqual(
      expect.arrayContaining(['cases/boris-kagarlitsky.yaml', trashCopy, photo]),
    );
    expect(body.forgotten!.some((f) => f.startsWith('.history/boris-kagarlitsky/'))).toBe(true);
    for (const file of body.forgotten!)
      expect(existsSync(path.join(packDir, file)), file).toBe(false);
    expect(existsSync(path.join(packDir, '.history/boris-kagarlitsky'))).toBe(false);
    expect(existsSync(path.join(packDir, 'media/drawings/raised-fist.svg'))).toBe(true);
    // Nothing went to the trash in its place.
    expect(readdirSync(path.join(packDir, '.trash'))).toEqual([]);
  });
});

describe('the content API: delete', () => {
  it('refuses while playlists use the item, then takes it out of them when asked', async () => {
    const users = ['concert-interlude', 'main', 'merch-table'];
    const files = users.map((id) => `playlists/${id}.yaml`);
    const before = files.map(fileOf);
    const refused = await call('DELETE', '/api/v1/items/boris-kagarlitsky');
    expect(refused.status).toBe(409);
    expect(inUseSchema.parse(refused.json).usedBy).toEqual(
      users.map((id, i) => ({ id, kind: 'playlist', file: files[i] })),
    );
    expect(existsSync(path.join(packDir, 'cases/boris-kagarlitsky.yaml'))).toBe(true);
    expect(files.map(fileOf)).toEqual(before);

    const deleted = await call('DELETE', '/api/v1/items/boris-kagarlitsky?removeReferences=true');
    expect(deleted.status).toBe(200);
    const body = deletedSchema.parse(deleted.json);
    expect(body.removedFrom).toEqual(users);
    expect(body.trashed).toMatch(/^\.trash\/.+-boris-kagarlitsky\.yaml$/);
    expect(existsSync(path.join(packDir, 'cases/boris-kagarlitsky.yaml'))).toBe(false);
    expect(readFileSync(path.join(packDir, body.trashed!), 'utf8')).toContain('kind: case');
    // Only the entry's line went: the comments and every other entry stay.
    expect(files.map(fileOf)).toEqual(
      before.map((text) => text.replace('  - boris-kagarlitsky\n', '')),
    );
    await expect
      .poll(() => store.snapshot().items.some((i) => i.id === 'boris-kagarlitsky'))
      .toBe(false);
    expect(store.snapshot().errors).toEqual([]);
  });

  it('names pack.yaml and setlists among the users', async () => {
    const safe = await call('DELETE', '/api/v1/items/solidarity-all-political-prisoners');
    expect(inUseSchema.parse(safe.json).usedBy).toEqual(
      expect.arrayContaining([
        { id: 'main', kind: 'playlist', file: 'playlists/main.yaml' },
        { id: 'pack', kind: 'pack', file: 'pack.yaml' },
      ]),
    );
    // pack.yaml's own history is kept apart from any item's, even one called `pack`.
    const taken = await call(
      'DELETE',
      '/api/v1/items/solidarity-all-political-prisoners?removeReferences=true',
    );
    expect(deletedSchema.parse(taken.json).removedFrom).toEqual(
      expect.arrayContaining(['main', 'pack']),
    );
    expect(readdirSync(path.join(packDir, '.history', 'pack.yaml'))).toHaveLength(1);
    expect(existsSync(path.join(packDir, '.history', 'pack'))).toBe(false);
    const interlude = await call('DELETE', '/api/v1/items/concert-interlude');
    expect(inUseSchema.parse(interlude.json).usedBy).toEqual([
      { id: 'concert', kind: 'setlist', file: 'setlists/concert.yaml' },
    ]);
    const removed = await call('DELETE', '/api/v1/items/concert-interlude?removeReferences=true');
    expect(deletedSchema.parse(removed.json).removedFrom).toEqual(['concert']);
    expect(fileOf('setlists/concert.yaml')).not.toContain('interlude');
    expect(fileOf('setlists/concert.yaml')).toContain('# A concert night');
  });
});

describe('the content API: history', () => {
  it(`keeps the last ${HISTORY_LIMIT} versions and restores one as a new save`, async () => {
    const original = await getItem('call-to-action');
    const originalBytes = fileOf(original.file);
    let version = original.version;
    for (let n = 1; n <= HISTORY_LIMIT + 1; n++) {
      const reply = await put('call-to-action', retitled(original.item, `Save ${n}`), version);
      expect(reply.status).toBe(200);
      version = savedSchema.parse(reply.json).version;
    }
    const history = historySchema.parse(
      (await call('GET', '/api/v1/items/call-to-action/history')).json,
    );
    expect(history.entries).toHaveLength(HISTORY_LIMIT);
    // Newest first; the very first version (the original) was the one let go.
    expect(history.entries.map((e) => e.version)).not.toContain(original.version);
    const oldest = history.entries.at(-1)!;
    expect(readdirSync(path.join(packDir, '.history', 'call-to-action'))).toHaveLength(
      HISTORY_LIMIT,
    );

    const restored = await call(
      'POST',
      `/api/v1/items/call-to-action/history/${oldest.version}/restore`,
      { headers: { 'if-match': `"${version}"` } },
    );
    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    expect(savedSchema.parse(restored.json).version).toBe(oldest.version);
    expect((await getItem('call-to-action')).item).toEqual(retitled(original.item, 'Save 1'));
    // The version it replaced went to history too.
    const after = historySchema.parse(
      (await call('GET', '/api/v1/items/call-to-action/history')).json,
    );
    expect(after.entries[0]!.version).toBe(version);
    expect(originalBytes).toContain('kind: statement');

    // A restore from a version the console did not see is a conflict.
    const stale = await call(
      'POST',
      `/api/v1/items/call-to-action/history/${after.entries[1]!.version}/restore`,
      { headers: { 'if-match': `"${version}"` } },
    );
    expect(stale.status).toBe(409);
    const unknown = await call(
      'POST',
      '/api/v1/items/call-to-action/history/0123456789abcdef/restore',
    );
    expect(unknown.status).toBe(404);
  });

  it('history and trash are hidden folders: the loader and the list never see them', async () => {
    const record = await getItem('call-to-action');
    await put('call-to-action', retitled(record.item, 'Once'), record.version);
    mkdirSync(path.join(packDir, '.trash'), { recursive: true });
    writeFileSync(path.join(packDir, '.trash', 'x.yaml'), 'kind: case\n');
    expect(statSync(path.join(packDir, '.history')).isDirectory()).toBe(true);
    const list = itemListSchema.parse((await call('GET', '/api/v1/items')).json);
    expect(list.items.some((i) => i.file.startsWith('.'))).toBe(false);
    store.reloadSoon();
    await expect.poll(() => store.snapshot().revision).toBeGreaterThan(1);
    expect(store.snapshot().errors).toEqual([]);
  });
});

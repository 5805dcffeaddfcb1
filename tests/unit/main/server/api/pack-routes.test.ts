import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentEditor } from '../../../../../src/main/content/edit/editor';
import { openContentStore } from '../../../../../src/main/content/store';
import type { PackStore } from '../../../../../src/main/content/types';
import { startShowServer, type ShowServer } from '../../../../../src/main/core/show-server';
import { packBytes } from '../../../../../src/main/packs/export-pack';
import { ShowEngine } from '../../../../../src/main/show/engine';
import {
  PACK_SIZES_HEADER,
  packImportedSchema,
  packRefusedSchema,
  packSizesSchema,
} from '../../../../../src/shared/protocol/content-api';
import type { ViewRole as Role } from '../../../../../src/shared/protocol';
import { builtInPackInFolder } from '../../../../helpers/pack-copy';
import { manifestFor, zipWith } from '../../packs/pack-zips';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the body through its schema
  json: any;
}

const IMPORTED_TITLE = 'Imported: act for Boris and Azat';
const CALL = 'statements/call-to-action.yaml';

let root: string;
let packDir: string;
let store: PackStore;
let server: ShowServer;
/** Called once an item save is checked, before its file is written (the editor's test hook). */
let onChecked: (file: string) => Promise<void>;

function call(
  method: string,
  rawPath: string,
  options: { role?: Role | null; body?: Buffer | string; type?: string } = {},
): Promise<Reply> {
  const role = options.role === undefined ? 'operator' : options.role;
  const headers: Record<string, string> = {};
  if (role) headers.authorization = `Bearer ${server.tokens[role]}`;
  if (options.body !== undefined) headers['content-type'] = options.type ?? 'application/zip';
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: rawPath, method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          let json: unknown = null;
          try {
            json = JSON.parse(body.toString('utf8'));
          } catch {
            // A zip.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const importZip = (zip: Buffer, query = '') =>
  call('POST', `/api/v1/pack/import${query}`, { body: zip });

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

/** Another event's pack: the built-in one with the call to action retitled, as a zip. */
async function otherPackZip(): Promise<Buffer> {
  const other = path.join(root, 'elsewhere');
  mkdirSync(other);
  const copy = builtInPackInFolder('ss-pack-other-');
  try {
    const file = path.join(copy.packDir, CALL);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        /en: Take action for Boris Kagarlitsky and Azat Miftakhov!/,
        `en: "${IMPORTED_TITLE}"`,
      ),
    );
    const built = await packBytes({ contentDir: copy.packDir, playlists: [], force: false });
    if (!built.ok) throw new Error(JSON.stringify(built.problem));
    return Buffer.from(built.zip);
  } finally {
    rmSync(copy.root, { recursive: true, force: true });
  }
}

function titleOnShow(id: string): string | undefined {
  const item = store.snapshot().items.find((i) => i.id === id) as
    { title?: Record<string, string> } | undefined;
  return item?.title?.en;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

beforeEach(async () => {
  ({ root, packDir } = builtInPackInFolder('ss-pack-api-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  onChecked = async () => {};
  store = await openContentStore(packDir, { watch: true, rootCheckMs: 50, debounceMs: 75 });
  await store.watching;
  server = await startShowServer({
    store,
    engine: new ShowEngine(store.snapshot()),
    rendererDir,
    port: 0,
    editor: createContentEditor({
      packDir,
      reloadSoon: () => store.reloadSoon(),
      onChecked: (file) => onChecked(file),
    }),
  });
});

afterEach(async () => {
  await server.close();
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('event packs over the content API: who may use them', () => {
  it.each([
    ['GET', '/api/v1/pack/export'],
    ['POST', '/api/v1/pack/import'],
    ['POST', '/api/v1/pack/import?dryRun=true'],
  ])('%s %s: 401 without a token, 403 with another role’s, nothing changed', async (m, route) => {
    const zip = await otherPackZip();
    const before = folderState(root);
    const body = m === 'POST' ? zip : undefined;
    expect((await call(m, route, { role: null, body })).status).toBe(401);
    for (const role of ['display', 'remote', 'overlay'] as const) {
      const reply = await call(m, route, { role, body });
      expect(reply.status, role).toBe(403);
      expect(reply.body.includes(Buffer.from('PK\u0003\u0004'))).toBe(false);
    }
    expect(folderState(root)).toEqual(before);
    expect(existsSync(`${packDir}.previous`)).toBe(false);
  });
});

describe('GET /api/v1/pack/export', () => {
  it('answers the zip, named after the pack and the day, with its sizes per kind', async () => {
    const reply = await call('GET', '/api/v1/pack/export');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/zip');
    expect(reply.headers['content-disposition']).toMatch(
      /^attachment; filename="[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(reply.headers['cache-control']).toBe('no-store');
    const sizes = packSizesSchema.parse(JSON.parse(String(reply.headers[PACK_SIZES_HEADER])));
    expect(sizes.case).toBeGreaterThan(0);
    expect(sizes.media).toBeGreaterThan(0);
    const files = unzipSync(reply.body);
    expect(Object.keys(files)).toContain('manifest.json');
    expect(Object.keys(files)).toContain(CALL);
  });

  it('takes the chosen playlists only; an unknown one is a 422 naming it', async () => {
    const one = await call('GET', '/api/v1/pack/export?playlist=merch-table');
    expect(one.status).toBe(200);
    const manifest = JSON.parse(Buffer.from(unzipSync(one.body)['manifest.json']!).toString());
    expect(manifest.playlists).toEqual(['merch-table']);
    const unknown = await call('GET', '/api/v1/pack/export?playlist=merch-table&playlist=nope');
    expect(unknown.status).toBe(422);
    const refused = packRefusedSchema.parse(unknown.json);
    expect(refused.error.key).toBe('core:eventPack.noPlaylist');
    expect(refused.error.params).toEqual({ id: 'nope' });
  });

  it('refuses a pack with problems, as the CLI does, unless force=true', async () => {
    writeFileSync(path.join(packDir, 'statements', 'broken.yaml'), 'kind: statement\nid: [\n');
    const refusedReply = await call('GET', '/api/v1/pack/export');
    expect(refusedReply.status).toBe(422);
    const refused = packRefusedSchema.parse(refusedReply.json);
    expect(refused.error.key).toBe('core:eventPack.hasProblems');
    expect(refused.errors.map((e) => e.file)).toContain('statements/broken.yaml');
    const forced = await call('GET', '/api/v1/pack/export?force=true');
    expect(forced.status).toBe(200);
    expect(Object.keys(unzipSync(forced.body))).not.toContain('statements/broken.yaml');
  });
});

describe('POST /api/v1/pack/import', () => {
  it('replaces the live pack, keeps the old one as .previous, and the show follows', async () => {
    const before = folderState(packDir);
    const zip = await otherPackZip();
    const reply = await importZip(zip);
    expect(reply.status).toBe(200);
    const imported = packImportedSchema.parse(reply.json);
    expect(imported.dryRun).toBe(false);
    expect(imported.previous).toBe(`${packDir}.previous`);
    expect(imported.items.case).toBeGreaterThan(0);
    expect(imported.items.statement).toBe(2);
    expect(folderState(`${packDir}.previous`)).toEqual(before);
    expect(readFileSync(path.join(packDir, CALL), 'utf8')).toContain(IMPORTED_TITLE);

    // The show picks it up without a restart…
    await until(() => titleOnShow('call-to-action') === IMPORTED_TITLE, 'the imported title');
    // …and keeps following the new folder: a hand edit there reaches the screens (the watcher
    // moved from the folder renamed away to the one that took its place).
    const file = path.join(packDir, CALL);
    writeFileSync(file, readFileSync(file, 'utf8').replace(IMPORTED_TITLE, 'Edited by hand'));
    await until(() => titleOnShow('call-to-action') === 'Edited by hand', 'the hand edit');
    // An edit made in the old folder is nothing to the show now.
    const oldFile = path.join(`${packDir}.previous`, CALL);
    writeFileSync(oldFile, readFileSync(oldFile, 'utf8').replace(/Take action/, 'Stale'));

    // The editor writes to the new folder, never into .previous.
    const record = await call('GET', '/api/v1/items/call-to-action');
    const item = { ...record.json.item, title: { ...record.json.item.title, en: 'Saved' } };
    const saved = await new Promise<Reply>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/v1/items/call-to-action',
          method: 'PUT',
          agent: false,
          headers: {
            authorization: `Bearer ${server.tokens.operator}`,
            'content-type': 'application/json',
            'if-match': `"${record.json.version}"`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.alloc(0),
              json: null,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(item));
    });
    expect(saved.status).toBe(200);
    expect(readFileSync(file, 'utf8')).toContain('Saved');
    expect(readFileSync(oldFile, 'utf8')).not.toContain('Saved');
    await until(() => titleOnShow('call-to-action') === 'Saved', 'the saved title');
  });

  it('dryRun=true: the checks and the summary, nothing replaced', async () => {
    const before = folderState(root);
    const reply = await importZip(await otherPackZip(), '?dryRun=true');
    expect(reply.status).toBe(200);
    const summary = packImportedSchema.parse(reply.json);
    expect(summary).toMatchObject({ dryRun: true, previous: null });
    expect(summary.items.statement).toBe(2);
    expect(folderState(root)).toEqual(before);
    expect(existsSync(`${packDir}.previous`)).toBe(false);
  });

  const statement = Buffer.from('kind: statement\nid: x\ntext: hi\n');
  const hostile: [string, () => Promise<Buffer> | Buffer, string][] = [
    ['a zip-slip path', () => zipWith({ '../evil.yaml': statement }), 'nameParent'],
    ['an absolute path', () => zipWith({ '/tmp/evil.yaml': statement }), 'nameAbsolute'],
    ['a drive letter', () => zipWith({ 'C:/evil.yaml': statement }), 'nameDrive'],
    ['a backslash path', () => zipWith({ 'a\\..\\..\\evil.yaml': statement }), 'nameBackslash'],
    ['a hidden file', () => zipWith({ '.history/evil.yaml': statement }), 'nameHidden'],
    [
      'a symbolic link',
      () =>
        Buffer.from(
          zipSync({
            'media/link.svg': [
              Buffer.from('/etc/passwd'),
              { os: 3, attrs: (0o120777 << 16) >>> 0 },
            ],
          }),
        ),
      'symlink',
    ],
    ['a bomb', () => zipWith({ 'media/bomb.svg': new Uint8Array(20 * 1024 * 1024) }), 'ratio'],
    ['no manifest', () => zipWith({ 'statements/x.yaml': statement }, null), 'noManifest'],
    [
      'an unknown schema version',
      () => zipWith({ 'statements/x.yaml': statement }, { ...manifestFor({}), schemaVersion: 99 }),
      'unknownVersion',
    ],
    [
      'a file the manifest does not list',
      () => zipWith({ 'statements/x.yaml': statement }, manifestFor({})),
      'extraFile',
    ],
    [
      'a changed file',
      async () => {
        const files = unzipSync(await otherPackZip());
        files[CALL] = Buffer.from(Buffer.from(files[CALL]!).toString().replace('Azat', 'Azad'));
        return Buffer.from(zipSync(files));
      },
      'hashMismatch',
    ],
    ['not a zip', () => Buffer.from('just some text, not a zip'), 'zipNotZip'],
    [
      'content that does not load',
      () => zipWith({ 'statements/x.yaml': Buffer.from('kind: statement\nid: [\n') }),
      'invalidContent',
    ],
  ];

  it.each(hostile)(
    '%s: 422 with the reason, nothing changed, the show keeps its content',
    async (_name, make, key) => {
      const zip = await make();
      const before = folderState(root);
      const shown = JSON.stringify(store.snapshot().items);
      for (const query of ['', '?dryRun=true']) {
        const reply = await importZip(zip, query);
        expect(reply.status, query).toBe(422);
        const refused = packRefusedSchema.parse(reply.json);
        expect(refused.error.key).toBe(`core:eventPack.${key}`);
        expect(refused.error.message.length).toBeGreaterThan(0);
      }
      expect(folderState(root)).toEqual(before);
      expect(JSON.stringify(store.snapshot().items)).toBe(shown);
    },
  );

  it('refuses a body that is not sent as a zip, and an empty one', async () => {
    const before = folderState(root);
    const asJson = await call('POST', '/api/v1/pack/import', {
      body: '{"a":1}',
      type: 'application/json',
    });
    expect(asJson.status).toBe(415);
    expect(asJson.json.error.key).toBe('core:api.pack.notZip');
    const empty = await importZip(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(folderState(root)).toEqual(before);
  });

  it('an import while an item save is in flight: the save finishes first, in the old pack, and nothing of it lands in the new one', async () => {
    const zip = await otherPackZip();
    const record = await call('GET', '/api/v1/items/boris-kagarlitsky');
    let importing: Promise<Reply> | undefined;
    onChecked = async () => {
      importing = importZip(zip);
      // Lets an import that does not wait for the save run to its end meanwhile.
      await Promise.race([importing, new Promise((resolve) => setTimeout(resolve, 1500))]);
    };
    const item = { ...record.json.item, status: { en: 'Saved during an import' } };
    const save = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/api/v1/items/boris-kagarlitsky',
          method: 'PUT',
          agent: false,
          headers: {
            authorization: `Bearer ${server.tokens.operator}`,
            'content-type': 'application/json',
            'if-match': `"${record.json.version}"`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify(item));
    });
    expect(importing).toBeDefined();
    const imported = await importing!;
    expect(imported.status).toBe(200);
    expect(save).toBe(200);
    // The live pack is exactly the zip's content: no save, no history, no stray file.
    const zipFiles = unzipSync(zip);
    delete zipFiles['manifest.json'];
    const expected = Object.fromEntries(
      Object.entries(zipFiles).map(([name, bytes]) => [
        name,
        createHash('sha256').update(bytes).digest('hex'),
      ]),
    );
    expect(folderState(packDir)).toEqual(expected);
    // The save went where it was checked: the pack that is now .previous.
    expect(
      readFileSync(path.join(`${packDir}.previous`, 'cases', 'boris-kagarlitsky.yaml'), 'utf8'),
    ).toContain('Saved during an import');
  });
});

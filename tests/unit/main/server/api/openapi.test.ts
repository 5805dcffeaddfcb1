import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentEditor } from '../../../../../src/main/content/edit/editor';
import { openContentStore } from '../../../../../src/main/content/store';
import type { PackStore } from '../../../../../src/main/content/types';
import { startShowServer, type ShowServer } from '../../../../../src/main/core/show-server';
import {
  apiRoutes,
  buildOpenApiDocument,
  controlCommandBodyVariants,
  openApiPath,
  openApiText,
  OPENAPI_PATH,
} from '../../../../../src/main/server/api/openapi';
import { ShowEngine } from '../../../../../src/main/show/engine';
import { commandSchema } from '../../../../../src/shared/protocol';
import { builtInPackInFolder } from '../../../../helpers/pack-copy';

let root: string;
let store: PackStore;
let engine: ShowEngine;
let server: ShowServer;
let controlToken: string;

beforeEach(async () => {
  let packDir: string;
  ({ root, packDir } = builtInPackInFolder('ss-openapi-'));
  const rendererDir = path.join(root, 'renderer');
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
  store = await openContentStore(packDir, { watch: false });
  engine = new ShowEngine(store.snapshot());
  server = await startShowServer({
    store,
    engine,
    rendererDir,
    port: 0,
    editor: createContentEditor({ packDir, reloadSoon: () => store.reloadSoon() }),
  });
  controlToken = server.controlTokens.create('companion').token;
});

afterEach(async () => {
  await server.close();
  engine.stop();
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

const documented = () => apiRoutes.map((r) => `${r.method} ${r.path}`).sort();

describe('the OpenAPI description', () => {
  it('is what docs/openapi.json holds (run `npm run openapi` after changing a route)', () => {
    const committed = readFileSync(path.resolve('docs/openapi.json'), 'utf8');
    expect(committed).toBe(openApiText());
  });

  it('describes exactly the /api/v1 routes the real server registers, both ways', () => {
    const registered = server.apiRoutes();
    // The real app's routes: content API, media, packs, control, tokens, events, openapi.
    expect(registered).toContain('POST /pack/import');
    expect(registered).toContain('GET /events');
    expect(registered.filter((r) => !documented().includes(r))).toEqual([]);
    expect(documented().filter((r) => !registered.includes(r))).toEqual([]);
  });

  it('has one path per route, in OpenAPI form', () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, Record<string, unknown>> };
    for (const route of apiRoutes) {
      expect(doc.paths[openApiPath(route.path)]?.[route.method.toLowerCase()]).toBeDefined();
    }
    expect(Object.keys(doc.paths).every((p) => !p.includes(':'))).toBe(true);
  });

  it('describes a command body for every command, each one the route takes', () => {
    const variants = controlCommandBodyVariants();
    expect(variants).toHaveLength(commandSchema.options.length);
    const names = commandSchema.options.map((o) => o.shape.name.value);
    const doc = JSON.stringify(buildOpenApiDocument());
    for (const name of names) expect(doc).toContain(`"const":"${name}"`);
  });

  it('says who may call each route, as the server checks it', async () => {
    const concrete = (p: string) =>
      p.replace(':id', 'boris-kagarlitsky').replace(':version', 'deadbeef');
    for (const route of apiRoutes) {
      if (route.websocket) continue;
      const url = `${server.url}/api/v1${concrete(route.path)}`;
      const call = (token?: string) =>
        fetch(url, {
          method: route.method,
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
      const anonymous = await call();
      const withControl = await call(controlToken);
      const label = `${route.method} ${route.path}`;
      if (route.access === 'public') {
        expect(anonymous.status, label).toBe(200);
      } else {
        expect(anonymous.status, label).toBe(401);
        if (route.access === 'operator') expect([401, 403], label).toContain(withControl.status);
        else expect([401, 403], label).not.toContain(withControl.status);
      }
    }
  });

  it('is served without a token, and holds no token', async () => {
    const response = await fetch(`${server.url}${OPENAPI_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(text).toBe(openApiText());
    for (const token of [...Object.values(server.tokens), controlToken, server.cliControlToken]) {
      expect(text).not.toContain(token);
    }
  });
});

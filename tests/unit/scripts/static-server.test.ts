import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../../bench/static-serve';

// The static server is the reveal.js deck's side of the first-slide comparison, and serves our
// saved first slide in the ceiling benchmark: both read a page from a folder's address.
describe('the benchmarks’ static server', () => {
  let root = '';
  let server: StaticServer;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'static-server-'));
    const site = path.join(root, 'site');
    mkdirSync(path.join(site, 'display'), { recursive: true });
    writeFileSync(path.join(site, 'index.html'), 'top page');
    writeFileSync(path.join(site, 'display', 'index.html'), 'display page');
    writeFileSync(path.join(root, 'secret.txt'), 'outside every mount');
    mkdirSync(path.join(root, 'media'));
    writeFileSync(path.join(root, 'media', 'a.jpg'), 'jpeg');
    server = await startStaticServer([`/=${site}`, `/media/=${path.join(root, 'media')}`]);
  });
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const get = async (urlPath: string) => {
    const response = await fetch(`${server.url}${urlPath.replace(/^\//, '')}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };

  it("serves a folder's index.html at the folder's address, query and all", async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: 'top page' });
    expect(await get('/display/?token=static')).toMatchObject({
      status: 200,
      body: 'display page',
      type: 'text/html; charset=utf-8',
    });
  });

  it('serves the longest mount that matches, with its type', async () => {
    expect(await get('/media/a.jpg')).toMatchObject({
      status: 200,
      type: 'image/jpeg',
      body: 'jpeg',
    });
  });

  it('answers 404 for a folder without its slash, a missing file, and a path out of a mount', async () => {
    expect((await get('/display')).status).toBe(404);
    expect((await get('/nothing.html')).status).toBe(404);
    expect((await get('/media/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
  });
});

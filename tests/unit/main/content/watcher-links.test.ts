import { mkdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FSWatcher } from 'chokidar';
import { openContentStore, type ContentStore } from '../../../../src/main/content';
import { isInside } from '../../../../src/main/content/paths';
import { copyPack, goodPack, waitFor } from './helpers';

// Every watcher the store makes, so the test can ask what it really watches.
const watchers: FSWatcher[] = [];
vi.mock('chokidar', async (importOriginal) => {
  const chokidar = await importOriginal<typeof import('chokidar')>();
  return {
    ...chokidar,
    watch: (...args: Parameters<typeof chokidar.watch>) => {
      const watcher = chokidar.watch(...args);
      watchers.push(watcher);
      return watcher;
    },
  };
});

const open: ContentStore[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(cleanups.splice(0).map((c) => c()));
  watchers.length = 0;
});

/**
 * The real path of every folder the watchers hold open below `pack` or elsewhere; chokidar
 * also lists the pack's parent, where it sees the pack folder itself.
 */
async function watchedOutside(pack: string): Promise<string[]> {
  const realPack = await realpath(pack);
  const folders = watchers.flatMap((w) => Object.keys(w.getWatched()));
  const real = await Promise.all(folders.map((f) => realpath(f).catch(() => f)));
  return real.filter((f) => !isInside(realPack, f) && f !== path.dirname(realPack));
}

describe('the watcher and links in the pack', { timeout: 20_000 }, () => {
  it('stays inside the pack when a folder links to a big folder outside it', async () => {
    const copy = await copyPack(goodPack);
    cleanups.push(copy.cleanup);
    // A stand-in for /usr: many folders the watcher must never walk.
    const system = path.join(copy.dir, 'system');
    for (let i = 0; i < 40; i++)
      await mkdir(path.join(system, `lib${i}`, 'deep'), { recursive: true });
    await symlink(system, path.join(copy.pack, 'media/system'));
    await symlink(system, path.join(copy.pack, 'cases/system'));
    const logged: string[] = [];
    const store = await openContentStore(copy.pack, {
      watch: true,
      debounceMs: 30,
      log: (message) => logged.push(message),
    });
    open.push(store);
    await store.watching;

    expect(await watchedOutside(copy.pack)).toEqual([]);
    // Reported once each, as content problems, not by the watcher.
    expect(store.snapshot().errors.map((e) => [e.file, e.message])).toEqual([
      ['cases/system', 'is a link to a folder outside the pack folder; it was skipped'],
      ['media/system', 'is a link to a folder outside the pack folder; it was skipped'],
    ]);
    expect(logged).toEqual([]);
  });

  it('survives link loops without a word in the log, and still sees edits', async () => {
    const copy = await copyPack(goodPack);
    cleanups.push(copy.cleanup);
    await symlink(copy.pack, path.join(copy.pack, 'cases/loop'));
    await symlink(path.join(copy.pack, 'media/b'), path.join(copy.pack, 'media/a'));
    await symlink(path.join(copy.pack, 'media/a'), path.join(copy.pack, 'media/b'));
    const logged: string[] = [];
    const store = await openContentStore(copy.pack, {
      watch: true,
      debounceMs: 30,
      log: (message) => logged.push(message),
    });
    open.push(store);
    await store.watching;
    await writeFile(
      path.join(copy.pack, 'statements/extra.yaml'),
      'kind: statement\ntext: Still watching\n',
    );
    await waitFor(() => store.snapshot().items.some((i) => i.id === 'extra'), 'the new item');
    expect(logged).toEqual([]);
    expect(await watchedOutside(copy.pack)).toEqual([]);
  });
});

import { readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContentSnapshot } from '../../../../src/shared/content';
import { fallbackPack, openContentStore, type ContentStore } from '../../../../src/main/content';
import { brokenPack, copyPack, goodPack, waitFor, english } from './helpers';

const open: ContentStore[] = [];
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function watchedCopy(source = goodPack) {
  const copy = await copyPack(source);
  cleanups.push(copy.cleanup);
  const logged: string[] = [];
  const store = await openContentStore(copy.pack, {
    watch: true,
    debounceMs: 30,
    log: (message) => logged.push(message),
  });
  open.push(store);
  await store.watching;
  const seen: ContentSnapshot[] = [];
  store.subscribe((snapshot) => seen.push(snapshot));
  return { store, pack: copy.pack, seen, logged };
}

function titleOf(snapshot: ContentSnapshot, id: string): unknown {
  const item = snapshot.items.find((i) => i.id === id);
  return item && 'title' in item ? item.title : undefined;
}

const vigil = (title: string) =>
  `kind: event\ntitle: ${title}\nstart: 2023-10-01T19:30\ntimeZone: Europe/Paris\n`;

describe('openContentStore without watching', () => {
  it('loads once and serves the snapshot', async () => {
    const store = await openContentStore(goodPack);
    open.push(store);
    const snapshot = store.snapshot();
    expect(snapshot.revision).toBe(1);
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.items).toHaveLength(7);
    expect(snapshot.pack.defaultPlaylist).toBe('main');
    expect(store.packDir).toBe(goodPack);
  });

  it('falls back to a default pack when pack.yaml has never loaded', async () => {
    const copy = await copyPack(goodPack);
    cleanups.push(copy.cleanup);
    await unlink(path.join(copy.pack, 'pack.yaml'));
    const store = await openContentStore(copy.pack);
    open.push(store);
    const snapshot = store.snapshot();
    expect(snapshot.pack).toEqual(fallbackPack);
    expect(snapshot.pack.title).toBe('Solidarity Screens');
    expect(snapshot.errors[0]).toMatchObject({ file: 'pack.yaml', field: '' });
    expect(snapshot.items).toHaveLength(7);
  });

  it('sends the characters the bundled fonts cannot draw as warnings, for the console', async () => {
    const copy = await copyPack(goodPack);
    cleanups.push(copy.cleanup);
    await writeFile(
      path.join(copy.pack, 'statements/glyphs.yaml'),
      'kind: statement\ntext: { en: Free them, ru: Свободу ✊ }\n',
    );
    const store = await openContentStore(copy.pack);
    open.push(store);
    expect(store.snapshot().errors).toEqual([]);
    expect(store.snapshot().warnings).toEqual([
      expect.objectContaining({
        file: 'statements/glyphs.yaml',
        field: 'text',
        key: 'problems:warning.missingGlyphIn',
        params: { character: '✊', codePoint: 'U+270A', language: 'ru' },
      }),
    ]);
  });

  it('serves the good items of a broken pack with its errors', async () => {
    const store = await openContentStore(brokenPack);
    open.push(store);
    expect(store.snapshot().items.map((i) => i.id)).toContain('good-case');
    expect(store.snapshot().errors.length).toBeGreaterThan(15);
  });
});

describe('openContentStore with watching', { timeout: 20_000 }, () => {
  it('picks up a valid edit with a higher revision', async () => {
    const { store, pack, seen } = await watchedCopy();
    const before = store.snapshot().revision;
    await writeFile(path.join(pack, 'events/vigil.yaml'), vigil('Evening vigil'));
    const next = await waitFor(
      () => seen.find((s) => titleOf(s, 'vigil') === 'Evening vigil'),
      'the edited title',
    );
    expect(next.revision).toBeGreaterThan(before);
    expect(next.errors).toEqual([]);
    expect(store.snapshot()).toBe(seen.at(-1));
  });

  it('keeps the last good item while a file is broken, then clears the error when fixed', async () => {
    const { store, pack } = await watchedCopy();
    const file = path.join(pack, 'events/vigil.yaml');

    await writeFile(file, vigil('Evening vigil'));
    await waitFor(() => titleOf(store.snapshot(), 'vigil') === 'Evening vigil', 'the first edit');

    await writeFile(file, vigil('Broken vigil').replace('Europe/Paris', 'Mars/Olympus'));
    const broken = await waitFor(
      () => (store.snapshot().errors.length > 0 ? store.snapshot() : undefined),
      'the error',
    );
    expect(english(broken.errors)).toEqual([
      {
        file: 'events/vigil.yaml',
        line: 4,
        field: 'timeZone',
        message: 'expected a time zone like Europe/Paris, got "Mars/Olympus"',
      },
    ]);
    // The show keeps the last good version on screen.
    expect(titleOf(broken, 'vigil')).toBe('Evening vigil');
    expect(broken.items).toHaveLength(7);

    await writeFile(file, vigil('Fixed vigil'));
    const fixed = await waitFor(
      () => (titleOf(store.snapshot(), 'vigil') === 'Fixed vigil' ? store.snapshot() : undefined),
      'the fix',
    );
    expect(fixed.errors).toEqual([]);
    expect(fixed.revision).toBeGreaterThan(broken.revision);
  });

  it('keeps the last good item through a YAML syntax error too', async () => {
    const { store, pack } = await watchedCopy();
    await writeFile(path.join(pack, 'events/vigil.yaml'), 'kind: event\ntitle: "unclosed\n');
    const broken = await waitFor(
      () => (store.snapshot().errors.length > 0 ? store.snapshot() : undefined),
      'the syntax error',
    );
    expect(broken.errors[0]).toMatchObject({ file: 'events/vigil.yaml', line: 2 });
    expect(titleOf(broken, 'vigil')).toBe('Vigil');
  });

  it('removes the items of a deleted file', async () => {
    const { store, pack } = await watchedCopy();
    await unlink(path.join(pack, 'drawings/ship.yaml'));
    const after = await waitFor(
      () => (store.snapshot().items.some((i) => i.id === 'ship') ? undefined : store.snapshot()),
      'the deletion',
    );
    // The playlist now names a missing item: that is reported on the playlist.
    expect(english(after.errors)).toEqual([
      { file: 'playlists/main.yaml', line: 7, field: 'items.3', message: 'no item with id "ship"' },
    ]);
  });

  it('forgets a deleted broken file instead of keeping its old item', async () => {
    const { store, pack } = await watchedCopy();
    const file = path.join(pack, 'events/vigil.yaml');
    await writeFile(file, 'kind: event\n');
    await waitFor(() => store.snapshot().errors.length > 0, 'the error');
    await rm(file);
    await waitFor(() => !store.snapshot().items.some((i) => i.id === 'vigil'), 'the item to go');
  });

  it('keeps showing the last content when the whole folder disappears', async () => {
    const { store, pack } = await watchedCopy();
    await rename(pack, `${pack}-away`);
    const gone = await waitFor(
      () => (store.snapshot().errors.length > 0 ? store.snapshot() : undefined),
      'the folder error',
    );
    expect(english(gone.errors)).toEqual([
      { file: '.', field: '', message: `the pack folder ${pack} does not exist` },
    ]);
    expect(gone.items).toHaveLength(7);
    expect(gone.pack.defaultPlaylist).toBe('main');
  });

  it('recovers when the folder comes back (a USB stick pulled and put back)', async () => {
    const { store, pack } = await watchedCopy();
    await rename(pack, `${pack}-away`);
    await waitFor(() => store.snapshot().errors.some((e) => e.file === '.'), 'the folder error');
    await rename(`${pack}-away`, pack);
    await waitFor(() => store.snapshot().errors.length === 0, 'the error to clear');
    // The watcher watches the folder that came back: an edit in it reaches the screens.
    await writeFile(path.join(pack, 'events/vigil.yaml'), vigil('Back again'));
    await waitFor(() => titleOf(store.snapshot(), 'vigil') === 'Back again', 'the edit');
  });

  it('recovers when a sync tool replaces the folder with a new one', async () => {
    const { store, pack } = await watchedCopy();
    const fresh = await copyPack(goodPack);
    cleanups.push(fresh.cleanup);
    await writeFile(path.join(fresh.pack, 'events/vigil.yaml'), vigil('Synced'));
    await rm(pack, { recursive: true });
    await rename(fresh.pack, pack);
    await waitFor(() => titleOf(store.snapshot(), 'vigil') === 'Synced', 'the new folder');
    await writeFile(path.join(pack, 'events/vigil.yaml'), vigil('Edited after the sync'));
    await waitFor(() => titleOf(store.snapshot(), 'vigil') === 'Edited after the sync', 'the edit');
  });

  it('keeps the item that had an id when another file is edited to claim it', async () => {
    const { store, pack } = await watchedCopy();
    // events/vigil.yaml sorts after actions/, cases/ and drawings/: the edited file sorts first.
    const before = store.snapshot().items.find((i) => i.id === 'vigil')!;
    const action = path.join(pack, 'actions/write-a-letter.yaml');
    const original = await readFile(action, 'utf8');
    await writeFile(action, `${original.replace(/^id:.*\n/m, '')}\nid: vigil\n`);
    const clash = await waitFor(
      () => store.snapshot().errors.find((e) => e.field === 'id'),
      'the duplicate id error',
    );
    expect(clash).toMatchObject({
      file: 'actions/write-a-letter.yaml',
      message: 'duplicate id "vigil"; already used by events/vigil.yaml',
    });
    const items = store.snapshot().items;
    // The vigil is still the vigil, and the edited file keeps its last good version.
    expect(items.find((i) => i.id === 'vigil')).toEqual(before);
    expect(items.find((i) => i.source === 'actions/write-a-letter.yaml')?.id).toBe(
      'write-a-letter',
    );
    expect(items).toHaveLength(7);

    // The clash stays settled on the next reload, and fixing the edit clears it.
    await writeFile(path.join(pack, 'events/vigil.yaml'), vigil('Still here'));
    await waitFor(() => titleOf(store.snapshot(), 'vigil') === 'Still here', 'the next edit');
    expect(store.snapshot().items.find((i) => i.id === 'vigil')?.source).toBe('events/vigil.yaml');
    await writeFile(action, original);
    await waitFor(() => store.snapshot().errors.length === 0, 'the error to clear');
  });

  it('adds a new file', async () => {
    const { store, pack, seen } = await watchedCopy();
    await writeFile(
      path.join(pack, 'statements/new-one.md'),
      '---\nkind: statement\n---\nA new statement.\n',
    );
    const next = await waitFor(
      () => seen.find((s) => s.items.some((i) => i.id === 'new-one')),
      'the new item',
    );
    const added = next.items.find((i) => i.id === 'new-one');
    expect(added).toMatchObject({
      kind: 'statement',
      text: 'A new statement.',
      source: 'statements/new-one.md',
    });
    expect(store.snapshot().errors).toEqual([]);
  });

  // The watcher's first scan and the first load run together: an edit that lands between the
  // load reading a file and the watcher covering it must not be lost.
  it.each([0, 5, 20, 60])(
    'sees edits made while the store is opening (%i ms in)',
    async (delayMs) => {
      const copy = await copyPack(goodPack);
      cleanups.push(copy.cleanup);
      const opening = openContentStore(copy.pack, { watch: true, debounceMs: 30 });
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await writeFile(path.join(copy.pack, 'events/vigil.yaml'), vigil('Edited at start'));
      await writeFile(
        path.join(copy.pack, 'statements/late.md'),
        '---\nkind: statement\n---\nWritten while opening.\n',
      );
      const store = await opening;
      open.push(store);
      await store.watching;
      await waitFor(
        () =>
          titleOf(store.snapshot(), 'vigil') === 'Edited at start' &&
          store.snapshot().items.some((i) => i.id === 'late'),
        'both edits',
      );
    },
  );

  it('with a delayed watcher, picks up an edit made before the watcher started', async () => {
    const copy = await copyPack(goodPack);
    cleanups.push(copy.cleanup);
    const store = await openContentStore(copy.pack, {
      watch: true,
      debounceMs: 30,
      watchDelayMs: 300,
    });
    open.push(store);
    // Made after the first load, before the watcher exists: only the scan can notice it.
    await writeFile(path.join(copy.pack, 'events/vigil.yaml'), vigil('Before the watcher'));
    await store.watching;
    await waitFor(
      () => titleOf(store.snapshot(), 'vigil') === 'Before the watcher',
      'the edit made before the watcher started',
    );
  });

  it('settles `watching` when closed before the delayed watcher starts', async () => {
    const store = await openContentStore(goodPack, { watch: true, watchDelayMs: 60_000 });
    await store.close();
    await expect(store.watching).resolves.toBeUndefined();
  });

  it('keeps the last good pack.yaml while it is broken', async () => {
    const { store, pack } = await watchedCopy();
    await writeFile(path.join(pack, 'pack.yaml'), 'title: [oops\n');
    const broken = await waitFor(
      () => (store.snapshot().errors.length > 0 ? store.snapshot() : undefined),
      'the pack error',
    );
    expect(broken.errors[0]?.file).toBe('pack.yaml');
    expect(broken.pack.title).toEqual({ en: 'Free Them All', ru: 'Свободу всем' });
  });

  it('notices a photo replaced by a broken one', async () => {
    const { store, pack } = await watchedCopy();
    await writeFile(path.join(pack, 'media/ship.png'), 'not a png any more');
    const broken = await waitFor(
      () => (store.snapshot().errors.length > 0 ? store.snapshot() : undefined),
      'the media error',
    );
    expect(english(broken.errors)).toEqual([
      {
        file: 'drawings/ship.yaml',
        line: 2,
        field: 'image',
        message: 'media/ship.png is not a PNG image (not an image at all)',
      },
    ]);
    expect(broken.items.some((i) => i.id === 'ship')).toBe(true);
  });

  it('keeps the last good version of a photo broken mid-show, and takes a fixed one at once', async () => {
    const { store, pack } = await watchedCopy();
    const good = await readFile(path.join(pack, 'media/ship.png'));
    const goodTag = store.snapshot().media?.['media/ship.png'];
    expect(goodTag).toMatch(/^[0-9a-z]+-[0-9a-z]+-[0-9a-z]+$/);
    const served = await store.media('media/ship.png');
    if (!served.ok) throw new Error(served.error.message);

    // Saved half: a truncated copy of itself.
    await writeFile(path.join(pack, 'media/ship.png'), good.subarray(0, good.length - 20));
    const broken = await waitFor(
      () => (store.snapshot().errors.length > 0 ? store.snapshot() : undefined),
      'the media error',
    );
    // The screens keep the version that was checked, URL and all.
    expect(broken.media?.['media/ship.png']).toBe(goodTag);
    expect(await store.media('media/ship.png')).toEqual(served);

    // Fixed: a new version, a new tag, so every screen asks for it at once.
    await writeFile(path.join(pack, 'media/ship.png'), good);
    const fixed = await waitFor(
      () => (store.snapshot().errors.length === 0 ? store.snapshot() : undefined),
      'the fix',
    );
    expect(fixed.media?.['media/ship.png']).not.toBe(goodTag);
    const now = await store.media('media/ship.png');
    expect(now.ok && now.info.mtimeMs).not.toBe(served.info.mtimeMs);
  });

  it('serves only media the content uses: not other files of the pack', async () => {
    const { store, pack } = await watchedCopy();
    await writeFile(
      path.join(pack, 'media/unused.png'),
      await readFile(path.join(pack, 'media/ship.png')),
    );
    for (const rel of [
      'media/unused.png',
      'pack.yaml',
      'drawings/ship.yaml',
      'media/missing.png',
    ]) {
      expect((await store.media(rel)).ok).toBe(false);
    }
    expect((await store.media('media/ship.png')).ok).toBe(true);
    expect((await store.media('media\\anna.png')).ok).toBe(true);
  });

  it('does not bump the revision when a file is saved unchanged', async () => {
    const { store, pack, seen } = await watchedCopy();
    const file = path.join(pack, 'events/vigil.yaml');
    await writeFile(file, await readFile(file));
    // Then a real change, so we know the unchanged save has been processed before it.
    await writeFile(
      path.join(pack, 'drawings/ship.yaml'),
      (await readFile(path.join(pack, 'drawings/ship.yaml'), 'utf8')).replace('A ship', 'A boat'),
    );
    await waitFor(() => titleOf(store.snapshot(), 'ship') === 'A boat', 'the real change');
    expect(seen.every((s) => titleOf(s, 'ship') === 'A boat')).toBe(true);
  });

  it('survives a throwing subscriber and logs it', async () => {
    const { store, pack, logged } = await watchedCopy();
    store.subscribe(() => {
      throw new Error('listener bug');
    });
    await writeFile(path.join(pack, 'events/vigil.yaml'), vigil('After the bug'));
    await waitFor(() => titleOf(store.snapshot(), 'vigil') === 'After the bug', 'the edit');
    await waitFor(() => logged.includes('content: a snapshot listener failed'), 'the log line');
  });

  it('stops notifying after unsubscribe and after close', async () => {
    const { store, pack, seen } = await watchedCopy();
    const other: ContentSnapshot[] = [];
    const unsubscribe = store.subscribe((s) => other.push(s));
    unsubscribe();
    await store.close();
    await writeFile(path.join(pack, 'events/vigil.yaml'), vigil('Too late'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen).toEqual([]);
    expect(other).toEqual([]);
  });
});

import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { packSchema, type ContentSnapshot, type LoadedItem, type Pack } from '../../shared/content';
import { assemblePack, videoFactsOf } from './assemble-pack';
import { glyphWarnings } from './glyphs/pack-warnings';
import { readPack } from './load-pack';
import { problem } from '../../shared/protocol/localized-text';
import { splitPackPath, type ResolveResult } from './paths';
import type { PackStore, Unsubscribe, VerifiedMedia } from './types';
import { folderIdentity, isChangeSince, watcherIgnores } from './watch-checks';

export interface ContentStoreOptions {
  /** Reload when files change. Off by default: `validate` and tests read once. */
  watch?: boolean;
  /** Quiet time after the last change before reloading; editors write in bursts. At least 75. */
  debounceMs?: number;
  /** Where reload failures and listener exceptions go; console.error by default. */
  log?: (message: string, error?: unknown) => void;
  /**
   * How often the watcher checks that the pack folder is still the one it watches. A folder
   * that disappears and comes back (a USB stick pulled and put back, a sync tool replacing it)
   * is a new folder to the operating system: the old watch sees nothing of it.
   */
  rootCheckMs?: number;
  /**
   * How long after the first load the watcher starts its scan. The core waits a moment, so the
   * scan does not compete with the screens loading their first slide; an edit made meanwhile
   * is still picked up when the scan is done.
   */
  watchDelayMs?: number;
}

/** Shown until a pack.yaml has loaded once, so the screens have a title and a language. */
export const fallbackPack: Pack = packSchema.parse({
  title: 'Solidarity Screens',
  languages: ['en'],
  defaultLanguage: 'en',
});

const DEFAULT_DEBOUNCE_MS = 150;
const DEFAULT_ROOT_CHECK_MS = 1_000;
const MIN_DEBOUNCE_MS = 75;

/**
 * Opens a pack folder as the show's content. The first load happens before this resolves; with
 * `watch`, later edits are merged so that a file saved broken keeps its last good item on screen
 * while its error is listed, and a deleted file's items go away.
 */
export async function openContentStore(
  packDir: string,
  options: ContentStoreOptions = {},
): Promise<PackStore> {
  const log = options.log ?? ((message, error) => console.error(message, error ?? ''));
  // chokidar drops (does not delay) a second change to the same file within 50 ms of the first,
  // so the reload must start later than that to read the second write.
  const debounceMs = Math.max(options.debounceMs ?? DEFAULT_DEBOUNCE_MS, MIN_DEBOUNCE_MS);
  const listeners = new Set<(snapshot: ContentSnapshot) => void>();

  let lastGoodPack: Pack | null = null;
  /** The last version of each file that loaded cleanly. */
  let lastGood = new Map<string, LoadedItem>();
  /** The checked media of each file's last good item, and so of the screens' content. */
  let lastGoodMedia = new Map<string, VerifiedMedia[]>();
  /** Every media file the content uses, by pack path: what the server may send. */
  let mediaByPath = new Map<string, VerifiedMedia>();
  let current: ContentSnapshot = { pack: fallbackPack, items: [], errors: [], revision: 0 };
  let closed = false;
  /** The folder the watcher watches, as the OS knows it; null while it is gone. */
  let watchedRoot: string | null = null;

  const reload = async (): Promise<void> => {
    const read = await readPack(packDir);
    let merged = new Map<string, LoadedItem>();
    if (!read.readable) {
      // The whole folder is gone for a moment (stick unplugged, branch checkout): keep showing
      // what was there rather than blanking every screen.
      merged = new Map(lastGood);
      // Whatever comes back under this name, even the same folder, needs a new watch: the
      // watcher let go of it when it went.
      watchedRoot = null;
    } else {
      // Files that are gone take their items with them; files that are broken keep theirs.
      for (const file of read.files) {
        const item = file.item ?? lastGood.get(file.file);
        if (item) merged.set(file.file, item);
      }
    }
    // A file broken now plans with the facts of its last good video; a new check wins.
    const videos = videoFactsOf([
      ...[...lastGoodMedia.values()].flat(),
      ...read.files.flatMap((f) => f.verified),
    ]);
    const { bySource, ...result } = assemblePack(read, merged, lastGood, videos);
    const ownMedia = new Map(read.files.map((f) => [f.file, f]));
    const nextMedia = new Map<string, VerifiedMedia[]>();
    for (const [source, item] of bySource) {
      // A file showing its new item brings the media it checked; one showing its last good
      // item keeps the media versions checked with it.
      const own = ownMedia.get(source);
      const media = own?.item === item ? own.verified : lastGoodMedia.get(source);
      if (media) nextMedia.set(source, media);
    }
    lastGood = bySource;
    lastGoodMedia = nextMedia;
    mediaByPath = new Map([...nextMedia.values()].flat().map((m) => [m.file, m]));
    if (result.pack) lastGoodPack = result.pack;
    const warnings = glyphWarnings(result.pack, result.items);
    const next: ContentSnapshot = {
      pack: lastGoodPack ?? fallbackPack,
      items: result.items,
      errors: result.errors,
      media: Object.fromEntries([...mediaByPath].map(([file, m]) => [file, m.tag]).sort()),
      ...(warnings.length > 0 ? { warnings } : {}),
      videos: Object.fromEntries(
        [...videoFactsOf([...mediaByPath.values()])].sort(([a], [b]) =>
          a < b ? -1 : a > b ? 1 : 0,
        ),
      ),
      revision: current.revision + 1,
    };
    // Saving a file without changing it should not make every view re-render.
    const same =
      current.revision > 0 &&
      JSON.stringify([
        current.pack,
        current.items,
        current.errors,
        current.media,
        current.warnings,
        current.videos,
      ]) ===
        JSON.stringify([
          next.pack,
          next.items,
          next.errors,
          next.media,
          next.warnings,
          next.videos,
        ]);
    if (same) return;
    current = next;
    if (closed) return;
    for (const listener of [...listeners]) {
      try {
        listener(current);
      } catch (error) {
        log('content: a snapshot listener failed', error);
      }
    }
  };

  const safeReload = async (): Promise<void> => {
    try {
      await reload();
    } catch (error) {
      log(`content: reloading ${packDir} failed; keeping the previous content`, error);
    }
  };

  let watcher: FSWatcher | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  // One reload at a time; changes during a reload cause exactly one more afterwards.
  const runReload = (): void => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = safeReload().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        runReload();
      }
    });
  };

  const schedule = (): void => {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      runReload();
    }, debounceMs);
  };

  // The first load comes first and alone: the screens wait for it. The watcher's first scan
  // (a stat per file) follows while they load their pages. An edit made meanwhile must still
  // be seen, so the scan notes anything modified since the load began and, if there is any,
  // reloads once it is ready.
  const firstLoadStartedAt = Date.now();
  runReload();
  await running;

  let watching: Promise<void> = Promise.resolve();
  let rootTimer: ReturnType<typeof setInterval> | undefined;
  let checkingRoot = false;

  const startWatching = async (): Promise<void> => {
    if (closed) return;
    const root = path.resolve(packDir);
    watchedRoot = await folderIdentity(root);
    const own = watch(root, {
      ignoreInitial: false,
      alwaysStat: true,
      // A link is watched as a link, never followed: a link to a system folder would have the
      // watcher walk (and hold open) everything under it, and a link loop would flood the log.
      // The loader reports such links, once per load, with the rest of the content's problems.
      followSymlinks: false,
      ignored: (file: string) => watcherIgnores(root, file),
    });
    watcher = own;
    let scanning = true;
    let changedWhileScanning = false;
    own.on('all', (event, file, stats) => {
      // The folder itself went: the watch on it is over, even if it comes back in a moment.
      if (event === 'unlinkDir' && typeof file === 'string' && path.resolve(file) === root)
        watchedRoot = null;
      // Every change counts, media included: a photo replaced by a broken one must be caught.
      if (!scanning) schedule();
      else if (isChangeSince(event, stats, firstLoadStartedAt)) changedWhileScanning = true;
    });
    own.on('error', (error) => log('content: the file watcher reported an error', error));
    await new Promise<void>((resolve) =>
      own.once('ready', () => {
        scanning = false;
        if (changedWhileScanning) schedule();
        resolve();
      }),
    );
  };

  /**
   * Restarts the watcher when the pack folder is not the one it watches any more: gone (the
   * reload keeps the last content meanwhile), back, or replaced by another folder of the same
   * name. Then reloads, so what came back is shown.
   */
  const checkRoot = async (): Promise<void> => {
    if (closed || checkingRoot || !watcher) return;
    checkingRoot = true;
    try {
      const now = await folderIdentity(path.resolve(packDir));
      if (now === watchedRoot) return;
      if (now === null) {
        // Gone: tell the screens' content (the reload keeps the last good items).
        watchedRoot = null;
        runReload();
        return;
      }
      const old = watcher;
      watcher = undefined;
      await old.close();
      if (closed) return;
      await startWatching();
      runReload();
    } catch (error) {
      log('content: checking the pack folder failed', error);
    } finally {
      checkingRoot = false;
    }
  };

  const startGuardedWatcher = async (): Promise<void> => {
    await startWatching();
    if (closed) return;
    rootTimer = setInterval(() => void checkRoot(), options.rootCheckMs ?? DEFAULT_ROOT_CHECK_MS);
    // The check is cheap and must not keep a process alive that has nothing else to do.
    rootTimer.unref?.();
  };
  let delayTimer: ReturnType<typeof setTimeout> | undefined;
  /** Settles `watching` when the store closes before the watcher has started. */
  let settleDelayed: (() => void) | undefined;
  if (options.watch) {
    const delayMs = options.watchDelayMs ?? 0;
    watching =
      delayMs > 0
        ? new Promise<void>((resolve) => {
            settleDelayed = resolve;
            delayTimer = setTimeout(() => {
              delayTimer = undefined;
              void startGuardedWatcher().then(resolve);
            }, delayMs);
          })
        : startGuardedWatcher();
  }

  return {
    packDir,
    watching,
    snapshot: () => current,
    reloadSoon: runReload,
    async media(relPath): Promise<ResolveResult> {
      const split = splitPackPath(relPath);
      if (!split.ok) return split;
      const file = split.segments.join('/');
      // The items' paths are as the author typed them; a request may come in the other form.
      const found =
        mediaByPath.get(file) ??
        mediaByPath.get(file.normalize('NFC')) ??
        mediaByPath.get(file.normalize('NFD'));
      if (!found) return { ok: false, error: problem('media.notUsed', { path: file }) };
      return { ok: true, path: found.path, info: found.info };
    },
    subscribe(listener): Unsubscribe {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close(): Promise<void> {
      closed = true;
      if (delayTimer) clearTimeout(delayTimer);
      settleDelayed?.();
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (rootTimer) clearInterval(rootTimer);
      listeners.clear();
      await watcher?.close();
      await running;
    },
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lateEditor } from '../content/edit/late-editor';
import type { PackStore } from '../content/types';
import { coreText, type LocalizedText, type ViewRole } from '../../shared/protocol';
import { createObsController, createObsService, type ObsController, type ObsService } from '../obs';
import { applyMerchTable } from '../server/merch-table';
import { resolveDataDir } from '../settings/data-dir';
import { SAFE_START, readShowPosition, showPositionSaver } from '../settings/show-position';
import { loadTokens } from '../settings/tokens-file';
import { ShowEngine, positionOf, systemClock, type ShowPosition } from '../show/engine';
import { ShowClock, newestPastDayOf } from '../show/show-clock';
import { clearShowClock, readShowClock, saveShowClock } from '../settings/show-clock-file';
import { openControlTokenStore } from '../settings/control-tokens';
import type { Core, CoreOptions } from './core-types';
import { keepFirstSlideNow, keepFirstSlideWhileRunning, type KeptSlideInput } from './kept-slide';
import { lateShow } from './late-show';
import { mapSnapshots, prepareDataDir } from './parts';
import { startShowServer, type ShowServer } from './show-server';
import { ChangeLead } from '../show/change-lead';

export type { Core, CoreObsOptions, CoreOptions } from './core-types';
export type { KeepFirstSlideOption } from './kept-slide';

/** The screens load their first slide before the watcher scans the pack. */
const WATCH_DELAY_MS = 2_000;
/** How long the server must go unasked before the pack is read, and the most it waits. */
const PAGE_QUIET = { quietMs: 100, maxMs: 500 };

/**
 * The whole headless product: content, show and server. `serve` and the Electron shell both
 * start exactly this, so whatever works in a browser works in the app.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const notices: LocalizedText[] = [];
  const noticeListeners = new Set<() => void>();
  const log = options.log ?? ((message: string) => console.error(message));
  // A notice from the shell may be plain words (no key): it is shown as it is.
  const notice = (text: LocalizedText | string): void => {
    const said = typeof text === 'string' ? { message: text } : text;
    notices.push(said);
    log(said.message);
    // The operator console lists them as they happen.
    for (const listener of noticeListeners) listener();
  };
  for (const message of options.notices ?? []) notice(message);
  const wantedDataDir = options.dataDir === undefined ? resolveDataDir(undefined) : options.dataDir;
  const dataDir = await prepareDataDir(wantedDataDir, notice);

  // A data folder that was asked for but cannot be used may hold a show stopped in safe mode.
  let resume: ShowPosition | null = dataDir === null && wantedDataDir !== null ? SAFE_START : null;
  let storedTokens: Partial<Record<ViewRole, string>> = {};
  if (dataDir !== null) {
    const saved = await readShowPosition(dataDir);
    resume = saved.position;
    if (saved.notice) notice(saved.notice);
    const loaded = await loadTokens(dataDir, { regenerate: options.newTokens });
    storedTokens = loaded.tokens;
    for (const message of loaded.notices) notice(message);
  }

  // The server listens first: the views load their page, scripts and fonts while the pack is
  // read. Until the content and the show exist, it holds their sockets and media requests.
  const late = lateShow(options.contentDir);
  // The content API's writer, made once the pack is open (it loads the parsers).
  const editor = lateEditor();
  // The server's address is known once it listens; OBS needs it only for "Set up overlays".
  let overlayBaseUrl = '';
  const obsOptions = options.obs === false ? null : (options.obs ?? {});
  // Without a data folder nothing is kept, OBS's settings included: a folder for this run.
  const obsDir = obsOptions
    ? (dataDir ?? (await mkdtemp(path.join(tmpdir(), 'solidarity-obs-'))))
    : null;
  const obs: ObsController | null =
    obsOptions && obsDir
      ? createObsController({
          dataDir: obsDir,
          overlayBaseUrl: () => overlayBaseUrl,
          contentDir: options.contentDir,
          media: (relPath) => late.store.media(relPath),
          env: obsOptions.env,
          passwordStore: obsOptions.passwordStore,
          bridge: obsOptions.bridge,
          log,
        })
      : null;
  const obsService: ObsService | null = obs
    ? createObsService({ controller: obs, pollMs: obsOptions?.pollMs, clock: options.clock })
    : null;
  const stopObs = async () => {
    obsService?.stop();
    await obs?.stop();
    if (obsDir && obsDir !== dataDir) await rm(obsDir, { recursive: true, force: true });
  };

  // One lead for every `showAt` the core stamps, learned from every screen's reports.
  const changeLead = new ChangeLead();
  let server: ShowServer;
  try {
    server = await startShowServer({
      store: late.store,
      engine: late.engine,
      ready: late.ready,
      rendererDir: options.rendererDir,
      host: options.host,
      port: options.port,
      tokens: { ...storedTokens, ...options.tokens },
      dataDir,
      controlTokens: await openControlTokenStore(dataDir, { notice }),
      lanAddresses: options.lanAddresses,
      clock: options.clock,
      notices: {
        list: () => notices,
        subscribe: (listener) => {
          noticeListeners.add(listener);
          return () => noticeListeners.delete(listener);
        },
      },
      notice,
      obs: obsService ?? undefined,
      scaleImage: options.scaleImage,
      cleanUpload: options.cleanUpload,
      editor: editor.editor,
      early: options.early,
      cliControlToken: options.cliControlToken,
      changeLead,
    });
  } catch (error) {
    late.abandon(error);
    editor.abandon(error);
    await stopObs();
    throw error;
  }
  options.onListening?.(server);

  let store: PackStore;
  try {
    // A browser opened on the printed address gets its page's scripts before the pack's
    // loading takes the thread: it compiles them while the pack loads (server/quiet.ts).
    const pageQuiet = options.pageQuiet ?? PAGE_QUIET;
    await server.settled(pageQuiet.quietMs, pageQuiet.maxMs);
    // Loaded after listening: the YAML parsers, the image checks and the watcher are the
    // content's, and the pages need none of them to load.
    const open = options.openContent ?? (await import('../content/store')).openContentStore;
    store = await open(options.contentDir, {
      watch: options.watch ?? true,
      watchDelayMs: options.watchDelayMs ?? WATCH_DELAY_MS,
    });
    const { createContentEditor } = await import('../content/edit/editor');
    const packStore = store;
    editor.attach(
      createContentEditor({
        packDir: options.contentDir,
        reloadSoon: () => packStore.reloadSoon(),
      }),
    );
  } catch (error) {
    late.abandon(error);
    editor.abandon(error);
    await stopObs();
    await server.close();
    throw error;
  }
  const initial = store.snapshot();
  // Safe mode and blackout are restored in the constructor, before anything is on air.
  const showClock = new ShowClock(options.clock ?? systemClock, () =>
    newestPastDayOf(store.snapshot()),
  );
  if (dataDir !== null) {
    const saved = await readShowClock(dataDir);
    // The machine has its time back: the saved offset would now push the counters wrong.
    if (saved && !showClock.restore(saved.offsetMs)) await clearShowClock(dataDir).catch(() => {});
  }
  const engine = new ShowEngine(initial, {
    showClock,
    onShowClockSet: (offsetMs) => {
      if (dataDir === null) return;
      saveShowClock(dataDir, { offsetMs, setAt: showClock.now() }).catch((error: Error) =>
        notice(coreText('autostart.showClockUnsaved', { detail: error.message })),
      );
    },
    random: options.random,
    resume,
    changeLead,
  });

  const saver = dataDir === null ? null : showPositionSaver(dataDir, notice);
  // Subscribed before anything can change the show, so no change goes unsaved.
  const unsubscribeSaver = saver
    ? engine.subscribe((state) => saver.save(positionOf(state)))
    : () => {};

  const views = mapSnapshots(store, (snapshot) => applyMerchTable(snapshot, options.merchTable));
  // The held views are greeted now, with the whole content and the show on it.
  late.attach(views, engine);
  // Wired after the server's subscription (carried over by attach), so views get the new content before the
  // show state that may point into it.
  const unsubscribe = store.subscribe((snapshot) => engine.setContent(snapshot));
  // A reload that landed while the server was starting would otherwise be missed.
  if (store.snapshot().revision !== initial.revision) engine.setContent(store.snapshot());
  // Where the resumed show actually landed (the saved item may be gone), and an early word
  // if the folder cannot be written.
  saver?.save(positionOf(engine.state()));
  // `serve` keeps the next start's first slide: while the show holds still, and at the stop.
  const kept: KeptSlideInput | null =
    options.keepFirstSlide && dataDir !== null
      ? {
          keep: options.keepFirstSlide,
          contentDir: options.contentDir,
          dataDir,
          rendererDir: options.rendererDir,
          store,
          views,
          engine,
          showClock,
          clock: options.clock ?? systemClock,
          random: options.random,
          tokens: server.tokens,
          mediaWidth: () => server.widestMediaWidth(),
          scale: options.scaleImage,
          log,
        }
      : null;
  const keeper = kept && saver ? keepFirstSlideWhileRunning(kept, () => saver.flush()) : null;

  // The stream follows the show: every change of the show or of the content goes to OBS. A
  // failed OBS call never reaches here (the controller answers reports), and OBS being away
  // costs one refused call per change; the state is re-applied when it comes back.
  let unfollow = () => {};
  if (obs) {
    overlayBaseUrl = `${server.url}/?token=${encodeURIComponent(server.tokens.overlay)}`;
    const follow = () => void obs.followShow(views.snapshot(), engine.state());
    const unfollowShow = engine.subscribe(follow);
    const unfollowContent = views.subscribe(follow);
    unfollow = () => {
      unfollowShow();
      unfollowContent();
    };
    follow();
    // Not awaited: an OBS that is away must not hold up the show.
    obs.start().then(
      (started) => {
        for (const warning of started.warnings)
          notice(coreText('obs.warning', { detail: warning }));
      },
      (error: unknown) => notice(coreText('obs.couldNotStart', { detail: String(error) })),
    );
  }

  let stopping: Promise<void> | null = null;
  return {
    server,
    engine,
    store,
    dataDir,
    notices,
    obs,
    stop: () =>
      (stopping ??= (async () => {
        unsubscribe();
        unfollow();
        await stopObs();
        await server.close();
        engine.stop();
        unsubscribeSaver();
        // The last change (the operator's goTo just before Ctrl+C) must be on disk.
        await saver?.flush();
        // After every write to the data folder: the kept slide's fingerprint covers them.
        await keeper?.stop();
        if (kept) await keepFirstSlideNow(kept);
        await store.close();
      })()),
  };
}

import type { ContentSnapshot } from '../../shared/content';
import { coreText, fail, type ShowState } from '../../shared/protocol';
import type { ContentStore } from '../content/types';
import type { ShowEngine } from '../show/engine';

/** What the server needs of the engine. */
export type ShowCore = Pick<ShowEngine, 'state' | 'subscribe' | 'execute'>;

/**
 * The content and the show as the server sees them while the pack is still loading: the
 * server listens (and the views load their page) before either exists. `ready` settles once
 * both are attached; until then nothing may read them, so the server holds sockets and media
 * requests until it settles. Subscriptions made before are carried over in their order.
 */
export interface LateShow {
  store: ContentStore;
  engine: ShowCore;
  ready: Promise<void>;
  attach(store: ContentStore, engine: ShowCore): void;
  /** The content never came (the start failed): whatever waits on `ready` gives up. */
  abandon(error: unknown): void;
}

const NOT_YET = 'the show is still loading its content';

export function lateShow(packDir: string): LateShow {
  let store: ContentStore | null = null;
  let engine: ShowCore | null = null;
  const contentListeners = new Set<(snapshot: ContentSnapshot) => void>();
  const showListeners = new Set<(state: ShowState) => void>();
  let settle: { resolve: () => void; reject: (error: unknown) => void } | null = null;
  const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  // Nobody may be left with an unhandled rejection when the start fails.
  ready.catch(() => {});
  const loaded = <T>(part: T | null): T => {
    // Reading before `ready` is a wiring bug: a view greeted now would get an empty show.
    if (part === null) throw new Error(NOT_YET);
    return part;
  };
  return {
    ready,
    store: {
      packDir,
      snapshot: () => loaded(store).snapshot(),
      subscribe: (listener) => {
        contentListeners.add(listener);
        return () => contentListeners.delete(listener);
      },
      media: async (relPath) => {
        await ready;
        return loaded(store).media(relPath);
      },
      close: async () => store?.close(),
    },
    engine: {
      state: () => loaded(engine).state(),
      subscribe: (listener) => {
        showListeners.add(listener);
        return () => showListeners.delete(listener);
      },
      execute: (command) =>
        engine ? engine.execute(command) : fail(coreText('command.stillLoading')),
    },
    attach(realStore, realEngine) {
      store = realStore;
      engine = realEngine;
      realStore.subscribe((snapshot) => {
        for (const listener of [...contentListeners]) listener(snapshot);
      });
      realEngine.subscribe((state) => {
        for (const listener of [...showListeners]) listener(state);
      });
      settle?.resolve();
    },
    abandon(error) {
      settle?.reject(error);
    },
  };
}

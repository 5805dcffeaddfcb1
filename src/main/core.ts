import { openContentStore } from './content/store';
import type { ContentStore } from './content/types';
import type { Role } from '../shared/protocol';
import { startServer, type RunningServer } from './server/server';
import { ShowEngine, type Clock } from './show/engine';

export interface CoreOptions {
  /** The campaign pack folder. */
  contentDir: string;
  port: number;
  host?: string;
  rendererDir: string;
  /** Reload content when files change; on for `serve` and the app. */
  watch?: boolean;
  /** Stored tokens (the Electron shell keeps them across restarts); random otherwise. */
  tokens?: Partial<Record<Role, string>>;
  clock?: Clock;
}

export interface Core {
  server: RunningServer;
  engine: ShowEngine;
  store: ContentStore;
  stop(): Promise<void>;
}

/**
 * The whole headless product: content, show and server. `serve` and the Electron shell both
 * start exactly this, so whatever works in a browser works in the app.
 */
export async function startCore(options: CoreOptions): Promise<Core> {
  const store = await openContentStore(options.contentDir, { watch: options.watch ?? true });
  const initial = store.snapshot();
  const engine = new ShowEngine(initial, { clock: options.clock });
  let server: RunningServer;
  try {
    server = await startServer({
      store,
      engine,
      rendererDir: options.rendererDir,
      host: options.host,
      port: options.port,
      tokens: options.tokens,
    });
  } catch (error) {
    engine.stop();
    await store.close();
    throw error;
  }
  // Wired after the server subscribed to the store, so views get the new content before the
  // show state that may point into it.
  const unsubscribe = store.subscribe((snapshot) => engine.setContent(snapshot));
  // A reload that landed while the server was starting would otherwise be missed.
  if (store.snapshot().revision !== initial.revision) engine.setContent(store.snapshot());

  let stopping: Promise<void> | null = null;
  return {
    server,
    engine,
    store,
    stop: () =>
      (stopping ??= (async () => {
        unsubscribe();
        await server.close();
        engine.stop();
        await store.close();
      })()),
  };
}

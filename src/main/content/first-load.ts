import { Stats } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { StoreState } from './store-state';

/** A pack's first load, made before the content store exists (see `openContentStore`). */
export interface FirstLoad {
  state: Promise<StoreState>;
  /** When the folder's reading began: the watcher counts any edit after it as unseen. */
  startedAt: number;
}

/** What the worker (`src/main/pack-worker.ts`) is sent, and what it answers. */
export interface FirstLoadRequest {
  packDir: string;
}
export type FirstLoadAnswer = { ok: true; state: StoreState } | { ok: false; error: string };

/**
 * A structured clone keeps maps, dates and plain objects, but a file's `Stats` arrives as a
 * plain object: its methods (`isFile()`) come back with its prototype.
 */
export function reviveStoreState(state: StoreState): StoreState {
  for (const media of state.mediaByPath.values())
    Object.setPrototypeOf(media.info, Stats.prototype);
  for (const list of state.lastGoodMedia.values()) {
    for (const media of list) Object.setPrototypeOf(media.info, Stats.prototype);
  }
  return state;
}

/**
 * Starts reading the pack in a worker thread at once. The process's own thread meanwhile
 * compiles the server and listens; on two cores the two overlap, and the screens' greeting
 * waits for neither the parsers nor the folder. Rejects if the worker fails, so the store
 * reads the pack itself.
 */
export function firstLoadInWorker(workerFile: string, packDir: string): FirstLoad {
  const startedAt = Date.now();
  const state = new Promise<StoreState>((resolve, reject) => {
    const request: FirstLoadRequest = { packDir };
    const worker = new Worker(workerFile, { workerData: request });
    worker.once('message', (answer: FirstLoadAnswer) => {
      if (answer.ok) resolve(reviveStoreState(answer.state));
      else reject(new Error(answer.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the pack worker exited (${code})`)));
  });
  // Nobody may be waiting yet: a failure is handled where the store opens.
  state.catch(() => {});
  return { state, startedAt };
}

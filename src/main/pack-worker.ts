// The first load of the pack (out/main/pack-worker.js), in a worker thread started with the
// process: `content/first-load.ts` starts it, and the content store takes its state.
import { parentPort, workerData } from 'node:worker_threads';
import type { FirstLoadAnswer, FirstLoadRequest } from './content/first-load';
import { readPack } from './content/load-pack';
import { applyRead, initialStoreState } from './content/store-state';

async function answer(request: FirstLoadRequest): Promise<FirstLoadAnswer> {
  try {
    const read = await readPack(request.packDir);
    return { ok: true, state: applyRead(initialStoreState(), read).state };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

if (parentPort) {
  const port = parentPort;
  void answer(workerData as FirstLoadRequest).then((result) => port.postMessage(result));
} else {
  console.error('pack-worker: start me as a worker thread (content/first-load.ts)');
  process.exitCode = 1;
}

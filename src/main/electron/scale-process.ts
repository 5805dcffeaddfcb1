import { app, utilityProcess } from 'electron';
import type { ScaleWorker } from '../server/child-scaling';

/**
 * The image scaling child as an Electron utility process: a Node child that needs no
 * ELECTRON_RUN_AS_NODE, which the packaged app's fuses turn off (electron-builder.yml).
 * Electron starts utility processes only once the app is ready.
 */
export function utilityScaleWorker(workerPath: string): () => Promise<ScaleWorker> {
  return async () => {
    await app.whenReady();
    const child = utilityProcess.fork(workerPath, [], {
      serviceName: 'Solidarity Screens image scaling',
      stdio: 'inherit',
    });
    return {
      postMessage: (message, failed) => {
        try {
          child.postMessage(message);
        } catch (error) {
          failed(error instanceof Error ? error : new Error(String(error)));
        }
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.on('exit', listener),
      kill: () => void child.kill(),
    };
  };
}

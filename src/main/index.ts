// The Electron entry: the same core as `serve`, inside the thin shell (src/main/electron).
// Paths are worked out here because only this file is sure to be bundled as out/main/index.js.
//
// No top-level await here, ever: Electron emits `ready` only once this module has finished
// evaluating, so awaiting the app's start (which waits for `ready`) would hang it with no
// window. tests/electron/entry.spec.ts loads the built file under a fake Electron that keeps
// this rule.
import path from 'node:path';
import { startElectronApp } from './electron/app';

const appRoot = path.resolve(import.meta.dirname, '../..');

void startElectronApp(
  {
    appRoot,
    preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
    rendererDir: path.join(appRoot, 'out/renderer'),
    scaleWorkerPath: path.join(import.meta.dirname, 'scale-worker.js'),
    slideRendererPath: path.join(import.meta.dirname, 'first-slide-render.js'),
  },
  process.argv.slice(1),
);

// The Electron entry: the same core as `serve`, inside the thin shell (src/main/electron).
// Paths are worked out here because only this file is sure to be bundled as out/main/index.js.
import path from 'node:path';
import { runElectronApp } from './electron/app';

const appRoot = path.resolve(import.meta.dirname, '../..');

await runElectronApp(
  {
    appRoot,
    preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'),
    rendererDir: path.join(appRoot, 'out/renderer'),
  },
  process.argv.slice(1),
);

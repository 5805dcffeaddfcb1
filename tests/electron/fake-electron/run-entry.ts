// Runs an Electron entry module (the built out/main/index.js) under the fake Electron, the way
// Electron's loader does: `electron` is the fake, the entry is imported, and the app becomes
// ready only once that import has finished evaluating. An entry that waits for `ready` while it
// evaluates therefore never gets a window, as in the real Electron.
//
//   node --import tsx tests/electron/fake-electron/run-entry.ts out/main/index.js [app args]
//
// It prints `fake-electron load <url>` for every page a window loads and
// `fake-electron dialog <title>: <message>` for an error box, and exits with the code the app
// exits with (`app.exit`).
import { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const fakeUrl = new URL('../../mocks/electron-module.ts', import.meta.url).href;
register('./resolve-electron.mjs', import.meta.url, { data: { fakeUrl } });

const entry = process.argv[2];
if (!entry) {
  console.error('usage: run-entry.ts <entry module> [app args]');
  process.exit(2);
}

const { FakeBrowserWindow, electron, loadEntry } = await import('../../mocks/electron');
FakeBrowserWindow.onLoad = (_window, url) => console.log(`fake-electron load ${url}`);
electron.app.exit.mockImplementation((code = 0) => process.exit(code));
electron.dialog.showErrorBox.mockImplementation((title: string, message: string) =>
  console.log(`fake-electron dialog ${title}: ${message}`),
);

await loadEntry(() => import(pathToFileURL(path.resolve(entry)).href));
console.log('fake-electron ready');

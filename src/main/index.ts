// The Electron entry: start the same core as `serve`, then the thin shell around it.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { startCore } from './core';
import { startShell } from './electron/shell';
import { viewUrls } from './server/views';

// Electron's argv is [electron, app folder, ...our arguments]; unknown switches that Chromium
// itself understands must not stop the app.
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { content: { type: 'string' }, port: { type: 'string' } },
  strict: false,
});

const appRoot = path.resolve(import.meta.dirname, '../..');
const core = await startCore({
  contentDir: path.resolve(
    typeof values.content === 'string' ? values.content : path.join(appRoot, 'content'),
  ),
  port: Number(typeof values.port === 'string' ? values.port : 8080),
  rendererDir: path.join(appRoot, 'out/renderer'),
  watch: true,
});

const [display] = viewUrls(core.server.url, core.server.tokens, ['kiosk']);
if (!display) throw new Error('the display view is missing from the view table');
startShell({ displayUrl: display.url, onQuit: () => core.stop() });

// `npm start` without Electron's API: pick the desktop app or the headless fallback.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, realDeps } from './launch/run';

const args = process.argv.slice(2);
const { values } = parseArgs({
  args,
  options: {
    content: { type: 'string' },
    port: { type: 'string', default: '8080' },
    'no-browser': { type: 'boolean', default: false },
  },
  strict: true,
});

const appRoot = path.resolve(import.meta.dirname, '../..');
const code = await launch(
  {
    appRoot,
    contentDir: path.resolve(values.content ?? path.join(appRoot, 'content')),
    port: Number(values.port),
    noBrowser: values['no-browser'],
    passThroughArgs: args,
  },
  realDeps(),
);
process.exit(code);

// `npm start` without Electron's API: pick the desktop app or the headless fallback. It takes
// the same options as `serve` (one parser), plus --no-browser.
import path from 'node:path';
import { USAGE, parseCli } from './cli/args';
import { launch, realDeps } from './launch/run';

const args = process.argv.slice(2);
const noBrowser = args.includes('--no-browser');
const appRoot = path.resolve(import.meta.dirname, '../..');
const parsed = parseCli(['serve', ...args.filter((a) => a !== '--no-browser')], appRoot);

if (parsed.command === 'help') {
  console.log(
    `${USAGE.trimEnd()}\n\nnpm start also takes --no-browser: never open a kiosk browser.`,
  );
  process.exit(0);
}
if (parsed.command !== 'serve') {
  console.error(parsed.command === 'error' ? parsed.message : 'unexpected command');
  process.exit(2);
}

const code = await launch(
  {
    appRoot,
    serve: parsed,
    noBrowser,
    passThroughArgs: args,
  },
  realDeps(),
);
process.exit(code);

import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from './cli/main';

/** True when this file is the program being run, not a module imported by a test. */
function isEntry(): boolean {
  const argv1 = process.argv[1];
  if (!argv1) return false;
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const self = real(fileURLToPath(import.meta.url));
  const entry = real(argv1);
  // `node out/main/cli` works too: Node adds the extension, argv[1] does not show it.
  return entry === self || entry === self.replace(/\.[cm]?[jt]s$/, '');
}

if (isEntry()) {
  main(process.argv.slice(2), {
    cwd: process.cwd(),
    entryUrl: import.meta.url,
    // `once`: a second Ctrl+C while stopping falls through to Node's default and quits hard.
    waitForStop: () =>
      new Promise<NodeJS.Signals>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      }),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then(
    (code) => {
      process.exitCode = code;
      // A leftover handle (a watcher, a socket) must not keep a finished CLI alive.
      setTimeout(() => process.exit(code), 2_000).unref();
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

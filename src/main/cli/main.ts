import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, parseCli } from './args';
import type { CliIo } from './serve';
import { serveStartOptions, type ServeStartOptions } from './serve-options';
import { listenWithKeptFirstSlide } from '../first-slide/launch';

export interface MainContext extends CliIo {
  cwd: string;
  /** `import.meta.url` of the entry file, to find the built renderer next to it. */
  entryUrl: string;
  /** Resolves on Ctrl+C / SIGTERM; called only once `serve` is up. */
  waitForStop: () => Promise<unknown>;
  /** For `SOLIDARITY_DATA_DIR` and the OS data folder; the process's by default. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Built, the entry is `out/main/cli.js` and the views are `out/renderer`. Run from source
 * (`node --import tsx src/main/cli.ts`), the views are still the built ones in `out/renderer`.
 */
export function defaultRendererDir(entryUrl: string): string {
  const here = path.dirname(fileURLToPath(entryUrl));
  const built = path.basename(here) === 'main' && path.basename(path.dirname(here)) === 'out';
  return built ? path.resolve(here, '../renderer') : path.resolve(here, '../../out/renderer');
}

/** The built server-side render of a slide, beside the built CLI (electron.vite.config.ts). */
export function slideRendererFile(entryUrl: string): string {
  return path.resolve(defaultRendererDir(entryUrl), '../main/first-slide-render.js');
}

async function isFolder(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

/** The whole CLI, minus the process: returns the exit code. */
export async function main(argv: readonly string[], context: MainContext): Promise<number> {
  if (argv[0] === 'pack') {
    const { runPack } = await import('./pack');
    return runPack(argv.slice(1), context.cwd, context);
  }
  if (argv[0] === 'print') {
    const { runPrint } = await import('./print');
    const rendererDir = defaultRendererDir(context.entryUrl);
    return runPrint(argv.slice(1), { ...context, rendererDir });
  }
  if (argv[0] === 'export') {
    const { runExport, defaultPlayerDir } = await import('./export');
    return runExport(argv.slice(1), context.cwd, context, defaultPlayerDir(context.entryUrl));
  }
  if (argv[0] === 'autostart') {
    const { runAutostart } = await import('./autostart');
    const env = context.env ?? process.env;
    return runAutostart(argv.slice(1), {
      ...context,
      env,
      home: os.homedir(),
      platform: process.platform,
      nodePath: process.execPath,
      cliPath: path.resolve(defaultRendererDir(context.entryUrl), '../main/cli.js'),
    });
  }
  const parsed = parseCli(argv, context.cwd);
  switch (parsed.command) {
    case 'help':
      context.out(USAGE.trimEnd());
      return 0;
    case 'error':
      context.err(`${parsed.message}\nRun with --help to see the commands and options.`);
      return 2;
    case 'validate':
    case 'serve':
      if (!(await isFolder(parsed.contentDir))) {
        context.err(
          `Content folder not found: ${parsed.contentDir}\nPass the pack folder with --content DIR.`,
        );
        return 1;
      }
  }
  // Each command loads its own modules: `serve` listens without first loading the validator's.
  if (parsed.command === 'validate') {
    const { runValidate } = await import('../content/validate-command');
    return runValidate(parsed.contentDir, context.out, parsed.language);
  }
  const start: ServeStartOptions = {
    ...serveStartOptions(parsed, {
      rendererDir: defaultRendererDir(context.entryUrl),
      environment: {
        platform: process.platform,
        env: context.env ?? process.env,
        home: os.homedir(),
        cwd: context.cwd,
      },
    }),
    // The e2e tests' wrong clock at boot; never set in real use.
    clockShiftMs: Number((context.env ?? process.env).SOLIDARITY_TEST_CLOCK_SHIFT_MS) || 0,
    slideRendererFile: slideRendererFile(context.entryUrl),
  };
  // A restart with nothing changed answers the display from the slide the last run kept, and
  // loads the core only once that slide is up (first-slide/); null starts the usual way.
  const kept = await listenWithKeptFirstSlide(start, context.out);
  await kept?.early.wake;
  const { runServe } = await import('./serve');
  return runServe({ ...start, kept, waitForStop: context.waitForStop }, context);
}

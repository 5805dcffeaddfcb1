import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatContentError } from '../../shared/content';
import { translate } from '../../shared/i18n';
import { startCore, type Core } from '../core/start';
import { keepFirstSlideWith } from '../core/kept-slide';
import { systemClock } from '../../shared/time';
import { banner, bannerHead, bannerTail, listenErrorMessage } from '../core/messages';
import type { ServeStartOptions } from './serve-options';

export { serveStartOptions, type ServeStartOptions } from './serve-options';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ServeOptions extends ServeStartOptions {
  /** Resolves when the server should stop (Ctrl+C); injected so tests need no signals. */
  waitForStop: () => Promise<unknown>;
}

/**
 * Starts the core the way `serve` does and prints the banner. `serve` and the headless
 * `npm start` both start through here. Returns null (after saying why) if it could not start.
 */
export async function startServe(
  options: ServeStartOptions,
  io: CliIo,
  start: typeof startCore = startCore,
): Promise<Core | null> {
  let core: Core;
  // A kept first slide printed the addresses before the core was loaded (first-slide/launch.ts).
  let printedHead = Boolean(options.kept);
  try {
    core = await start({
      ...(options.kept
        ? { early: options.kept.early, cliControlToken: options.kept.cliControlToken }
        : {}),
      ...(options.slideRendererFile
        ? { keepFirstSlide: keepFirstSlideWith(options, options.slideRendererFile) }
        : {}),
      contentDir: options.contentDir,
      port: options.port,
      host: options.host,
      rendererDir: options.rendererDir,
      watch: true,
      ...(options.clockShiftMs
        ? { clock: { ...systemClock, now: () => Date.now() + options.clockShiftMs! } }
        : {}),
      dataDir: options.dataDir,
      newTokens: options.newTokens,
      merchTable: options.merch,
      ...(options.remoteAddress ? { lanAddresses: () => [options.remoteAddress!] } : {}),
      notices: options.notices,
      // Notices (a saved file set aside, new tokens) come before the banner, on stderr.
      log: io.err,
      // The addresses go out as soon as the server listens: a browser opened on them loads
      // its page while the pack is read.
      onListening: (server) => {
        printedHead = true;
        for (const line of bannerHead(options.contentDir, server)) io.out(line);
      },
    });
  } catch (error) {
    const message = listenErrorMessage(error, options.port, options.host);
    io.err(message ?? `Could not start: ${(error as Error).message ?? String(error)}`);
    return null;
  }
  for (const line of printedHead ? bannerTail(core) : banner(core)) io.out(line);
  if (options.language) {
    // The banner stays as it is (scripts read it); the problems follow on stderr.
    const t = translate(options.language, 'problems');
    for (const error of core.store.snapshot().errors) io.err(formatContentError(error, t));
  }
  if (!existsSync(path.join(options.rendererDir, 'index.html'))) {
    io.err(
      `Note: the views are not built (${options.rendererDir} has no index.html). Run \`npm run build\`.`,
    );
  }
  return core;
}

export async function runServe(options: ServeOptions, io: CliIo): Promise<number> {
  const core = await startServe(options, io);
  if (!core) return 1;
  await options.waitForStop();
  await core.stop();
  io.out('Stopped.');
  return 0;
}

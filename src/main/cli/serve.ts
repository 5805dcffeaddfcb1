import { existsSync } from 'node:fs';
import path from 'node:path';
import { formatContentError } from '../../shared/content';
import { translate, type AppLanguage } from '../../shared/i18n';
import { startCore, type Core } from '../core/start';
import { systemClock } from '../../shared/time';
import type { MerchTableOption } from '../server/merch-table';
import { banner, bannerHead, bannerTail, listenErrorMessage } from '../core/messages';
import { resolveDataDir, type DataDirEnvironment } from '../settings/data-dir';
import type { CliCommand } from './args';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** What `serve` and the headless `npm start` start: one shape, so they keep the same state. */
export interface ServeStartOptions {
  contentDir: string;
  port: number;
  host: string;
  rendererDir: string;
  /** Where the show position and the tokens are kept. */
  dataDir: string;
  newTokens?: boolean;
  merch?: MerchTableOption | null;
  /** Where the phone remote listens when turned on; this computer's LAN address if null. */
  remoteAddress?: string | null;
  /** What the operator should know from the start (how the venue screen is locked). */
  notices?: readonly string[];
  /** `--lang`: list the content's problems after the banner, in this language. */
  language?: AppLanguage;
  /** Tests only (SOLIDARITY_TEST_CLOCK_SHIFT_MS): the machine's clock, moved by this much. */
  clockShiftMs?: number;
}

export interface ServeOptions extends ServeStartOptions {
  /** Resolves when the server should stop (Ctrl+C); injected so tests need no signals. */
  waitForStop: () => Promise<unknown>;
}

/**
 * The parsed `serve` options with every default filled in. The data folder is always a
 * folder (`--data`, else `SOLIDARITY_DATA_DIR`, else the OS default), never "keep nothing":
 * a start that forgot the last one would lose the tokens in every link handed out and
 * bring a show stopped in safe mode back out of it.
 */
export function serveStartOptions(
  parsed: Extract<CliCommand, { command: 'serve' }>,
  defaults: { rendererDir: string; environment: DataDirEnvironment },
): ServeStartOptions {
  return {
    contentDir: parsed.contentDir,
    port: parsed.port,
    host: parsed.host,
    rendererDir: parsed.rendererDir ?? defaults.rendererDir,
    dataDir: resolveDataDir(parsed.dataDir, defaults.environment),
    newTokens: parsed.newTokens,
    merch: parsed.merch,
    remoteAddress: parsed.remoteAddress,
    ...(parsed.language ? { language: parsed.language } : {}),
  };
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
  let printedHead = false;
  try {
    core = await start({
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

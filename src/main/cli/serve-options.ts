import type { MerchTableOption } from '../server/merch-table';
import type { EarlyListener } from '../server/server-types';
import { resolveDataDir, type DataDirEnvironment } from '../settings/data-dir';
import type { AppLanguage } from '../../shared/i18n/languages';
import type { CliCommand } from './args';

// Apart from serve.ts, which loads the core: the CLI fills these in, and looks for a kept
// first slide (first-slide/), before any library is loaded.

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
  /**
   * The server already listening with the kept first slide, and the `cli` token its banner
   * printed (first-slide/launch.ts): the core takes both over.
   */
  kept?: { early: EarlyListener; cliControlToken: string } | null;
  /**
   * The built server-side render of a slide (`out/main/first-slide-render.js`): when given, the
   * core keeps the next start's first slide as it stops. `serve` and the headless `npm start`
   * give it; the desktop app has its own (`AppPaths.slideRendererPath`).
   */
  slideRendererFile?: string;
  /** Tests only (SOLIDARITY_TEST_CLOCK_SHIFT_MS): the machine's clock, moved by this much. */
  clockShiftMs?: number;
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

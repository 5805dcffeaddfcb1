import type { openContentStore } from '../content/store';
import type { ContentStore } from '../content/types';
import type { LocalizedText, ViewRole } from '../../shared/protocol';
import type { ObsBridgeOptions, ObsController, PasswordStore } from '../obs';
import type { MerchTableOption } from '../server/merch-table';
import type { ScaleImage } from '../server/media-scaling';
import type { CleanUpload } from '../content/edit/upload-result';
import type { EarlyListener } from '../server/server-types';
import type { ShowEngine, Clock } from '../show/engine';
import type { KeepFirstSlideOption } from './kept-slide';
import type { ShowServer } from './show-server';

// What `startCore` (start.ts) takes and gives: apart, so that file is the wiring alone.

export interface CoreOptions {
  /** The campaign pack folder. */
  contentDir: string;
  /** Before the pack is read, the server goes unasked this long (at most `maxMs`). */
  pageQuiet?: { quietMs: number; maxMs: number };
  port: number;
  host?: string;
  rendererDir: string;
  /** Reload content when files change; on for `serve` and the app. */
  watch?: boolean;
  /** How long after the first load the file watcher starts (see openContentStore). */
  watchDelayMs?: number;
  /**
   * Where the show position and the view tokens are kept across restarts. Left out: the same
   * folder `serve` would pick (`SOLIDARITY_DATA_DIR`, else the OS default). null: keep
   * nothing, every start is fresh (tests that are not about restarts).
   */
  dataDir?: string | null;
  /** Tokens to use instead of the stored ones, per role; these are not stored. */
  tokens?: Partial<Record<ViewRole, string>>;
  /** Replace the stored tokens (`--new-tokens`): every link handed out before stops working. */
  newTokens?: boolean;
  /** `--merch [SECONDS]`: merch-table mode on for this run, whatever the pack says. */
  merchTable?: MerchTableOption | null;
  clock?: Clock;
  /** [0, 1), for shuffled playlists. */
  random?: () => number;
  /** Where notices are written as they happen; stderr by default. */
  log?: (message: string) => void;
  /** Notices from whoever starts the core (how the venue screen is locked), first in the list. */
  notices?: readonly (LocalizedText | string)[];
  /** The phone remote's addresses, best first; this machine's LAN IPv4 addresses by default. */
  lanAddresses?: () => string[];
  /**
   * Called once the server listens, before the pack is read: the pages can load meanwhile.
   * `startCore` itself resolves once the content has loaded and the show has started.
   */
  onListening?: (server: ShowServer) => void;
  /** How the pack is opened; openContentStore unless a test slows it down. */
  openContent?: typeof openContentStore;
  /** OBS over obs-websocket; on unless false. It connects only once OBS is configured. */
  obs?: false | CoreObsOptions;
  /** A server already listening with the kept first slide (first-slide/launch.ts): taken over. */
  early?: EarlyListener;
  /** The run's `cli` control token, when the banner was printed before the core was loaded. */
  cliControlToken?: string;
  /** Keep the next start's first slide when stopping (`serve`; needs a data folder). */
  keepFirstSlide?: KeepFirstSlideOption;
  /** How `/media/?w=` copies are made; sharp in this process by default (the app uses a child). */
  scaleImage?: ScaleImage;
  /** How content API uploads are cleaned; sharp in this process by default (the app: a child). */
  cleanUpload?: CleanUpload;
}

export interface CoreObsOptions {
  /** Where the password is kept (safeStorage in the app); the 0600 `obs.json` by default. */
  passwordStore?: PasswordStore;
  /** Where `SOLIDARITY_OBS_PASSWORD` is read; process.env by default. */
  env?: NodeJS.ProcessEnv;
  bridge?: ObsBridgeOptions;
  /** How often the stream status is read while an operator is connected. */
  pollMs?: number;
}

export interface Core {
  server: ShowServer;
  engine: ShowEngine;
  store: ContentStore;
  /** Where this core keeps its state, or null when it keeps none. */
  dataDir: string | null;
  /**
   * Things the operator should know that are not content problems: a saved file that was
   * unusable and set aside, state that could not be saved, tokens that were replaced. Grows
   * while the core runs; operators receive it (`notices`) on connect and on every change.
   */
  notices: LocalizedText[];
  /** OBS, or null when the core runs without it (`obs: false`). */
  obs: ObsController | null;
  stop(): Promise<void>;
}

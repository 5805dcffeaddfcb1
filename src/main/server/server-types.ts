import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type {
  Command,
  ConnectedClient,
  LocalizedText,
  OutputRecord,
  Result,
  ScreensStatus,
  ShowState,
  ViewRole,
} from '../../shared/protocol';
import type { Clock } from '../../shared/time';
import type { ContentEditor } from '../content/edit/types';
import type { CleanUpload } from '../content/edit/upload-result';
import type { ContentStore } from '../content/types';
import type { ObsService } from '../obs/service';
import type { ChangeLeadReports } from '../show/change-lead';
import type { LanListener, RemoteController } from '../remote/controller';
import type { ControlTokenStore } from '../settings/control-tokens';
import type { ResolveMedia } from './media';
import type { ScaleImage } from './media-scaling';
import type { ScreenPairing } from './screen-pair-route';

/* What the server is given (`ServerOptions`, built by `core/start.ts`) and what it gives back. */

/** Things the operator should know that are not content problems (see `Core.notices`). */
export interface NoticeBoard {
  list(): readonly LocalizedText[];
  subscribe(listener: () => void): () => void;
}

/** The show as the server carries it: what is on air, and every change of it. */
export interface ShowFeed {
  state(): ShowState;
  subscribe(listener: (state: ShowState) => void): () => void;
}

/**
 * Finished parts, built by `core/start.ts`: the server carries messages between them and the
 * views, and decides nothing about the show.
 */
export interface ServerOptions {
  store: ContentStore;
  show: ShowFeed;
  /**
   * Settles once `store` and `show` can be read. The server listens before: pages and their
   * assets are served at once, while sockets and media requests wait for it.
   */
  ready?: Promise<void>;
  /** Runs a command that passed its schema and its role check (`core/commands.ts` routes). */
  execute: (command: Command) => Result | Promise<Result>;
  /** The phone remote; the server admits its phones and hands it the LAN listener. */
  remote: RemoteController;
  /** Where screens' `prepared` reports go, and who left: the lead of `showAt` learns from them. */
  changeLead?: ChangeLeadReports;
  /** Screens on the venue network (`screens/`): pairing, and admitting paired screens. */
  screens?: ServerScreens;
  /** The LAN listener's origin while it is open (shared by remote and screens); the remote's if left out. */
  lanOrigin?: () => string | null;
  /** What a paired screen shows (see `showForOutput`); left out: the main show. */
  showForOutput?: (outputId: string, main: ShowState) => ShowState;
  /** The built renderer: `index.html` and `assets/`. */
  rendererDir: string;
  /** 127.0.0.1 unless told: the show must not be reachable from the network by accident. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
  tokens?: Partial<Record<ViewRole, string>>;
  /** How a `/media/` path becomes a file; by default the store's checked media, nothing else. */
  resolveMedia?: ResolveMedia;
  /** For connection times. */
  clock?: Clock;
  notices?: NoticeBoard;
  /** OBS for operators: the `obs` message. Left out: operators get none. */
  obs?: ObsService;
  /** How scaled media copies are made; sharp in this process when left out. */
  scaleImage?: ScaleImage;
  /** The pack's writer, behind the content API (`/api/v1`). Left out: no API. */
  editor?: ContentEditor;
  /** How uploads to the API are cleaned; sharp in this process when left out. */
  cleanUpload?: CleanUpload;
  /** The named tokens of the control API; in memory only when left out. */
  controlTokens?: ControlTokenStore;
  /** The run's `cli` control token when it was made (and printed) before the core loaded. */
  cliControlToken?: string;
  /**
   * A server already listening (a kept first slide answering the display before the core was
   * loaded, `first-slide/early-server.ts`): the app takes it over instead of listening itself;
   * `host` and `port` must be the ones it listens on.
   */
  early?: EarlyListener;
}

/** A listening server whose requests the app takes over once its routes are ready. */
export interface EarlyListener {
  server: Server;
  port: number;
  /** From now on every request goes to `handler`, the held ones first. */
  handOver(handler: (request: IncomingMessage, response: ServerResponse) => void): void;
  close(): Promise<void>;
}

/** What the server needs from the screens: their pairing, tokens and status. */
export interface ServerScreens extends ScreenPairing {
  authenticate(token: string): OutputRecord | null;
  status(): ScreensStatus;
  subscribe(listener: (status: ScreensStatus) => void): () => void;
  changed(): void;
}

/** What the phone remote needs from the sockets (see `RemoteControllerOptions`). */
export interface RemoteSockets {
  openLanListener(address: string, lastPort: number | null): Promise<LanListener>;
  disconnect(match: (client: ConnectedClient) => boolean, code: number, reason: string): void;
  connectedDevices(): ReadonlySet<string>;
  connectedOutputs(): ReadonlySet<string>;
  /** Sends each paired screen what it shows now. */
  refreshOutputs(): void;
}

export interface RunningServer {
  /** `http://127.0.0.1:PORT`, usable from this machine even when bound to every interface. */
  url: string;
  port: number;
  host: string;
  tokens: Record<ViewRole, string>;
  controlTokens: ControlTokenStore;
  /**
   * The `cli` control token `serve` prints on its `api` line: made at every start and never
   * stored, so the printed line works for this run only (the console lists and can revoke it).
   */
  cliControlToken: string;
  /** The `/api/v1` routes registered, `METHOD /path`: what the OpenAPI test holds the document to. */
  apiRoutes(): string[];
  sockets: RemoteSockets;
  /**
   * Resolves once every file a served page named has been answered, or no request has arrived
   * for `quietMs` (at most `maxMs`): `quiet.ts`.
   */
  settled(quietMs: number, maxMs: number): Promise<void>;
  /** The widest copy of a picture a screen has asked for in this run (`?w=`), or null. */
  widestMediaWidth(): number | null;
  close(): Promise<void>;
}

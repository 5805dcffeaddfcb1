import type { Stats } from 'node:fs';
import type { ContentError, ContentSnapshot, LoadedItem, Pack } from '../../shared/content';
import type { VideoFacts } from '../../shared/content/video-facts';
import type { ResolveResult } from './paths';
import type { LineMap } from './source';

/** A media file as the loader checked it: the one version of it the screens may be sent. */
export interface VerifiedMedia {
  /** Pack-relative, `/`-separated, as the items name it. */
  file: string;
  /** Its real path. */
  path: string;
  /** Its stats when it was checked: a file whose stats differ now is not what was checked. */
  info: Stats;
  /** Names this version (size, mtime, inode): the `v=` of media URLs and the ETag. */
  tag: string;
  /** For a video file: what its bytes say it is. */
  video?: VideoFacts;
}

/** The result of reading a pack folder once. Never throws: problems become `errors`. */
export interface PackLoadResult {
  /** null when pack.yaml itself is missing or broken. */
  pack: Pack | null;
  items: LoadedItem[];
  errors: ContentError[];
}

export type Unsubscribe = () => void;

/**
 * The content the show runs on. With `watch`, it reloads changed files, keeps the last good
 * version of any item whose file breaks, and tells its subscribers.
 */
export interface ContentStore {
  readonly packDir: string;
  snapshot(): ContentSnapshot;
  subscribe(listener: (snapshot: ContentSnapshot) => void): Unsubscribe;
  /**
   * A media file the content uses, as last checked good: its real path and the stats it had
   * then. Anything else (a file no item names, a broken one never good) is refused.
   */
  media(relPath: string): Promise<ResolveResult>;
  close(): Promise<void>;
}

/** The store on a pack folder, as openContentStore returns it. */
export interface PackStore extends ContentStore {
  /**
   * Settles once the watcher covers the whole pack (at once without watching). The store is
   * usable before: edits made in the meantime are picked up when it settles.
   */
  readonly watching: Promise<void>;
  /**
   * Reloads now rather than when the watcher notices: the editor has just written. The
   * watcher's own reload still follows, and finds nothing new.
   */
  reloadSoon(): void;
}

/**
 * An id a file names (a playlist entry, a setlist's song, pack.yaml's default playlist), as
 * written, so a file that is broken still has its references checked with the rest.
 */
export interface ItemRef {
  /** Where it is written, as a zod path (`['items', 1]`). */
  field: (string | number)[];
  id: string;
  /** What to say when no file claims the id. */
  reason: 'refs.noItem' | 'refs.noSong' | 'refs.noPlaylist';
}

/** One item file after its own checks, before the checks that need the other files. */
export interface FileResult {
  /** Relative to the pack, `/`-separated. */
  file: string;
  item?: LoadedItem;
  /** The id the file claims, even when broken, so a playlist naming it is not reported too. */
  id?: string;
  errors: ContentError[];
  lines: LineMap;
  /** Media paths the file names, valid or not, normalised like `media/boris.jpg`. */
  media: string[];
  /** The media of `item`, as they were when checked: the versions the screens may be sent. */
  verified: VerifiedMedia[];
  /** The ids the file names, when the file is broken (a loaded item's are checked on it). */
  refs?: ItemRef[];
}

export interface PackFileResult {
  pack: Pack | null;
  errors: ContentError[];
  lines: LineMap;
  /** The ids pack.yaml names, when it is broken. */
  refs?: ItemRef[];
}

/** A pack folder read file by file: the input of `assemblePack`. */
export interface PackRead {
  packFile: PackFileResult;
  files: FileResult[];
  /** Files that are neither item files nor under media/: fine only when an item uses them. */
  others: string[];
  /** Every file under media/, as walked (links inside the pack included, hidden files not). */
  media: string[];
  /** Problems of the folder itself (unreadable folders, links leading out). */
  errors: ContentError[];
  /** False when the pack folder itself is missing or unreadable (unplugged stick, checkout). */
  readable: boolean;
}

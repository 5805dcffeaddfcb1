import type { Stats } from 'node:fs';
import type { ContentError, ContentSnapshot, LoadedItem, Pack } from '../../shared/content';
import type { ResolveResult } from './paths';

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
}

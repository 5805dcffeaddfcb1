import type { ContentError, ContentSnapshot, LoadedItem, Pack } from '../../shared/content';

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

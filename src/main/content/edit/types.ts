import type {
  Conflict,
  FieldProblem,
  HistoryEntry,
  ItemBody,
  ItemList,
  ItemRecord,
  MediaFolder,
  PackImages,
  StreamedFolder,
  Saved,
  Version,
} from '../../../shared/protocol/content-api';
import type { Readable } from 'node:stream';
import type { StreamOptions, StreamSaved } from './streamed-upload';

/** What a write did: saved, refused as invalid (nothing written), or a conflict. */
export type WriteOutcome =
  | { status: 'saved'; saved: Saved }
  | { status: 'invalid'; errors: FieldProblem[] }
  | { status: 'conflict'; conflict: Conflict }
  | { status: 'not-found' };

export type DeleteOutcome =
  | { status: 'deleted'; trashed: string; removedFrom: string[] }
  /** Pack paths unlinked: the item's file, its history and trash copies, media only it used. */
  | { status: 'forgotten'; forgotten: string[]; removedFrom: string[] }
  | { status: 'in-use'; usedBy: { id: string; kind: string; file: string }[] }
  | { status: 'not-found' };

/**
 * The one writer of the pack folder (ARCHITECTURE-GUIDE, Round 2: "content writes have one
 * writer"). Routes ask it; it validates with the loader's own schemas and cross-references,
 * writes atomically, keeps history, and lets the watcher's reload carry the change to the
 * screens. Nothing else writes into the pack.
 */
export interface ContentEditor {
  list(): Promise<ItemList>;
  /** The images under `media/`, with the items that use each: to reuse one (`pack-images.ts`). */
  listImages(): Promise<PackImages>;
  read(id: string): Promise<ItemRecord | null>;
  /** Creates or replaces; `ifMatch` null means "create, or overwrite whatever is there". */
  write(id: string, body: ItemBody, ifMatch: Version | null): Promise<WriteOutcome>;
  /**
   * Moves the item's file to the trash; with `forget`, unlinks it and its history, trash
   * copies and the media files only it used instead (see `forget.ts`).
   */
  remove(
    id: string,
    options: { removeReferences: boolean; forget?: boolean },
  ): Promise<DeleteOutcome>;
  history(id: string): Promise<HistoryEntry[] | null>;
  /** Writes an old version back as a new save (so the current one goes to history). */
  restore(id: string, version: Version, ifMatch: Version | null): Promise<WriteOutcome>;
  /**
   * Writes a checked, cleaned media file under `media/<folder>/`, picking a free name from
   * `name` (already safe: lower-case, no path) and `extension` (no dot: `jpg`), and returns
   * its pack path.
   */
  saveMedia(folder: MediaFolder, name: string, extension: string, bytes: Buffer): Promise<string>;
  /**
   * Streams an upload too big to hold (a video) into `media/<folder>/` as it arrives, cut at
   * `maxBytes`; `check` decides on the whole file from its bytes, and only a kept file is given
   * a free name, as one write (see `streamed-upload.ts`).
   */
  saveStreamedMedia<F, R>(
    folder: StreamedFolder,
    source: Readable,
    options: StreamOptions<F, R>,
  ): Promise<StreamSaved<F, R>>;
  /**
   * Runs `work` (given the pack folder) once no write is in flight, and holds every later
   * write until it is done, then asks for a reload: an event pack's import swaps the whole
   * folder, and a write checked against the old folder must never land in the new one, nor a
   * write meant for the live pack in the folder the old one was renamed to.
   */
  exclusive<T>(work: (packDir: string) => Promise<T>): Promise<T>;
}

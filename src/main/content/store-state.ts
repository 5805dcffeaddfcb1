import { packSchema, type ContentSnapshot, type LoadedItem, type Pack } from '../../shared/content';
import { assemblePack, videoFactsOf } from './assemble-pack';
import { glyphWarnings } from './glyphs/pack-warnings';
import type { PackRead, VerifiedMedia } from './types';

/** Shown until a pack.yaml has loaded once, so the screens have a title and a language. */
export const fallbackPack: Pack = packSchema.parse({
  title: 'Solidarity Screens',
  languages: ['en'],
  defaultLanguage: 'en',
});

/**
 * What the content store knows after a load: the screens' snapshot and the last good version
 * of every file, which a later load falls back on. Plain data (maps, objects, file stats), so
 * a first load made in a worker (`first-load.ts`) crosses to the store as it is.
 */
export interface StoreState {
  lastGoodPack: Pack | null;
  /** The last version of each file that loaded cleanly. */
  lastGood: Map<string, LoadedItem>;
  /** The checked media of each file's last good item, and so of the screens' content. */
  lastGoodMedia: Map<string, VerifiedMedia[]>;
  /** Every media file the content uses, by pack path: what the server may send. */
  mediaByPath: Map<string, VerifiedMedia>;
  snapshot: ContentSnapshot;
}

export const initialStoreState = (): StoreState => ({
  lastGoodPack: null,
  lastGood: new Map(),
  lastGoodMedia: new Map(),
  mediaByPath: new Map(),
  snapshot: { pack: fallbackPack, items: [], errors: [], revision: 0 },
});

/** The parts of a snapshot the screens see: equal parts mean nothing to send. */
const seenParts = (s: ContentSnapshot) =>
  JSON.stringify([s.pack, s.items, s.errors, s.media, s.warnings, s.videos]);

/**
 * The state after reading the pack folder again. A file saved broken keeps its last good item
 * (its error is listed), a deleted file's items go, and a folder that is gone for a moment
 * keeps everything. `changed` is false when the screens' content is the same as before: saving
 * a file without changing it must not make every view re-render (the snapshot is then the old
 * one, revision and all).
 */
export function applyRead(
  state: StoreState,
  read: PackRead,
): { state: StoreState; changed: boolean } {
  let merged = new Map<string, LoadedItem>();
  if (!read.readable) {
    // The whole folder is gone for a moment (stick unplugged, branch checkout): keep showing
    // what was there rather than blanking every screen.
    merged = new Map(state.lastGood);
  } else {
    // Files that are gone take their items with them; files that are broken keep theirs.
    for (const file of read.files) {
      const item = file.item ?? state.lastGood.get(file.file);
      if (item) merged.set(file.file, item);
    }
  }
  // A file broken now plans with the facts of its last good video; a new check wins.
  const videos = videoFactsOf([
    ...[...state.lastGoodMedia.values()].flat(),
    ...read.files.flatMap((f) => f.verified),
  ]);
  const { bySource, ...result } = assemblePack(read, merged, state.lastGood, videos);
  const ownMedia = new Map(read.files.map((f) => [f.file, f]));
  const lastGoodMedia = new Map<string, VerifiedMedia[]>();
  for (const [source, item] of bySource) {
    // A file showing its new item brings the media it checked; one showing its last good
    // item keeps the media versions checked with it.
    const own = ownMedia.get(source);
    const media = own?.item === item ? own.verified : state.lastGoodMedia.get(source);
    if (media) lastGoodMedia.set(source, media);
  }
  const mediaByPath = new Map([...lastGoodMedia.values()].flat().map((m) => [m.file, m]));
  const lastGoodPack = result.pack ?? state.lastGoodPack;
  const warnings = glyphWarnings(result.pack, result.items);
  const next: ContentSnapshot = {
    pack: lastGoodPack ?? fallbackPack,
    items: result.items,
    errors: result.errors,
    media: Object.fromEntries([...mediaByPath].map(([file, m]) => [file, m.tag]).sort()),
    ...(warnings.length > 0 ? { warnings } : {}),
    videos: Object.fromEntries(
      [...videoFactsOf([...mediaByPath.values()])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    ),
    revision: state.snapshot.revision + 1,
  };
  const changed = state.snapshot.revision === 0 || seenParts(state.snapshot) !== seenParts(next);
  return {
    state: {
      lastGoodPack,
      lastGood: bySource,
      lastGoodMedia,
      mediaByPath,
      snapshot: changed ? next : state.snapshot,
    },
    changed,
  };
}

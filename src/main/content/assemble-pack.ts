import path from 'node:path';
import {
  isShowItem,
  type ContentError,
  type LoadedItem,
  type PlaylistEntry,
  type SetlistItem,
} from '../../shared/content';
import { problem, type LocalizedText } from '../../shared/protocol/localized-text';
import { errorAt } from './interpret-item';
import { imageExtensions } from './media';
import { compareText, PACK_FILE } from './pack-files';
import { noLines, type LineMap } from './source';
import { closest } from './did-you-mean';
import type { ItemRef, PackLoadResult, PackRead, VerifiedMedia } from './types';
import type { VideoFacts } from '../../shared/content/video-facts';
import { videoEntryProblems } from './video';

function compareErrors(a: ContentError, b: ContentError): number {
  return (
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.field, b.field) ||
    compareText(a.message, b.message)
  );
}

/** The facts of each checked video file, by pack path. */
export function videoFactsOf(media: readonly VerifiedMedia[]): Map<string, VideoFacts> {
  const facts = new Map<string, VideoFacts>();
  for (const m of media) if (m.video) facts.set(m.file, m.video);
  return facts;
}

function entryId(entry: PlaylistEntry): string {
  return typeof entry === 'string' ? entry : entry.item;
}

type LoadedSetlist = Extract<LoadedItem, SetlistItem>;

/** What to say about an id no item has: the reason, and the claimed id it most likely meant. */
type MissingRef = (reason: ItemRef['reason'], id: string) => LocalizedText;

/**
 * "No item with id test-sunn; did you mean test-sun?", among every id a file claims, broken
 * files included: a broken file is said to be broken, or its id would look fine and the
 * author would wonder why it still does not show.
 */
function missingRefs(read: PackRead, brokenIds: ReadonlySet<string>): MissingRef {
  const claims = new Map<string, string>();
  for (const file of read.files) {
    if (file.id !== undefined && !claims.has(file.id)) claims.set(file.id, file.file);
  }
  const ids = [...claims.keys()];
  return (reason, id) => {
    const suggestion = closest(id, ids);
    if (suggestion === undefined) return problem(reason, { id });
    const params = { id, suggestion, reason: `problems:${reason}` };
    return brokenIds.has(suggestion)
      ? problem('refs.suggestBroken', { ...params, file: claims.get(suggestion)! })
      : problem('refs.suggest', params);
  };
}

/**
 * A setlist's references, checked like a playlist's entries: every song exists and is a song
 * (others are reported and left out; none left, and the setlist is left out), and the
 * interlude is a playlist (if not, it is reported and dropped, so the pack's default
 * playlist plays between songs instead). Ids of broken files are dropped without a second
 * report.
 */
function checkSetlist(
  setlist: LoadedSetlist,
  byId: ReadonlyMap<string, LoadedItem>,
  brokenIds: ReadonlySet<string>,
  missing: MissingRef,
  report: (field: (string | number)[], text: LocalizedText) => void,
): LoadedSetlist | null {
  const songs: string[] = [];
  setlist.songs.forEach((id, index) => {
    const target = byId.get(id);
    if (target?.kind === 'song') songs.push(id);
    else if (target) report(['songs', index], problem('refs.notSong', { id, kind: target.kind }));
    else if (!brokenIds.has(id)) report(['songs', index], missing('refs.noSong', id));
  });
  if (songs.length === 0) {
    report(['songs'], problem('refs.noPlayableSong'));
    return null;
  }
  let checked: LoadedSetlist =
    songs.length === setlist.songs.length ? setlist : { ...setlist, songs };
  const interlude = setlist.interlude;
  if (interlude !== undefined && byId.get(interlude)?.kind !== 'playlist') {
    const target = byId.get(interlude);
    if (target) {
      report(['interlude'], problem('refs.notPlaylist', { id: interlude, kind: target.kind }));
    } else if (!brokenIds.has(interlude)) {
      report(['interlude'], missing('refs.noPlaylist', interlude));
    }
    const { interlude: _dropped, ...rest } = checked;
    checked = rest;
  }
  return checked;
}

/**
 * The checks across files: duplicate ids, playlist entries and the pack's references, and files
 * nobody uses. `items` is the per-file item for each source: normally the file's own, but the
 * store passes the last good version for a file that is broken now.
 */
export function assemblePack(
  read: PackRead,
  items: ReadonlyMap<string, LoadedItem>,
  previous: ReadonlyMap<string, LoadedItem> = new Map(),
  videos: ReadonlyMap<string, VideoFacts> = videoFactsOf(read.files.flatMap((f) => f.verified)),
): PackLoadResult & {
  /** The item each file stands for now: what a store keeps as the last good content. */
  bySource: Map<string, LoadedItem>;
} {
  const usedMedia = new Set(read.files.flatMap((f) => f.media));
  // A link an item names is reported once, on the item's field; the others on the link.
  const errors: ContentError[] = [
    ...read.errors.filter((e) => !usedMedia.has(e.file)),
    ...read.packFile.errors,
  ];
  const linesOf = new Map(read.files.map((f) => [f.file, f.lines]));
  const lines = (source: string): LineMap => linesOf.get(source) ?? noLines;
  for (const file of read.files) errors.push(...file.errors);

  const byId = new Map<string, LoadedItem>();
  const bySource = new Map(items);
  // An id belongs to the file that had it before: an edit that gives a second file an id in
  // use must not take the first item off the screens. Among newcomers, the first file wins.
  const owned = (item: LoadedItem) => (previous.get(item.source)?.id === item.id ? 0 : 1);
  const sorted = [...items.values()].sort(
    (a, b) => owned(a) - owned(b) || compareText(a.source, b.source),
  );
  const clashing: LoadedItem[] = [];
  for (const item of sorted) {
    const first = byId.get(item.id);
    if (first) {
      errors.push(
        errorAt(
          item.source,
          lines(item.source),
          ['id'],
          problem('refs.duplicateId', { id: item.id, file: first.source }),
        ),
      );
      clashing.push(item);
      bySource.delete(item.source);
    } else {
      byId.set(item.id, item);
    }
  }
  // A file whose edit clashes is broken like any other: its last good version stays up, if
  // its old id is still its own.
  for (const item of clashing) {
    const before = previous.get(item.source);
    if (before && before.id !== item.id && !byId.has(before.id)) {
      byId.set(before.id, before);
      bySource.set(item.source, before);
    }
  }
  // Ids of files that are broken: a playlist naming one is not the author's mistake to report
  // twice; the broken file already has its error.
  const brokenIds = new Set(
    read.files.filter((f) => f.id !== undefined && !byId.has(f.id)).map((f) => f.id!),
  );

  const missing = missingRefs(read, brokenIds);
  const claimed = new Set([...brokenIds, ...byId.keys()]);
  // A broken file's references, read as written: its own errors are not the only ones.
  const brokenRefs = [
    ...read.files
      .filter((f) => !items.has(f.file))
      .map((f) => ({ file: f.file, lines: f.lines, refs: f.refs ?? [] })),
    ...(read.packFile.pack
      ? []
      : [{ file: PACK_FILE, lines: read.packFile.lines, refs: read.packFile.refs ?? [] }]),
  ];
  for (const { file, lines: fileLines, refs } of brokenRefs) {
    for (const ref of refs) {
      if (claimed.has(ref.id)) continue;
      errors.push(errorAt(file, fileLines, ref.field, missing(ref.reason, ref.id)));
    }
  }

  const result: LoadedItem[] = [];
  for (const item of byId.values()) {
    if (item.kind === 'setlist') {
      const checked = checkSetlist(item, byId, brokenIds, missing, (field, text) =>
        errors.push(errorAt(item.source, lines(item.source), field, text)),
      );
      if (checked) result.push(checked);
      continue;
    }
    if (item.kind !== 'playlist') {
      result.push(item);
      continue;
    }
    const kept: PlaylistEntry[] = [];
    item.items.forEach((entry, index) => {
      const id = entryId(entry);
      const target = byId.get(id);
      if (target && !isShowItem(target)) {
        errors.push(
          errorAt(
            item.source,
            lines(item.source),
            ['items', index],
            target.kind === 'playlist'
              ? problem('refs.nestedPlaylist', { id })
              : problem('refs.setlistInPlaylist', { id, kind: target.kind }),
          ),
        );
      } else if (!target) {
        if (!brokenIds.has(id)) {
          errors.push(
            errorAt(item.source, lines(item.source), ['items', index], missing('refs.noItem', id)),
          );
        }
      } else {
        const video = target.kind === 'video' ? videos.get(target.file) : undefined;
        const wrong = videoEntryProblems(entry, target, item.duration, video);
        for (const { option, text } of wrong) {
          const field = option ? ['items', index, option] : ['items', index];
          errors.push(errorAt(item.source, lines(item.source), field, text));
        }
        // An entry that cannot play as written stays off the screens, like a missing one.
        if (wrong.length === 0) kept.push(entry);
      }
    });
    if (kept.length > 0) {
      // Only entries that exist go to the show, so views never meet a dangling id.
      result.push(kept.length === item.items.length ? item : { ...item, items: kept });
    } else {
      errors.push(
        errorAt(item.source, lines(item.source), ['items'], problem('refs.noShowableItem')),
      );
    }
  }

  const pack = read.packFile.pack;
  if (pack) {
    const packLines = read.packFile.lines;
    if (!pack.languages.includes(pack.defaultLanguage)) {
      errors.push(
        errorAt(
          PACK_FILE,
          packLines,
          ['defaultLanguage'],
          problem('pack.defaultLanguage', {
            language: pack.defaultLanguage,
            languages: pack.languages.join(', '),
          }),
        ),
      );
    }
    if (pack.defaultPlaylist !== undefined && !brokenIds.has(pack.defaultPlaylist)) {
      const target = byId.get(pack.defaultPlaylist);
      if (!target) {
        errors.push(
          errorAt(
            PACK_FILE,
            packLines,
            ['defaultPlaylist'],
            missing('refs.noPlaylist', pack.defaultPlaylist),
          ),
        );
      } else if (target.kind !== 'playlist') {
        errors.push(
          errorAt(
            PACK_FILE,
            packLines,
            ['defaultPlaylist'],
            problem('refs.notPlaylist', { id: target.id, kind: target.kind }),
          ),
        );
      }
    }
    if (pack.safeSlide !== undefined && !brokenIds.has(pack.safeSlide)) {
      const target = byId.get(pack.safeSlide);
      if (!target) {
        errors.push(
          errorAt(PACK_FILE, packLines, ['safeSlide'], missing('refs.noItem', pack.safeSlide)),
        );
      } else if (!isShowItem(target)) {
        errors.push(
          errorAt(
            PACK_FILE,
            packLines,
            ['safeSlide'],
            problem('refs.safeSlideNotSingle', { id: target.id, kind: target.kind }),
          ),
        );
      }
    }
  }

  for (const other of read.others) {
    if (usedMedia.has(other)) continue;
    const ext = path.posix.extname(other).toLowerCase();
    errors.push({
      file: other,
      field: '',
      ...(Object.hasOwn(imageExtensions, ext)
        ? problem('file.unusedImage')
        : ext
          ? problem('file.unsupportedType', { ext })
          : problem('file.unsupportedTypeNoExt')),
    });
  }

  result.sort((a, b) => compareText(a.source, b.source) || compareText(a.id, b.id));
  errors.sort(compareErrors);
  return { pack, items: result, errors, bySource };
}

/** The items each file produced on its own, keyed by file. */
export function ownItems(read: PackRead): Map<string, LoadedItem> {
  const items = new Map<string, LoadedItem>();
  for (const file of read.files) if (file.item) items.set(file.file, file.item);
  return items;
}

import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import {
  missingGlyphProblem,
  missingGlyphs,
  type ContentError,
  type ItemKind,
  type LoadedItem,
} from '../../shared/content';
import { assemblePack, ownItems } from '../content/assemble-pack';
import { slideGlyphCoverage } from '../content/glyphs/coverage';
import { readPack } from '../content/load-pack';
import { PACK_FILE } from '../content/pack-files';
import { hasHiddenSegment, resolveInsidePack } from '../content/paths';
import { refuse, type PackProblem } from './problem';

/** One file that goes into the pack: its pack-relative path and its bytes as read now. */
export interface CollectedFile {
  path: string;
  bytes: Buffer;
  /** The item kind of an item file, `media` for what items use, `pack` for pack.yaml. */
  kind: ItemKind | 'media' | 'pack';
}

export interface CollectedPack {
  files: CollectedFile[];
  items: { id: string; kind: ItemKind; file: string }[];
  /** The loader's problems with the whole folder. */
  errors: ContentError[];
}

/**
 * Why a collection cannot be exported, or null when it can: nothing of it loads, or (unless
 * forced) the loader has problems with it. The same refusal for an event pack and a player.
 */
export function collectionRefusal(
  collected: CollectedPack,
  contentDir: string,
  force: boolean | undefined,
): { ok: false; problem: PackProblem; errors: ContentError[] } | null {
  const empty = collected.files.length === 0;
  if (!empty && (collected.errors.length === 0 || force)) return null;
  return {
    ok: false,
    problem: {
      key: empty ? 'eventPack.notLoadable' : 'eventPack.hasProblems',
      params: { count: collected.errors.length, dir: contentDir },
    },
    errors: collected.errors,
  };
}

function entryIds(item: LoadedItem): string[] {
  if (item.kind === 'playlist') {
    return item.items.map((entry) => (typeof entry === 'string' ? entry : entry.item));
  }
  if (item.kind === 'setlist') {
    return [...item.songs, ...(item.interlude === undefined ? [] : [item.interlude])];
  }
  return [];
}

/** The chosen lists and everything they reach: items, a setlist's songs and interlude. */
function reachable(byId: ReadonlyMap<string, LoadedItem>, roots: readonly string[]): Set<string> {
  const needed = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (needed.has(id)) continue;
    const item = byId.get(id);
    if (!item) continue;
    needed.add(id);
    queue.push(...entryIds(item));
  }
  return needed;
}

/**
 * pack.yaml names a default playlist; in a pack of chosen playlists that one may be missing,
 * and the pack would not load. The first chosen playlist takes its place.
 */
function packFileFor(text: string, playlists: readonly string[], needed: ReadonlySet<string>) {
  const doc = parseDocument(text);
  const current = doc.get('defaultPlaylist');
  if (typeof current !== 'string' || needed.has(current)) return Buffer.from(text);
  if (playlists[0] === undefined) doc.delete('defaultPlaylist');
  else doc.set('defaultPlaylist', playlists[0]);
  return Buffer.from(doc.toString());
}

async function readInside(packDir: string, rel: string): Promise<Buffer> {
  // Never a dotfile, never a link out of the pack: the loader skips them, so does the pack.
  if (hasHiddenSegment(rel)) refuse('eventPack.hiddenFile', { name: rel });
  const resolved = await resolveInsidePack(packDir, rel);
  if (!resolved.ok || !resolved.info.isFile()) refuse('eventPack.outsideFile', { name: rel });
  return readFile((resolved as { path: string }).path);
}

/**
 * What a pack of `playlists` (playlist or setlist ids; every item when empty) needs from
 * `packDir`: pack.yaml, the item files, the safe slide, and the media those items use.
 */
export async function collectPack(
  packDir: string,
  playlists: readonly string[],
  /** Items to leave out with their media (the player's `--safe`: sensitive items). */
  leaveOut: (item: LoadedItem) => boolean = () => false,
): Promise<CollectedPack> {
  const read = await readPack(packDir);
  const assembled = assemblePack(read, ownItems(read));
  const byId = new Map(assembled.items.map((item) => [item.id, item]));
  for (const id of playlists) {
    const kind = byId.get(id)?.kind;
    if (kind !== 'playlist' && kind !== 'setlist') refuse('eventPack.noPlaylist', { id });
  }
  if (!read.readable || assembled.pack === null) {
    return { files: [], items: [], errors: assembled.errors };
  }
  const safeSlide = assembled.pack.safeSlide;
  const needed =
    playlists.length === 0
      ? new Set(byId.keys())
      : reachable(byId, [...playlists, ...(safeSlide === undefined ? [] : [safeSlide])]);

  const files: CollectedFile[] = [];
  const packText = (await readInside(packDir, PACK_FILE)).toString('utf8');
  const chosenPlaylists = playlists.filter((id) => byId.get(id)?.kind === 'playlist');
  files.push({
    path: PACK_FILE,
    kind: 'pack',
    bytes: packFileFor(packText, chosenPlaylists, needed),
  });

  const items: CollectedPack['items'] = [];
  const media = new Set<string>();
  for (const file of read.files) {
    const item = file.item;
    if (!item || !needed.has(item.id) || leaveOut(item)) continue;
    items.push({ id: item.id, kind: item.kind, file: file.file });
    files.push({ path: file.file, kind: item.kind, bytes: await readInside(packDir, file.file) });
    // The versions the loader checked: a missing or broken file is not carried (with --force).
    for (const used of file.verified) media.add(used.file);
  }
  for (const rel of [...media].sort()) {
    files.push({ path: rel, kind: 'media', bytes: await readInside(packDir, rel) });
  }
  // A character the bundled fonts cannot draw refuses the export too (unless --force): the
  // pack goes to a venue where no one can fix the text before the show.
  const undrawable = missingGlyphs(
    assembled.pack,
    assembled.items.filter((item) => needed.has(item.id)),
    slideGlyphCoverage(),
  ).map(missingGlyphProblem);
  return { files, items, errors: [...assembled.errors, ...undrawable] };
}

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pickText, type ContentError, type ContentSnapshot } from '../../../shared/content';
import {
  firstSlidePictures,
  PLAYER_MEDIA_BASE,
  playerMediaHref,
} from '../../../shared/player/folder';
import { loadPack } from '../../content/load-pack';
import { loadSharp } from '../../content/load-sharp';
import { isInside } from '../../content/paths';
import { collectPack, collectionRefusal } from '../../packs/collect';
import { PackRefusal, type PackProblem } from '../../packs/problem';
import {
  contentHash,
  iconSvg,
  PLAYER_ICON_SIZES,
  playerIconFile,
  precacheList,
  SERVICE_WORKER_FILE,
  serviceWorkerSource,
  WEB_MANIFEST_FILE,
  webManifest,
} from './offline-files';
import { playerIndexHtml, playerDataScript, PLAYER_DATA_FILE } from './page';

export interface PlayerExportOptions {
  contentDir: string;
  out: string;
  /** Playlist or setlist ids; empty for the whole pack. */
  playlists: readonly string[];
  /** Export even when the loader finds problems (what does not load is left out). */
  force: boolean;
  /** Leave sensitive items, and the media only they use, out of the folder entirely. */
  safe: boolean;
  /** The built player (`out/player`, made by `npm run build`). */
  playerDir: string;
}

export type PlayerExportResult =
  | {
      ok: true;
      /** Every file written, relative to `out`. */
      files: string[];
      /** Item ids the player carries. */
      items: string[];
      /** Sensitive items left out by `--safe`. */
      leftOut: string[];
      bytes: number;
      errors: ContentError[];
    }
  | { ok: false; problem: PackProblem; errors: ContentError[] };

const isSensitive = (item: object) => 'sensitive' in item && item.sensitive === true;

/** The marker of a folder this command wrote: only such a folder is replaced. */
const isPlayerFolder = async (dir: string) =>
  stat(path.join(dir, PLAYER_DATA_FILE)).then(
    (info) => info.isFile(),
    () => false,
  );

async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await filesUnder(path.join(dir, entry.name), rel)));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

function refusal(key: string, params: Record<string, string | number> = {}): PlayerExportResult {
  return { ok: false, problem: { key, params }, errors: [] };
}

/**
 * `export player`: a folder that plays the show with no server and no network. The built
 * player (the renderer's display, as classic scripts), the chosen playlists' items as a script
 * (file:// pages may not fetch), their media, and the offline files for a static host.
 */
export async function exportPlayer(options: PlayerExportOptions): Promise<PlayerExportResult> {
  const contentDir = path.resolve(options.contentDir);
  const out = path.resolve(options.out);
  const playerDir = path.resolve(options.playerDir);
  if (isInside(contentDir, out) || isInside(out, contentDir)) {
    return refusal('exportPlayer.outInside', { out, dir: contentDir });
  }
  const built = await stat(path.join(playerDir, 'player.js')).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!built) return refusal('exportPlayer.notBuilt', { dir: playerDir });
  const outInfo = await stat(out).catch(() => null);
  if (outInfo && !(outInfo.isDirectory() && (await isPlayerFolder(out)))) {
    const empty = outInfo.isDirectory() && (await readdir(out)).length === 0;
    if (!empty) return refusal('exportPlayer.outTaken', { out });
  }

  try {
    const leaveOut = (item: object) => options.safe && isSensitive(item);
    const collected = await collectPack(contentDir, options.playlists, leaveOut);
    const refused = collectionRefusal(collected, contentDir, options.force);
    if (refused) return refused;
    const loaded = await loadPack(contentDir);
    if (!loaded.pack) {
      return {
        ok: false,
        problem: { key: 'eventPack.notLoadable', params: { dir: contentDir } },
        errors: loaded.errors,
      };
    }
    const carried = new Set(collected.items.map((item) => item.id));
    const items = loaded.items.filter((item) => carried.has(item.id));
    const leftOut = options.safe
      ? loaded.items.filter((item) => isSensitive(item)).map((item) => item.id)
      : [];
    const chosen = options.playlists.filter((id) => carried.has(id));
    const { merchTable: _merchTable, ...display } = loaded.pack.display;
    const pack = {
      ...loaded.pack,
      // Taps move the slides: the merch table's tap-to-browse would take them.
      display,
      defaultPlaylist:
        loaded.pack.defaultPlaylist && carried.has(loaded.pack.defaultPlaylist)
          ? loaded.pack.defaultPlaylist
          : chosen[0],
      safeSlide:
        loaded.pack.safeSlide && carried.has(loaded.pack.safeSlide)
          ? loaded.pack.safeSlide
          : undefined,
    };
    // The audience never sees the loader's problems, nor where the pack came from.
    const snapshot: ContentSnapshot = {
      pack,
      items: items.map((item) => ({ ...item, source: '' })),
      errors: [],
      revision: 1,
    };

    const written: { path: string; bytes: Uint8Array }[] = [];
    for (const file of await filesUnder(playerDir)) {
      written.push({ path: file, bytes: await readFile(path.join(playerDir, file)) });
    }
    for (const file of collected.files) {
      if (file.kind === 'media') {
        written.push({ path: `${PLAYER_MEDIA_BASE}${file.path}`, bytes: file.bytes });
      }
    }
    const name =
      pickText(pack.title, pack.defaultLanguage, pack.defaultLanguage) ?? 'Solidarity Screens';
    const { background, foreground } = pack.theme;
    const text = (value: string) => Buffer.from(value, 'utf8');
    written.push(
      { path: PLAYER_DATA_FILE, bytes: text(playerDataScript(snapshot)) },
      {
        path: 'index.html',
        bytes: text(
          playerIndexHtml({
            title: name,
            language: pack.defaultLanguage,
            background,
            pictures: firstSlidePictures(snapshot, Date.now()).map(playerMediaHref),
          }),
        ),
      },
      {
        path: WEB_MANIFEST_FILE,
        bytes: text(webManifest({ name, background, foreground, language: pack.defaultLanguage })),
      },
    );
    const icon = iconSvg(background, foreground, [...name][0] ?? '');
    written.push({ path: 'icon.svg', bytes: text(icon) });
    const { default: sharp } = await loadSharp();
    for (const size of PLAYER_ICON_SIZES) {
      const png = await sharp(text(icon)).resize(size, size).png().toBuffer();
      written.push({ path: playerIconFile(size), bytes: png });
    }
    const list = precacheList(written.map((file) => file.path));
    written.push({
      path: SERVICE_WORKER_FILE,
      bytes: text(serviceWorkerSource(list, contentHash(written))),
    });

    // Written beside the target, then swapped in: a half-written folder never has the name.
    const partial = `${out}.${randomBytes(4).toString('hex')}.partial`;
    try {
      for (const file of written) {
        const target = path.join(partial, ...file.path.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, file.bytes, { flag: 'wx' });
      }
      if (outInfo) await rm(out, { recursive: true, force: true });
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      throw error;
    }
    return {
      ok: true,
      files: written.map((file) => file.path).sort(),
      items: items.map((item) => item.id),
      leftOut,
      bytes: written.reduce((sum, file) => sum + file.bytes.length, 0),
      errors: collected.errors,
    };
  } catch (error) {
    if (error instanceof PackRefusal) return { ok: false, problem: error.problem, errors: [] };
    const detail = error instanceof Error ? error.message : String(error);
    return refusal('exportPlayer.failed', { detail });
  }
}

import type { ContentError, ItemKind, ItemMedia, LoadedItem } from '../../shared/content';
import type { VideoFacts } from '../../shared/content/video-facts';
import type { LocalizedText } from '../../shared/protocol/localized-text';
import { isRecord } from './is-record';
import { checkImage } from './media';
import { normalisedMedia, notFoundHint } from './media-hints';
import { resolveInsidePack } from './paths';
import type { VerifiedMedia } from './types';
import { checkSubtitles, checkVideo } from './video';
import { fileVersionTag } from './version-tag';

/** The pack folder as given, and its real path, resolved once per load. */
export interface PackPaths {
  dir: string;
  real: string;
  /** The pack's files that are not items (`media/…` and others), to suggest for a wrong path. */
  files?: readonly string[];
}

type MediaRole = NonNullable<ItemMedia['role']>;
type MediaCheck =
  | { ok: true; video?: VideoFacts }
  | { ok: false; error: LocalizedText }
  | { ok: false; fileErrors: ContentError[] };

const mediaChecks = new Map<string, MediaCheck>();
const MAX_CACHED_MEDIA_CHECKS = 10_000;

async function checkByRole(
  role: MediaRole,
  file: string,
  shown: string,
  size: number,
): Promise<MediaCheck> {
  if (role === 'video') {
    const video = await checkVideo(file, shown);
    return video.ok ? { ok: true, video: video.facts } : video;
  }
  if (role === 'subtitles') return checkSubtitles(file, shown, size);
  return checkImage(file, shown);
}

/**
 * Checks a media field: inside the pack, present, and really the image, video or subtitles
 * its name says. Gives the version it checked, which is the only one the server will send.
 */
export async function checkMedia(
  pack: PackPaths,
  relPath: string,
  role: MediaRole = 'image',
): Promise<{ error: LocalizedText } | { fileErrors: ContentError[] } | { media: VerifiedMedia }> {
  const resolved = await resolveInsidePack(pack.dir, relPath, pack.real);
  if (!resolved.ok) {
    return {
      error:
        resolved.error.key === 'problems:media.notFound'
          ? notFoundHint(relPath, resolved.error, pack.files ?? [])
          : resolved.error,
    };
  }
  const shown = normalisedMedia(relPath) ?? relPath;
  // The watcher reloads the whole pack on every save; only media that changed are read again.
  const info = resolved.info;
  const key = `${role}\0${resolved.path}\0${shown}\0${info.size}\0${info.mtimeMs}\0${info.ino}`;
  let checked = mediaChecks.get(key);
  if (!checked) {
    checked = await checkByRole(role, resolved.path, shown, info.size);
    if (mediaChecks.size >= MAX_CACHED_MEDIA_CHECKS) mediaChecks.clear();
    mediaChecks.set(key, checked);
  }
  if (!checked.ok)
    return 'error' in checked ? { error: checked.error } : { fileErrors: checked.fileErrors };
  const media: VerifiedMedia = {
    file: shown,
    path: resolved.path,
    info,
    tag: fileVersionTag(info),
  };
  if (checked.video) media.video = checked.video;
  return { media };
}

/** The media paths an item names, read from its fields as written (`itemMedia` needs a valid item). */
export function rawMedia(
  kind: ItemKind,
  fields: Record<string, unknown>,
): { field: string[]; file: string; role: MediaRole }[] {
  const photo = fields.photo;
  const named = (value: unknown): value is string => typeof value === 'string' && value !== '';
  if (kind === 'case' && isRecord(photo) && named(photo.file)) {
    return [{ field: ['photo', 'file'], file: photo.file, role: 'image' }];
  }
  if (kind === 'drawing' && named(fields.image)) {
    return [{ field: ['image'], file: fields.image, role: 'image' }];
  }
  if (kind === 'video') {
    const found: { field: string[]; file: string; role: MediaRole }[] = [];
    if (named(fields.file)) found.push({ field: ['file'], file: fields.file, role: 'video' });
    if (named(fields.poster)) found.push({ field: ['poster'], file: fields.poster, role: 'image' });
    if (isRecord(fields.subtitles)) {
      for (const [language, file] of Object.entries(fields.subtitles)) {
        if (named(file)) found.push({ field: ['subtitles', language], file, role: 'subtitles' });
      }
    }
    return found;
  }
  return [];
}

/** The video's paths in one spelling (`media/x.mp4`), like the other kinds' media. */
export function normalisedVideo(item: LoadedItem & { kind: 'video' }): LoadedItem {
  const spelled = (file: string): string => normalisedMedia(file) ?? file;
  const video = { ...item, file: spelled(item.file) };
  if (item.poster) video.poster = spelled(item.poster);
  if (item.subtitles) {
    video.subtitles = Object.fromEntries(
      Object.entries(item.subtitles).map(([language, file]) => [language, spelled(file)]),
    );
  }
  return video;
}

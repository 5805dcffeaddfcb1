import path from 'node:path';
import {
  displayFieldPath,
  itemKinds,
  itemMedia,
  type ItemMedia,
  itemSchemas,
  type ContentError,
  type ItemKind,
  type LoadedItem,
} from '../../shared/content';
import { latinSlug } from '../../shared/content/latin-slug';
import { API_ITEM_ID_MAX } from '../../shared/protocol/content-api';
import { futureDateErrors, withCustodyPeriods } from './case-checks';
import { closest } from './did-you-mean';
import { rawItemRefs } from './item-refs';
import { problem, type LocalizedText } from '../../shared/protocol/localized-text';
import { issuesToErrors, printable, valueParams } from './issues';
import { checkImage } from './media';
import { checkSubtitles, checkVideo } from './video';
import type { VideoFacts } from '../../shared/content/video-facts';
import { messageOf, readTextFile } from './pack-files';
import { resolveInsidePack } from './paths';
import { normalisedMedia, notFoundHint } from './media-hints';
import { noLines, parseMarkdown, parseYaml, type LineMap, type ParsedSource } from './source';
import type { FileResult, VerifiedMedia } from './types';
import { fileVersionTag } from './version-tag';

const kindOptions = itemKinds.join(', ');

/** The pack folder as given, and its real path, resolved once per load. */
export interface PackPaths {
  dir: string;
  real: string;
  /** The pack's files that are not items (`media/…` and others), to suggest for a wrong path. */
  files?: readonly string[];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function errorAt(
  file: string,
  lines: LineMap,
  path: readonly PropertyKey[],
  text: LocalizedText,
): ContentError {
  const error: ContentError = { file, field: displayFieldPath(path), ...text };
  const line = lines.lineOf(path);
  if (line !== undefined) error.line = line;
  return error;
}

function suggestedId(stem: string): string {
  return latinSlug(stem, API_ITEM_ID_MAX, 'my-item');
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
async function checkMedia(
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
function rawMedia(
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

/** The checks of one item file that need nothing but the file (and its media). */
async function interpretItem(
  pack: PackPaths,
  file: string,
  parsed: ParsedSource,
  result: FileResult,
): Promise<void> {
  const data = parsed.data;
  if (data === null || data === undefined) {
    result.errors.push({
      file,
      field: '',
      ...problem('file.empty'),
    });
    return;
  }
  if (!isRecord(data)) {
    result.errors.push({
      file,
      line: parsed.lines.lineOf([]) ?? 1,
      field: '',
      ...problem('file.notFields', valueParams(data)),
    });
    return;
  }

  const fields: Record<string, unknown> = { ...data };
  const stem = path.posix.basename(file, path.posix.extname(file));
  result.id = typeof fields.id === 'string' ? fields.id : stem;
  const photo = fields.photo;
  const subtitles = isRecord(fields.subtitles) ? Object.values(fields.subtitles) : [];
  const named = [
    isRecord(photo) ? photo.file : undefined,
    fields.image,
    fields.file,
    fields.poster,
  ];
  for (const ref of [...named, ...subtitles]) {
    const media = normalisedMedia(ref);
    if (media) result.media.push(media);
  }

  const kind = fields.kind;
  if (kind === undefined || kind === null) {
    result.errors.push(
      errorAt(file, parsed.lines, ['kind'], problem('file.kindMissing', { options: kindOptions })),
    );
    return;
  }
  if (typeof kind !== 'string' || !Object.hasOwn(itemSchemas, kind)) {
    const suggestion = typeof kind === 'string' ? closest(kind, itemKinds) : undefined;
    result.errors.push(
      errorAt(
        file,
        parsed.lines,
        ['kind'],
        suggestion
          ? problem('file.kindUnknownSuggest', {
              ...valueParams(kind),
              suggestion,
              options: kindOptions,
            })
          : problem('file.kindUnknown', { ...valueParams(kind), options: kindOptions }),
      ),
    );
    return;
  }
  const itemKind = kind as ItemKind;

  let lines = parsed.lines;
  const body = parsed.body;
  if (body && body.text !== '') {
    const bodyField = itemKind === 'case' ? 'body' : itemKind === 'statement' ? 'text' : undefined;
    if (!bodyField) {
      result.errors.push({
        file,
        line: body.line,
        field: '',
        ...problem('file.bodyNotAllowed', { kind: itemKind }),
      });
    } else if (bodyField in fields) {
      result.errors.push({
        file,
        line: body.line,
        field: bodyField,
        ...problem('file.bodyTwice'),
      });
    } else {
      fields[bodyField] = body.text;
      const frontMatter = parsed.lines;
      lines = {
        lineOf: (p) => (p[0] === bodyField ? body.line : frontMatter.lineOf(p)),
      };
    }
  }

  const idFromName = !('id' in fields);
  if (idFromName) fields.id = stem;

  const schema = itemSchemas[itemKind];
  const parsedItem = schema.safeParse(fields, { reportInput: true });
  if (!parsedItem.success) {
    result.errors.push(
      ...issuesToErrors(parsedItem.error.issues, {
        file,
        lines,
        schema,
        kind: itemKind,
        override: (field) =>
          field === 'id' && idFromName
            ? problem('file.idFromName', { stem: printable(stem), suggestion: suggestedId(stem) })
            : undefined,
      }),
    );
  }
  if (result.errors.length > 0 || !parsedItem.success) {
    result.refs = rawItemRefs(itemKind, fields);
    // A wrong image path is reported with the file's other problems, not after they are fixed.
    const failed = new Set(result.errors.map((e) => e.field));
    for (const media of rawMedia(itemKind, fields)) {
      if (failed.has(displayFieldPath(media.field))) continue;
      const checked = await checkMedia(pack, media.file, media.role);
      if ('error' in checked) result.errors.push(errorAt(file, lines, media.field, checked.error));
      if ('fileErrors' in checked) result.errors.push(...checked.fileErrors);
    }
    return;
  }

  let item = { ...parsedItem.data, source: file } as LoadedItem;
  if (item.kind === 'case') {
    const future = futureDateErrors(file, lines, item, Date.now());
    if (future.length > 0) {
      result.errors.push(...future);
      return;
    }
    item = { ...withCustodyPeriods(item), source: file };
  }
  // Views build media URLs from these paths: give them one spelling (`media/x.png`), whatever
  // separators the author typed.
  if (item.kind === 'case' && item.photo) {
    item.photo = { ...item.photo, file: normalisedMedia(item.photo.file) ?? item.photo.file };
  }
  if (item.kind === 'drawing') item.image = normalisedMedia(item.image) ?? item.image;
  if (item.kind === 'video') item = normalisedVideo(item);
  for (const media of itemMedia(item)) {
    const checked = await checkMedia(pack, media.file, media.role);
    if ('error' in checked)
      result.errors.push(errorAt(file, lines, [...media.field], checked.error));
    else if ('fileErrors' in checked) result.errors.push(...checked.fileErrors);
    else result.verified.push(checked.media);
  }
  if (result.errors.length === 0) result.item = item;
}

async function interpretText(
  pack: PackPaths,
  file: string,
  text: string,
  result: FileResult,
): Promise<void> {
  const parsed =
    path.extname(file).toLowerCase() === '.md' ? parseMarkdown(text, file) : parseYaml(text, file);
  result.lines = parsed.lines;
  if (parsed.errors.length > 0) {
    result.errors.push(...parsed.errors);
    return;
  }
  await interpretItem(pack, file, parsed, result);
}

function normalisedVideo(item: LoadedItem & { kind: 'video' }): LoadedItem {
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

function emptyResult(file: string): FileResult {
  // Until the file says otherwise, it claims the id of its name.
  const id = path.posix.basename(file, path.posix.extname(file));
  return { file, id, errors: [], lines: noLines, media: [], verified: [] };
}

/**
 * What the loader would make of `text` if it were the content of `file`: the editor checks a
 * candidate with the loader's own checks before anything is written.
 */
export async function interpretItemText(
  pack: PackPaths,
  file: string,
  text: string,
): Promise<FileResult> {
  const result = emptyResult(file);
  try {
    await interpretText(pack, file, text, result);
  } catch (error) {
    return notLoaded(result, error);
  }
  return result;
}

/** An unexpected exception while reading a file: the file is reported, never the whole pack. */
function notLoaded(result: FileResult, error: unknown): FileResult {
  delete result.item;
  result.errors.push({
    file: result.file,
    field: '',
    ...problem('file.notLoaded', { detail: messageOf(error) }),
  });
  return result;
}

/**
 * `file` comes from the walk, which has already refused links leading out of the pack, so it is
 * read without resolving it again.
 */
export async function loadItemFile(pack: PackPaths, file: string): Promise<FileResult> {
  let read: ReturnType<typeof readTextFile>;
  try {
    read = readTextFile(path.join(pack.dir, file));
  } catch (error) {
    return notLoaded(emptyResult(file), error);
  }
  if ('error' in read) {
    const result = emptyResult(file);
    result.errors.push({ file, field: '', ...read.error });
    return result;
  }
  return interpretItemText(pack, file, read.text);
}

import path from 'node:path';
import {
  displayFieldPath,
  itemKinds,
  itemMedia,
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
import { messageOf, readTextFile } from './pack-files';
import { normalisedMedia } from './media-hints';
import { isRecord } from './is-record';
import { checkMedia, normalisedVideo, rawMedia, type PackPaths } from './item-media-checks';
import { noLines, parseMarkdown, parseYaml, type LineMap, type ParsedSource } from './source';
import type { FileResult } from './types';

export { isRecord } from './is-record';
export type { PackPaths } from './item-media-checks';

const kindOptions = itemKinds.join(', ');

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

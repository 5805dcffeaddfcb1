import { closeSync, fstatSync, openSync, readFileSync, readSync, type Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  isShowItem,
  itemKinds,
  itemSchemas,
  packSchema,
  type ContentError,
  type ItemKind,
  type LoadedItem,
  type Pack,
  type PlaylistEntry,
  type SetlistItem,
} from '../../shared/content';
import { describeValue, humanErrorMap, issuesToErrors } from './issues';
import { checkImage, imageExtensions, type ImageCheck } from './media';
import { hasHiddenSegment, isInside, resolveInsidePack, splitPackPath } from './paths';
import { noLines, parseMarkdown, parseYaml, type LineMap, type ParsedSource } from './source';
import type { PackLoadResult, VerifiedMedia } from './types';
import { fileVersionTag } from './version-tag';

export const PACK_FILE = 'pack.yaml';
/** Not read, but not an item either: it gets a hint to rename it. */
const MISNAMED_PACK_FILE = 'pack.yml';
/** Everything under this top-level folder is media; the walk never reads it as items. */
export const MEDIA_DIR = 'media';
const ITEM_EXTENSIONS = new Set(['.yaml', '.yml', '.md']);
const PARALLEL_FILES = 16;
/**
 * Item files and pack.yaml are short text; a bigger one is a mistake (or an attack) and is
 * refused before it is read, so it cannot fill the memory.
 */
export const MAX_TEXT_FILE_BYTES = 2 * 1024 * 1024;

/** Content files are a few kilobytes: one read of this size gets nearly all of them whole. */
const FIRST_READ_BYTES = 32 * 1024;

/**
 * Item files are read synchronously, this many at a time between turns of the event loop: a
 * thousand small files read this way take a tenth of the time the promise API needs, and a
 * reload during a show never holds the loop for more than a few milliseconds.
 */
const FILES_PER_TURN = 24;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

function tooLarge(size: number): { error: string } {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return {
    error: `is too large (${mb} MB); content files are short text, at most ${MAX_TEXT_FILE_BYTES / (1024 * 1024)} MB`,
  };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The bytes as text, or why they are not: an image or a program saved as .yaml would
 * otherwise reach the parser, and its error message would print bytes of garbage.
 */
function decodeText(bytes: Uint8Array): { text: string } | { error: string } {
  if (bytes.includes(0)) {
    return {
      error:
        'is not a text file (it contains binary data, like an image or a program); item files are YAML or Markdown text',
    };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    return { error: 'is not UTF-8 text; save it as UTF-8 in your editor' };
  }
}

/** The text of a content file, or the reason it is not read. */
function readTextFile(abs: string): { text: string } | { error: string } {
  const fd = openSync(abs, 'r');
  try {
    // A short file costs one read; only a longer one pays for a stat before it is read whole.
    const first = Buffer.allocUnsafe(FIRST_READ_BYTES);
    const bytesRead = readSync(fd, first, 0, FIRST_READ_BYTES, 0);
    if (bytesRead < FIRST_READ_BYTES) return decodeText(first.subarray(0, bytesRead));
    const { size } = fstatSync(fd);
    if (size > MAX_TEXT_FILE_BYTES) return tooLarge(size);
    return decodeText(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

/** One item file after its own checks, before the checks that need the other files. */
export interface FileResult {
  /** Relative to the pack, `/`-separated. */
  file: string;
  item?: LoadedItem;
  /** The id the file claims, even when broken, so a playlist naming it is not reported too. */
  id?: string;
  errors: ContentError[];
  lines: LineMap;
  /** Media paths the file names, valid or not, normalised like `media/boris.jpg`. */
  media: string[];
  /** The media of `item`, as they were when checked: the versions the screens may be sent. */
  verified: VerifiedMedia[];
}

export interface PackFileResult {
  pack: Pack | null;
  errors: ContentError[];
  lines: LineMap;
}

/** A pack folder read file by file: the input of `assemblePack`. */
export interface PackRead {
  packFile: PackFileResult;
  files: FileResult[];
  /** Files that are neither item files nor under media/: fine only when an item uses them. */
  others: string[];
  /** Problems of the folder itself (unreadable folders, links leading out). */
  errors: ContentError[];
  /** False when the pack folder itself is missing or unreadable (unplugged stick, checkout). */
  readable: boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareErrors(a: ContentError, b: ContentError): number {
  return (
    compareText(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.field, b.field) ||
    compareText(a.message, b.message)
  );
}

function withArticle(kind: string): string {
  return `${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorAt(
  file: string,
  lines: LineMap,
  path: readonly PropertyKey[],
  message: string,
): ContentError {
  const error: ContentError = { file, field: path.map(String).join('.'), message };
  const line = lines.lineOf(path);
  if (line !== undefined) error.line = line;
  return error;
}

/** Never content: editor leftovers, OS litter, and the docs people keep beside a pack. */
function isIgnoredName(name: string, isFile: boolean): boolean {
  if (name.startsWith('.') || name === 'node_modules') return true;
  if (!isFile) return false;
  return (
    name.endsWith('~') ||
    /^(thumbs\.db|desktop\.ini)$/i.test(name) ||
    /^(readme|licen[cs]e|copying)(\.(md|txt))?$/i.test(name)
  );
}

/**
 * Where a link found in the walk leads: kept when it stays inside the pack and reaches no
 * hidden file, else the reason it is skipped (reported once per load, naming the link).
 */
async function followLink(
  realRoot: string,
  childAbs: string,
): Promise<{ isDir: boolean; isFile: boolean; refused?: string }> {
  let real: string;
  let isDir: boolean;
  let isFile: boolean;
  try {
    real = await realpath(childAbs);
    const info = await stat(real);
    isDir = info.isDirectory();
    isFile = info.isFile();
  } catch (error) {
    const loops = (error as NodeJS.ErrnoException).code === 'ELOOP';
    return {
      isDir: false,
      isFile: true,
      refused: loops ? 'is a link that loops; it was skipped' : 'is a broken link; it was skipped',
    };
  }
  const what = isDir ? 'folder' : 'file';
  if (!isInside(realRoot, real)) {
    return {
      isDir,
      isFile,
      refused: `is a link to a ${what} outside the pack folder; it was skipped`,
    };
  }
  if (hasHiddenSegment(path.relative(realRoot, real))) {
    return { isDir, isFile, refused: `is a link to a hidden ${what}; it was skipped` };
  }
  return { isDir, isFile };
}

async function walk(
  packDir: string,
  realRoot: string,
): Promise<{ items: string[]; others: string[]; errors: ContentError[] }> {
  const items: string[] = [];
  const others: string[] = [];
  const errors: ContentError[] = [];
  const visited = new Set<string>();

  /**
   * `underMedia`: below media/ nothing is an item, but its links are still looked at: the
   * server sends what a media path leads to, and `validate` must name a link that leaves.
   */
  const visitDir = async (abs: string, rel: string, underMedia: boolean): Promise<void> => {
    let entries: Dirent[];
    try {
      const real = await realpath(abs);
      // A link to a parent folder would otherwise walk forever.
      if (visited.has(real)) return;
      visited.add(real);
      entries = await readdir(abs, { withFileTypes: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? messageOf(error);
      errors.push({ file: rel || '.', field: '', message: `the folder cannot be read (${code})` });
      return;
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const childAbs = path.join(abs, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const link = await followLink(realRoot, childAbs);
        ({ isDir, isFile } = link);
        if (link.refused) {
          if (!isIgnoredName(entry.name, isFile)) {
            errors.push({ file: childRel, field: '', message: link.refused });
          }
          continue;
        }
      }
      if (isIgnoredName(entry.name, isFile)) continue;
      if (isDir) {
        await visitDir(childAbs, childRel, underMedia || childRel === MEDIA_DIR);
      } else if (
        isFile &&
        !underMedia &&
        childRel !== PACK_FILE &&
        childRel !== MISNAMED_PACK_FILE
      ) {
        const ext = path.extname(entry.name).toLowerCase();
        (ITEM_EXTENSIONS.has(ext) ? items : others).push(childRel);
      }
    }
  };

  await visitDir(packDir, '', false);
  return { items, others, errors };
}

/** The pack folder as given, and its real path, resolved once per load. */
interface PackPaths {
  dir: string;
  real: string;
}

async function mapLimited<T, R>(
  values: readonly T[],
  limit: number,
  fn: (value: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(values.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < values.length) {
      const index = next++;
      results[index] = await fn(values[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, values.length) }, worker));
  return results;
}

function suggestedId(stem: string): string {
  const slug = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'my-item';
}

function normalisedMedia(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const split = splitPackPath(value);
  return split.ok ? split.segments.join('/') : undefined;
}

const imageChecks = new Map<string, ImageCheck>();
const MAX_CACHED_IMAGE_CHECKS = 10_000;

/**
 * Checks a media field: inside the pack, present, and really the image its name says. Gives
 * the version it checked, which is the only one the server will send.
 */
async function checkMedia(
  pack: PackPaths,
  relPath: string,
): Promise<{ error: string } | { media: VerifiedMedia }> {
  const resolved = await resolveInsidePack(pack.dir, relPath, pack.real);
  if (!resolved.ok) return { error: resolved.error };
  const shown = normalisedMedia(relPath) ?? relPath;
  // The watcher reloads the whole pack on every save; only images that changed are read again.
  const info = resolved.info;
  const key = `${resolved.path}\0${shown}\0${info.size}\0${info.mtimeMs}\0${info.ino}`;
  let image = imageChecks.get(key);
  if (!image) {
    image = await checkImage(resolved.path, shown);
    if (imageChecks.size >= MAX_CACHED_IMAGE_CHECKS) imageChecks.clear();
    imageChecks.set(key, image);
  }
  if (!image.ok) return { error: image.error };
  return { media: { file: shown, path: resolved.path, info, tag: fileVersionTag(info) } };
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
      message: 'the file is empty; an item needs at least "kind:" and its fields',
    });
    return;
  }
  if (!isRecord(data)) {
    result.errors.push({
      file,
      line: parsed.lines.lineOf([]) ?? 1,
      field: '',
      message: `expected fields like "kind: case" at the top level, got ${describeValue(data)}`,
    });
    return;
  }

  const fields: Record<string, unknown> = { ...data };
  const stem = path.posix.basename(file, path.posix.extname(file));
  result.id = typeof fields.id === 'string' ? fields.id : stem;
  const photo = fields.photo;
  for (const ref of [isRecord(photo) ? photo.file : undefined, fields.image]) {
    const media = normalisedMedia(ref);
    if (media) result.media.push(media);
  }

  const kind = fields.kind;
  if (kind === undefined || kind === null) {
    result.errors.push(
      errorAt(file, parsed.lines, ['kind'], `missing; expected one of ${itemKinds.join(', ')}`),
    );
    return;
  }
  if (typeof kind !== 'string' || !Object.hasOwn(itemSchemas, kind)) {
    result.errors.push(
      errorAt(
        file,
        parsed.lines,
        ['kind'],
        `unknown kind ${describeValue(kind)}; expected one of ${itemKinds.join(', ')}`,
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
        message: `${withArticle(itemKind)} has no text below the front matter; move the text into a field above the closing --- line`,
      });
    } else if (bodyField in fields) {
      result.errors.push({
        file,
        line: body.line,
        field: bodyField,
        message: `is written both in the front matter and below it; keep one`,
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
  const parsedItem = schema.safeParse(fields, { reportInput: true, error: humanErrorMap });
  if (!parsedItem.success) {
    result.errors.push(
      ...issuesToErrors(parsedItem.error.issues, {
        file,
        lines,
        schema,
        override: (field) =>
          field === 'id' && idFromName
            ? `the file name "${stem}" cannot be used as an id (only lower-case letters, digits and dashes); add a line like "id: ${suggestedId(stem)}"`
            : undefined,
      }),
    );
  }
  if (result.errors.length > 0 || !parsedItem.success) return;

  const item = { ...parsedItem.data, source: file } as LoadedItem;
  // Views build media URLs from these paths: give them one spelling (`media/x.png`), whatever
  // separators the author typed.
  if (item.kind === 'case' && item.photo) {
    item.photo = { ...item.photo, file: normalisedMedia(item.photo.file) ?? item.photo.file };
  }
  if (item.kind === 'drawing') item.image = normalisedMedia(item.image) ?? item.image;
  const mediaFields: [string[], string][] = [];
  if (item.kind === 'case' && item.photo) mediaFields.push([['photo', 'file'], item.photo.file]);
  if (item.kind === 'drawing') mediaFields.push([['image'], item.image]);
  for (const [fieldPath, relPath] of mediaFields) {
    const checked = await checkMedia(pack, relPath);
    if ('error' in checked) result.errors.push(errorAt(file, lines, fieldPath, checked.error));
    else result.verified.push(checked.media);
  }
  if (result.errors.length === 0) result.item = item;
}

/**
 * `file` comes from the walk, which has already refused links leading out of the pack, so it is
 * read without resolving it again.
 */
async function loadItemFile(pack: PackPaths, file: string): Promise<FileResult> {
  // Until the file says otherwise, it claims the id of its name.
  const id = path.posix.basename(file, path.posix.extname(file));
  const result: FileResult = { file, id, errors: [], lines: noLines, media: [], verified: [] };
  try {
    const read = readTextFile(path.join(pack.dir, file));
    if ('error' in read) {
      result.errors.push({ file, field: '', message: read.error });
      return result;
    }
    const text = read.text;
    const parsed =
      path.extname(file).toLowerCase() === '.md'
        ? parseMarkdown(text, file)
        : parseYaml(text, file);
    result.lines = parsed.lines;
    if (parsed.errors.length > 0) {
      result.errors.push(...parsed.errors);
      return result;
    }
    await interpretItem(pack, file, parsed, result);
  } catch (error) {
    delete result.item;
    result.errors.push({ file, field: '', message: `could not be loaded: ${messageOf(error)}` });
  }
  return result;
}

async function loadPackFile(packDir: string): Promise<PackFileResult> {
  const file = PACK_FILE;
  try {
    try {
      await stat(path.join(packDir, file));
    } catch {
      const misnamed = await stat(path.join(packDir, MISNAMED_PACK_FILE)).then(
        () => true,
        () => false,
      );
      return {
        pack: null,
        lines: noLines,
        errors: [
          {
            file,
            field: '',
            message: misnamed
              ? 'missing; rename pack.yml to pack.yaml'
              : 'missing; every pack needs a pack.yaml with its title and languages',
          },
        ],
      };
    }
    const resolved = await resolveInsidePack(packDir, file);
    if (!resolved.ok) {
      return { pack: null, lines: noLines, errors: [{ file, field: '', message: resolved.error }] };
    }
    const read = readTextFile(resolved.path);
    if ('error' in read) {
      return { pack: null, lines: noLines, errors: [{ file, field: '', message: read.error }] };
    }
    const parsed = parseYaml(read.text, file);
    if (parsed.errors.length > 0) return { pack: null, lines: parsed.lines, errors: parsed.errors };
    if (!isRecord(parsed.data)) {
      return {
        pack: null,
        lines: parsed.lines,
        errors: [
          {
            file,
            field: '',
            message:
              parsed.data === null || parsed.data === undefined
                ? 'the file is empty; it needs at least title, languages and defaultLanguage'
                : `expected fields like "title: …" at the top level, got ${describeValue(parsed.data)}`,
          },
        ],
      };
    }
    const result = packSchema.safeParse(parsed.data, { reportInput: true, error: humanErrorMap });
    if (!result.success) {
      return {
        pack: null,
        lines: parsed.lines,
        errors: issuesToErrors(result.error.issues, {
          file,
          lines: parsed.lines,
          schema: packSchema,
        }),
      };
    }
    return { pack: result.data, lines: parsed.lines, errors: [] };
  } catch (error) {
    return {
      pack: null,
      lines: noLines,
      errors: [{ file, field: '', message: `could not be loaded: ${messageOf(error)}` }],
    };
  }
}

/** Reads every file of the pack and runs the checks that need only that file. */
export async function readPack(packDir: string): Promise<PackRead> {
  try {
    const info = await stat(packDir).catch(() => undefined);
    if (!info?.isDirectory()) {
      return {
        packFile: { pack: null, lines: noLines, errors: [] },
        files: [],
        others: [],
        errors: [{ file: '.', field: '', message: `the pack folder ${packDir} does not exist` }],
        readable: false,
      };
    }
    const pack: PackPaths = { dir: packDir, real: await realpath(packDir) };
    const [packFile, walked] = await Promise.all([loadPackFile(packDir), walk(packDir, pack.real)]);
    let started = 0;
    const files = await mapLimited(walked.items, PARALLEL_FILES, async (file) => {
      if (++started % FILES_PER_TURN === 0) await nextTurn();
      return loadItemFile(pack, file);
    });
    return {
      packFile,
      files,
      others: walked.others,
      errors: walked.errors,
      readable: !walked.errors.some((e) => e.file === '.'),
    };
  } catch (error) {
    return {
      packFile: { pack: null, lines: noLines, errors: [] },
      files: [],
      others: [],
      errors: [
        { file: '.', field: '', message: `the pack could not be read: ${messageOf(error)}` },
      ],
      readable: false,
    };
  }
}

function entryId(entry: PlaylistEntry): string {
  return typeof entry === 'string' ? entry : entry.item;
}

type LoadedSetlist = Extract<LoadedItem, SetlistItem>;

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
  report: (field: (string | number)[], message: string) => void,
): LoadedSetlist | null {
  const songs: string[] = [];
  setlist.songs.forEach((id, index) => {
    const target = byId.get(id);
    if (target?.kind === 'song') songs.push(id);
    else if (target) report(['songs', index], `"${id}" is ${withArticle(target.kind)}, not a song`);
    else if (!brokenIds.has(id)) report(['songs', index], `no song with id "${id}"`);
  });
  if (songs.length === 0) {
    report(['songs'], 'none of the listed songs can be played, so the setlist is left out');
    return null;
  }
  let checked: LoadedSetlist =
    songs.length === setlist.songs.length ? setlist : { ...setlist, songs };
  const interlude = setlist.interlude;
  if (interlude !== undefined && byId.get(interlude)?.kind !== 'playlist') {
    const target = byId.get(interlude);
    if (target)
      report(['interlude'], `"${interlude}" is ${withArticle(target.kind)}, not a playlist`);
    else if (!brokenIds.has(interlude)) report(['interlude'], `no playlist with id "${interlude}"`);
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
          `duplicate id "${item.id}"; already used by ${first.source}`,
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

  const result: LoadedItem[] = [];
  for (const item of byId.values()) {
    if (item.kind === 'setlist') {
      const checked = checkSetlist(item, byId, brokenIds, (field, message) =>
        errors.push(errorAt(item.source, lines(item.source), field, message)),
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
              ? `"${id}" is a playlist; a playlist can only list slides, not other playlists`
              : `"${id}" is ${withArticle(target.kind)}; a playlist can only list slides, not setlists`,
          ),
        );
      } else if (!target) {
        if (!brokenIds.has(id)) {
          errors.push(
            errorAt(item.source, lines(item.source), ['items', index], `no item with id "${id}"`),
          );
        }
      } else {
        kept.push(entry);
      }
    });
    if (kept.length > 0) {
      // Only entries that exist go to the show, so views never meet a dangling id.
      result.push(kept.length === item.items.length ? item : { ...item, items: kept });
    } else {
      errors.push(
        errorAt(
          item.source,
          lines(item.source),
          ['items'],
          'none of the listed items can be shown, so the playlist is left out',
        ),
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
          `"${pack.defaultLanguage}" is not one of the pack's languages (${pack.languages.join(', ')})`,
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
            `no playlist with id "${pack.defaultPlaylist}"`,
          ),
        );
      } else if (target.kind !== 'playlist') {
        errors.push(
          errorAt(
            PACK_FILE,
            packLines,
            ['defaultPlaylist'],
            `"${target.id}" is ${withArticle(target.kind)}, not a playlist`,
          ),
        );
      }
    }
    if (pack.safeSlide !== undefined && !brokenIds.has(pack.safeSlide)) {
      const target = byId.get(pack.safeSlide);
      if (!target) {
        errors.push(
          errorAt(PACK_FILE, packLines, ['safeSlide'], `no item with id "${pack.safeSlide}"`),
        );
      } else if (!isShowItem(target)) {
        errors.push(
          errorAt(
            PACK_FILE,
            packLines,
            ['safeSlide'],
            `"${target.id}" is ${withArticle(target.kind)}; the safe slide must be a single slide`,
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
      message: Object.hasOwn(imageExtensions, ext)
        ? 'is not used by any item; put images in media/ (item files are .yaml, .yml or .md)'
        : `unsupported file type ${ext || '(no extension)'}; item files are .yaml, .yml or .md`,
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

/**
 * Reads a pack folder once. Never throws: every problem, including an unexpected exception,
 * becomes an error naming the file; items with errors are left out, everything else loads.
 */
export async function loadPack(packDir: string): Promise<PackLoadResult> {
  try {
    const read = await readPack(packDir);
    const { bySource: _bySource, ...result } = assemblePack(read, ownItems(read));
    return result;
  } catch (error) {
    return {
      pack: null,
      items: [],
      errors: [
        { file: '.', field: '', message: `the pack could not be loaded: ${messageOf(error)}` },
      ],
    };
  }
}

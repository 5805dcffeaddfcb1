import { lstat, readdir, readFile, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { PACK_FILE } from '../pack-files';
import { hasHiddenSegment, isInside, splitPackPath } from '../paths';
import type { PackRead } from '../types';
import { HISTORY_DIR } from './history';
import { fieldsOf } from './item-source';
import { TRASH_DIR } from './trash';

/*
 * "Forget" (docs/editing.md, "Removing something for someone's safety"): besides the item's
 * file, what the editor kept of it on purpose — its `.history/<id>/` folder, its copies in
 * `.trash/`, and the media files only it named — is unlinked. Nothing outside the pack is
 * touched: every path is resolved with its links and must still lie inside the pack.
 */

type Fields = Record<string, unknown>;

/** A trashed file's name: `<time>-<original file name>` (see `moveToTrash`). */
const TRASHED = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?Z-(.+)$/;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The media a version names, by the loader's rule (`photo.file`, `image`), normalised. */
function mediaNamedIn(fields: Fields | null): string[] {
  if (!fields) return [];
  const photo = fields.photo;
  const named: string[] = [];
  for (const ref of [isRecord(photo) ? photo.file : undefined, fields.image]) {
    if (typeof ref !== 'string') continue;
    const split = splitPackPath(ref);
    if (split.ok) named.push(split.segments.join('/'));
  }
  return named;
}

async function fieldsOfFile(abs: string, name: string): Promise<Fields | null> {
  const text = await readFile(abs, 'utf8').catch(() => null);
  return text === null ? null : fieldsOf(name, text);
}

/** `abs` itself (links resolved) lies inside the pack, or it is not there at all: null. */
async function realInside(realPack: string, abs: string): Promise<string | null> {
  const real = await realpath(abs).catch(() => null);
  return real !== null && isInside(realPack, real) ? real : null;
}

/** Regular files below `dir` (a folder inside the pack), as pack paths; links are not followed. */
async function filesBelow(packDir: string, dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesBelow(packDir, abs)));
    else found.push(path.relative(packDir, abs).split(path.sep).join('/'));
  }
  return found;
}

export interface ForgetTarget {
  id: string;
  /** The item's current file, pack-relative. */
  file: string;
}

/** What forgetting will remove, worked out before anything is changed. */
export interface ForgetPlan {
  historyDir: string | null;
  trashCopies: string[];
  media: string[];
}

/**
 * Finds the item's history folder, its trash copies (a trashed file that claims the id, or
 * was named after it) and the media files that only it named — in its current file, its
 * history or its trash copies — and that no other item's current file names.
 */
export async function planForget(
  packDir: string,
  read: PackRead,
  target: ForgetTarget,
): Promise<ForgetPlan> {
  const realPack = await realpath(packDir);
  const named = new Set<string>(read.files.find((f) => f.file === target.file)?.media ?? []);
  for (const media of mediaNamedIn(
    await fieldsOfFile(path.join(packDir, target.file), target.file),
  ))
    named.add(media);

  const historyAbs = path.join(packDir, HISTORY_DIR, target.id);
  const historyInfo = await lstat(historyAbs).catch(() => null);
  const historyDir =
    historyInfo?.isDirectory() && (await realInside(realPack, historyAbs)) ? historyAbs : null;
  if (historyDir) {
    for (const name of await readdir(historyDir).catch(() => [])) {
      for (const media of mediaNamedIn(await fieldsOfFile(path.join(historyDir, name), name)))
        named.add(media);
    }
  }

  const trashCopies: string[] = [];
  const trashAbs = path.join(packDir, TRASH_DIR);
  if (await realInside(realPack, trashAbs)) {
    for (const entry of await readdir(trashAbs, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isFile()) continue;
      const original = TRASHED.exec(entry.name)?.[1] ?? entry.name;
      const stem = path.posix.basename(original, path.posix.extname(original));
      const fields = await fieldsOfFile(path.join(trashAbs, entry.name), original);
      if (fields?.id !== target.id && stem !== target.id) continue;
      trashCopies.push(`${TRASH_DIR}/${entry.name}`);
      for (const media of mediaNamedIn(fields)) named.add(media);
    }
  }

  // Another item's current file (broken ones too) keeps its media.
  const usedElsewhere = new Set(
    read.files.filter((f) => f.file !== target.file).flatMap((f) => f.media),
  );
  const itemFiles = new Set([PACK_FILE, ...read.files.map((f) => f.file)]);
  const media: string[] = [];
  for (const file of named) {
    if (usedElsewhere.has(file) || itemFiles.has(file) || hasHiddenSegment(file)) continue;
    const abs = path.join(packDir, ...file.split('/'));
    const info = await lstat(abs).catch(() => null);
    // A link is not followed, and a folder the media sit in must not lead out of the pack.
    if (!info?.isFile() || !(await realInside(realPack, abs))) continue;
    media.push(file);
  }
  return { historyDir, trashCopies, media: media.sort() };
}

/**
 * Unlinks what the plan names and returns the pack paths removed. Unlinking is all: a disk
 * (an SSD above all) and backups may still hold copies.
 */
export async function carryOutForget(packDir: string, plan: ForgetPlan): Promise<string[]> {
  const removed: string[] = [];
  if (plan.historyDir) {
    removed.push(...(await filesBelow(packDir, plan.historyDir)));
    await rm(plan.historyDir, { recursive: true, force: true });
  }
  for (const file of [...plan.trashCopies, ...plan.media]) {
    await rm(path.join(packDir, ...file.split('/')), { force: true });
    removed.push(file);
  }
  return removed;
}

// What the kept first slide was made from, as one hash: if anything that could change what the
// display shows has changed since (a slide taken out of the pack, consent withdrawn, safe mode,
// the show moved on, a token replaced, a new build), the hash differs and the slide is not used.
// It runs on the way to listening: Node builtins only.
import { createHash, type Hash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { ELECTRON_PROFILE_DIR, KIOSK_BROWSER_LOG } from '../settings/data-dir';
import { KEPT_SLIDE_FILE } from './record';

/** Changed whenever what goes into the hash changes, so an old record never matches by chance. */
const FINGERPRINT_VERSION = 'solidarity-screens kept-slide fingerprint 1';

/** Start options that change what is shown (safe mode, a language, a given token…): flat. */
export type KeptSlideOptions = Readonly<Record<string, string | number | boolean | null>>;

export interface KeptSlideFingerprintInput {
  contentDir: string;
  dataDir: string;
  rendererDir: string;
  options: KeptSlideOptions;
}

/**
 * The record itself and `writeFileAtomic`'s temp files for it (`.<name>.<12 hex>.tmp`): writing
 * the record must not change the hash the record holds. And what a browser writes while the
 * show runs, which says nothing about what it shows: the kiosk browser's log, and the desktop
 * app's Chromium profile (a folder: nothing under it is walked).
 */
const NOT_SHOW_STATE = new RegExp(
  `^(?:${escape(KEPT_SLIDE_FILE)}|\\.${escape(KEPT_SLIDE_FILE)}\\.[0-9a-f]{12}\\.tmp|${escape(KIOSK_BROWSER_LOG)}|${escape(ELECTRON_PROFILE_DIR)})$`,
);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * sha256 (hex) over, in this order: the version tag; the options as JSON with sorted keys;
 * every entry under `contentDir`, then under `dataDir` (but the record, the kiosk
 * browser's log and the desktop app's profile), by relative path;
 * the bytes of the renderer's `index.html` and `manifest.json`. Any read error throws: the
 * caller then starts the usual way.
 */
export async function keptSlideFingerprint(input: KeptSlideFingerprintInput): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${FINGERPRINT_VERSION}\n`);
  const sorted = Object.keys(input.options)
    .sort()
    .map((key) => [key, input.options[key]]);
  hash.update(`options ${JSON.stringify(sorted)}\n`);
  const content = treeLines(input.contentDir, () => false);
  const data = treeLines(input.dataDir, (rel) => NOT_SHOW_STATE.test(rel));
  hash.update(`content ${content.length}\n`);
  for (const line of content) hash.update(line);
  hash.update(`data ${data.length}\n`);
  for (const line of data) hash.update(line);
  for (const name of ['index.html', 'manifest.json']) {
    hashFile(hash, `renderer ${name}`, path.join(input.rendererDir, name));
  }
  return hash.digest('hex');
}

function hashFile(hash: Hash, label: string, file: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    hash.update(`${label} missing\n`);
    return;
  }
  hash.update(`${label} ${bytes.length}\n`);
  hash.update(bytes);
  hash.update('\n');
}

const kindOf = (info: Stats | Dirent): string =>
  info.isFile() ? 'file' : info.isDirectory() ? 'dir' : info.isSymbolicLink() ? 'link' : 'other';

/**
 * One line per entry under `root` (`root` itself left out), sorted by relative path with `/`
 * between parts. Links are not followed: a link's own lstat and its target's stat are hashed,
 * so pointing it elsewhere, or changing what it points at, changes the hash. A folder's own
 * size and mtime are left out: they change when a temp file comes and goes (our own record's,
 * in the data folder), and what they would say is already in the list of what is inside.
 *
 * Sync calls: nothing else runs while the start waits for this, and for a thousand files they
 * took 4-10 ms against 20-40 ms for the same stats as promises (libuv's pool of four threads
 * and a promise per file cost more than the stats themselves).
 */
function treeLines(root: string, skip: (rel: string) => boolean): string[] {
  const lines: { rel: string; line: string }[] = [];
  const folders: string[] = [''];
  while (folders.length > 0) {
    const rel = folders.pop()!;
    for (const dirent of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const childRel = rel === '' ? dirent.name : `${rel}/${dirent.name}`;
      if (skip(childRel)) continue;
      lines.push({ rel: childRel, line: entryLine(root, childRel) });
      if (dirent.isDirectory()) folders.push(childRel);
    }
  }
  // Code-unit order: the same on every machine, whatever the locale or the walk's order.
  lines.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return lines.map(({ line }) => line);
}

function entryLine(root: string, rel: string): string {
  const file = path.join(root, rel);
  const own = lstatSync(file);
  const kind = kindOf(own);
  if (kind === 'dir') return `${JSON.stringify([rel, kind, own.ino])}\n`;
  const fields: unknown[] = [rel, kind, own.size, own.mtimeMs, own.ino];
  if (kind === 'link') {
    try {
      const target = statSync(file);
      fields.push(kindOf(target), target.size, target.mtimeMs, target.ino);
    } catch (error) {
      // A dangling link is a state like any other (its target appearing changes the hash);
      // any other failure is a read error, and throws.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      fields.push('dangling');
    }
  }
  return `${JSON.stringify(fields)}\n`;
}

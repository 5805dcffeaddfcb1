// The kept first slide: what the previous run left so that the next one can answer the display's
// page before the core is loaded (`early-server.ts`). Read on the way to listening, so this file
// imports only Node and modules that import nothing heavy: `atomic-file.ts` (its zod import is
// `import type`, erased) and `bounded-json.ts` (no imports at all).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseBoundedJson } from '../../shared/protocol/bounded-json';
import { readTextBounded, writeFileAtomic } from '../settings/atomic-file';

export interface KeptSlideMedia {
  /** The exact request URL (path and query, as the browser sends it), e.g. `/media/a.jpg?token=…`. */
  url: string;
  /** Absolute path of the file sent for it. */
  file: string;
  contentType: string;
  /** Size and mtime when the record was written: a file changed since is never sent early. */
  size: number;
  mtimeMs: number;
}

export interface KeptSlideRecord {
  version: 1;
  /** keptSlideFingerprint(...) when it was written. */
  fingerprint: string;
  /** The item on air, for the log and tests. */
  itemId: string;
  writtenAtMs: number;
  /** After this moment the slide may show another day's counts (days behind bars): not used. */
  validUntilMs: number;
  /** Every view's token as in tokens.json when written (the banner prints them; the page is answered only to the display's). */
  tokens: Record<string, string>;
  /** The whole display page to answer (HTML). */
  page: string;
  /** The files the page may fetch before the core is up, besides the renderer's stylesheets and fonts. */
  media: KeptSlideMedia[];
}

export const KEPT_SLIDE_FILE = 'first-slide.json';

/**
 * The record holds a whole page: a few tens of KiB, a little more with inline styles. Anything
 * past this is not one we wrote, and is not read into memory on the way to listening.
 */
export const MAX_KEPT_SLIDE_BYTES = 2 * 1024 * 1024;

/** A first slide names a handful of pictures; more than this is not a record of ours. */
const MAX_MEDIA = 64;

/** What a token may be: the rule of `tokenSchema` (settings/tokens.ts), which loads zod. */
const TOKEN = /^[A-Za-z0-9._~-]{16,256}$/;
const FINGERPRINT = /^[0-9a-f]{64}$/;
/** A header value Node would send as it is: no line breaks, no control characters. */
const HEADER_VALUE = /^[\x20-\x7e]{1,200}$/;

export function keptSlidePath(dataDir: string): string {
  return path.join(dataDir, KEPT_SLIDE_FILE);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0;

function isMedia(value: unknown): value is KeptSlideMedia {
  if (!isRecord(value)) return false;
  const { url, file, contentType, size, mtimeMs } = value;
  return (
    typeof url === 'string' &&
    // Only pack media: a record cannot put a file at a page's, an asset's or the API's address.
    url.startsWith('/media/') &&
    url.length <= 4096 &&
    typeof file === 'string' &&
    path.isAbsolute(file) &&
    typeof contentType === 'string' &&
    HEADER_VALUE.test(contentType) &&
    isCount(size) &&
    isTime(mtimeMs)
  );
}

/**
 * The shape check, by hand rather than with zod: this runs before the server listens, and
 * loading zod's bundle costs ~50 ms there, more than the whole early answer. Every field is
 * checked; extra fields are allowed (a newer writer's), a wrong type anywhere is not.
 */
export function isKeptSlideRecord(value: unknown): value is KeptSlideRecord {
  if (!isRecord(value)) return false;
  const { version, fingerprint, itemId, writtenAtMs, validUntilMs, tokens, page, media } = value;
  if (version !== 1) return false;
  if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint)) return false;
  if (typeof itemId !== 'string' || itemId.length === 0 || itemId.length > 1000) return false;
  if (!isTime(writtenAtMs) || !isTime(validUntilMs)) return false;
  if (!isRecord(tokens) || typeof tokens.display !== 'string') return false;
  for (const token of Object.values(tokens)) {
    if (typeof token !== 'string' || !TOKEN.test(token)) return false;
  }
  if (typeof page !== 'string' || page.length === 0) return false;
  if (!Array.isArray(media) || media.length > MAX_MEDIA) return false;
  return media.every(isMedia);
}

/**
 * Writes the record so that a crash leaves the old one or the new one (temp file, fsync,
 * rename), readable by this user only: it holds every view's token. A record that would not
 * be read back (wrong shape, too big) is refused here, where the writer can hear about it.
 */
export async function writeKeptSlide(dataDir: string, record: KeptSlideRecord): Promise<void> {
  if (!isKeptSlideRecord(record)) throw new Error('the kept slide record is not well formed');
  const text = JSON.stringify(record);
  if (Buffer.byteLength(text) > MAX_KEPT_SLIDE_BYTES) {
    throw new Error(`the kept slide record is over ${MAX_KEPT_SLIDE_BYTES} bytes`);
  }
  await writeFileAtomic(keptSlidePath(dataDir), text, { mode: 0o600 });
}

/**
 * The record, or null when it is missing, unreadable, over MAX_KEPT_SLIDE_BYTES, not JSON or
 * not of the shape above. Never throws: without a record the app starts the usual way.
 */
export async function readKeptSlide(dataDir: string): Promise<KeptSlideRecord | null> {
  try {
    const read = await readTextBounded(keptSlidePath(dataDir), MAX_KEPT_SLIDE_BYTES);
    if (read.status !== 'ok') return null;
    // The record nests three levels; a deep one is not ours and is not walked.
    const json = parseBoundedJson(read.text, { maxDepth: 4 });
    return json.ok && isKeptSlideRecord(json.value) ? json.value : null;
  } catch {
    return null;
  }
}

/** Removes the record (and so the early answer) if there is one. */
export async function forgetKeptSlide(dataDir: string): Promise<void> {
  await rm(keptSlidePath(dataDir), { force: true });
  await rm(keptPicturesDir(dataDir), { recursive: true, force: true });
}

/**
 * Where the kept slide's pictures are, scaled ahead to the screens' width (keep.ts). Inside
 * the data folder, so the fingerprint covers them like any other file there.
 */
export function keptPicturesDir(dataDir: string): string {
  return path.join(dataDir, 'first-slide-pictures');
}

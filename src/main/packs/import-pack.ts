import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentError } from '../../shared/content';
import { loadPack } from '../content/load-pack';
import { entryNameProblem } from './entry-name';
import { sha256 } from './hash';
import { MANIFEST_FILE, PACK_SCHEMA_VERSION, manifestSchema, type PackManifest } from './manifest';
import { PackRefusal, refuse, type PackProblem } from './problem';
import {
  DEFAULT_ZIP_LIMITS,
  inflateEntry,
  readZipEntries,
  type ZipEntry,
  type ZipLimits,
} from './zip-guards';

export interface ImportOptions {
  zipFile: string;
  to: string;
  limits?: ZipLimits;
}

export interface ImportBytesOptions {
  to: string;
  limits?: ZipLimits;
  /** Every check, the content's loading included, then stop: nothing is replaced. */
  dryRun?: boolean;
}

export type ImportResult =
  | {
      ok: true;
      manifest: PackManifest;
      dir: string;
      /** Where the replaced pack went; null when there was none (or on a dry run). */
      previous: string | null;
      /** Items per kind in the imported pack, as the loader found them. */
      items: Record<string, number>;
      dryRun: boolean;
    }
  | { ok: false; problem: PackProblem; errors: ContentError[] };

/** A manifest is a short JSON file; a big one is someone's trick. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

function readManifest(zip: Buffer, entries: readonly ZipEntry[]): PackManifest {
  const entry = entries.find((e) => e.name === MANIFEST_FILE);
  if (!entry) return refuse('eventPack.noManifest');
  if (entry.size > MAX_MANIFEST_BYTES) refuse('eventPack.manifestInvalid', { detail: 'too big' });
  let data: unknown;
  try {
    data = JSON.parse(inflateEntry(zip, entry).toString('utf8'));
  } catch (error) {
    if (error instanceof PackRefusal) throw error;
    return refuse('eventPack.manifestInvalid', { detail: 'not JSON' });
  }
  const version =
    typeof data === 'object' && data !== null
      ? (data as { schemaVersion?: unknown }).schemaVersion
      : undefined;
  // A pack from a newer app, or not a pack at all: said plainly, before its fields are read.
  if (version !== PACK_SCHEMA_VERSION) {
    refuse('eventPack.unknownVersion', { version: String(version), known: PACK_SCHEMA_VERSION });
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse('eventPack.manifestInvalid', {
      detail: `${issue.path.join('.') || '.'}: ${issue.message}`,
    });
  }
  return parsed.data;
}

/** The zip holds exactly the manifest's files, each of the size and hash it lists. */
function checkFiles(zip: Buffer, entries: readonly ZipEntry[], manifest: PackManifest): ZipEntry[] {
  const byName = new Map(entries.filter((e) => !e.isDirectory).map((e) => [e.name, e]));
  byName.delete(MANIFEST_FILE);
  const listed = new Set<string>();
  const files: ZipEntry[] = [];
  for (const file of manifest.files) {
    const problem = entryNameProblem(file.path);
    if (problem || file.path === MANIFEST_FILE)
      refuse(problem ?? 'eventPack.duplicate', { name: file.path });
    if (listed.has(file.path)) refuse('eventPack.duplicate', { name: file.path });
    listed.add(file.path);
    const entry = byName.get(file.path);
    if (!entry) return refuse('eventPack.missingFile', { name: file.path });
    if (entry.size !== file.size) refuse('eventPack.hashMismatch', { name: file.path });
    if (sha256(inflateEntry(zip, entry)) !== file.sha256) {
      refuse('eventPack.hashMismatch', { name: file.path });
    }
    files.push(entry);
  }
  for (const name of byName.keys()) {
    if (!listed.has(name)) refuse('eventPack.extraFile', { name });
  }
  return files;
}

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

function failed(error: unknown): ImportResult {
  if (error instanceof PackRefusal) return { ok: false, problem: error.problem, errors: [] };
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, problem: { key: 'eventPack.importFailed', params: { detail } }, errors: [] };
}

/**
 * `pack import FILE --to DIR`: every check first (zip structure, manifest, hashes), then the
 * files go to a temporary folder beside DIR, the loader validates it, and only a pack with no
 * problems replaces DIR, by renames; the pack it replaces is kept as `DIR.previous`.
 */
export async function importPack(options: ImportOptions): Promise<ImportResult> {
  try {
    const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
    const info = await stat(options.zipFile).catch(() =>
      refuse('eventPack.zipUnreadable', { file: options.zipFile }),
    );
    // Checked before reading: a huge file is refused without being held in memory.
    if (info.size > limits.maxTotalBytes)
      refuse('eventPack.totalTooBig', { max: limits.maxTotalBytes });
    const zip = await readFile(options.zipFile).catch(() =>
      refuse('eventPack.zipUnreadable', { file: options.zipFile }),
    );
    return await importPackBytes(zip, { to: options.to, limits });
  } catch (error) {
    return failed(error);
  }
}

/**
 * The same import from a zip already in memory (the content API's upload), with the same
 * checks in the same order; `dryRun` stops once the staged pack has loaded cleanly.
 */
export async function importPackBytes(
  zip: Buffer,
  options: ImportBytesOptions,
): Promise<ImportResult> {
  const dir = path.resolve(options.to);
  const dryRun = options.dryRun ?? false;
  let temp: string | null = null;
  try {
    const limits = options.limits ?? DEFAULT_ZIP_LIMITS;
    if (zip.length > limits.maxTotalBytes)
      refuse('eventPack.totalTooBig', { max: limits.maxTotalBytes });
    const entries = readZipEntries(zip, limits);
    const manifest = readManifest(zip, entries);
    const files = checkFiles(zip, entries, manifest);

    const parent = path.dirname(dir);
    await mkdir(parent, { recursive: true });
    // Hidden, beside DIR (so the final rename stays on one file system), never loaded as a pack.
    temp = await mkdtemp(path.join(parent, `.${path.basename(dir)}.import-`));
    for (const entry of files) {
      const target = path.join(temp, ...entry.name.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, inflateEntry(zip, entry), { flag: 'wx' });
    }
    const loaded = await loadPack(temp);
    if (loaded.errors.length > 0 || loaded.pack === null) {
      await rm(temp, { recursive: true, force: true });
      temp = null;
      return {
        ok: false,
        problem: { key: 'eventPack.invalidContent', params: { count: loaded.errors.length } },
        errors: loaded.errors,
      };
    }
    const items: Record<string, number> = {};
    for (const item of loaded.items) items[item.kind] = (items[item.kind] ?? 0) + 1;
    if (dryRun) {
      await rm(temp, { recursive: true, force: true });
      temp = null;
      return { ok: true, manifest, dir, previous: null, items, dryRun };
    }

    const previous = `${dir}.previous`;
    const hadPack = await exists(dir);
    if (hadPack) {
      await rm(previous, { recursive: true, force: true });
      await rename(dir, previous);
    }
    try {
      await rename(temp, dir);
    } catch (error) {
      if (hadPack) await rename(previous, dir);
      throw error;
    }
    temp = null;
    return { ok: true, manifest, dir, previous: hadPack ? previous : null, items, dryRun };
  } catch (error) {
    if (temp !== null) await rm(temp, { recursive: true, force: true });
    return failed(error);
  }
}

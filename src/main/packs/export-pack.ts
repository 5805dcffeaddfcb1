import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { parseDocument } from 'yaml';
import type { ContentError } from '../../shared/content';
import { isInside } from '../content/paths';
import packageJson from '../../../package.json';
import { collectPack, collectionRefusal } from './collect';
import { sha256 } from './hash';
import { fontLicences } from './licences';
import { MANIFEST_FILE, PACK_FORMAT, PACK_SCHEMA_VERSION, type PackManifest } from './manifest';
import { PackRefusal, type PackProblem } from './problem';

export interface ExportOptions {
  contentDir: string;
  out: string;
  /** Playlist or setlist ids; empty for the whole pack. */
  playlists: readonly string[];
  /** Export even when the loader finds problems (what does not load is left out). */
  force: boolean;
  now?: Date;
}

export type ExportResult =
  | {
      ok: true;
      manifest: PackManifest;
      /** Bytes per kind (item kinds, `media`, `pack`, `licences`), uncompressed. */
      sizes: Record<string, number>;
      zipBytes: number;
      /** The problems exported anyway, with --force. */
      errors: ContentError[];
    }
  | { ok: false; problem: PackProblem; errors: ContentError[] };

export type PackBytesOptions = Omit<ExportOptions, 'out'>;

export type PackBytesResult =
  | Extract<ExportResult, { ok: false }>
  | (Omit<Extract<ExportResult, { ok: true }>, 'zipBytes'> & {
      zip: Uint8Array;
      /** pack.yaml's title in its default language, for the zip's name; '' when it has none. */
      title: string;
    });

function titleOf(packFile: Buffer | undefined): string {
  if (!packFile) return '';
  const data: unknown = parseDocument(packFile.toString('utf8')).toJS();
  if (typeof data !== 'object' || data === null) return '';
  const { title, defaultLanguage } = data as { title?: unknown; defaultLanguage?: unknown };
  if (typeof title === 'string') return title;
  if (typeof title !== 'object' || title === null) return '';
  const texts = title as Record<string, unknown>;
  const chosen = typeof defaultLanguage === 'string' ? texts[defaultLanguage] : undefined;
  const text = chosen ?? Object.values(texts)[0];
  return typeof text === 'string' ? text : '';
}

function failed(error: unknown): Extract<ExportResult, { ok: false }> {
  if (error instanceof PackRefusal) return { ok: false, problem: error.problem, errors: [] };
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, problem: { key: 'eventPack.exportFailed', params: { detail } }, errors: [] };
}

/**
 * The pack as zip bytes, with the same refusals as `pack export` (the content API sends them;
 * the CLI writes them to its file).
 */
export async function packBytes(options: PackBytesOptions): Promise<PackBytesResult> {
  const contentDir = path.resolve(options.contentDir);
  try {
    const collected = await collectPack(contentDir, options.playlists);
    const refused = collectionRefusal(collected, contentDir, options.force);
    if (refused) return refused;
    const licences = await fontLicences();
    const all = [
      ...collected.files,
      ...licences.map((licence) => ({ ...licence, kind: 'licences' as const })),
    ];
    const sizes: Record<string, number> = {};
    for (const file of all) sizes[file.kind] = (sizes[file.kind] ?? 0) + file.bytes.length;
    const files = all.map((file) => ({
      path: file.path,
      size: file.bytes.length,
      sha256: sha256(file.bytes),
    }));
    const manifest: PackManifest = {
      format: PACK_FORMAT,
      schemaVersion: PACK_SCHEMA_VERSION,
      appVersion: packageJson.version,
      createdAt: (options.now ?? new Date()).toISOString(),
      playlists: [...options.playlists],
      items: collected.items,
      files,
      totalSize: files.reduce((sum, file) => sum + file.size, 0),
    };
    const entries: Zippable = {
      [MANIFEST_FILE]: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
    };
    for (const file of all) entries[file.path] = file.bytes;
    const zip = zipSync(entries, { level: 6 });
    const title = titleOf(collected.files.find((file) => file.kind === 'pack')?.bytes);
    return { ok: true, manifest, sizes, zip, title, errors: collected.errors };
  } catch (error) {
    return failed(error);
  }
}

/** `pack export`: the chosen playlists' items and media, a manifest and the fonts' licences. */
export async function exportPack(options: ExportOptions): Promise<ExportResult> {
  const contentDir = path.resolve(options.contentDir);
  const out = path.resolve(options.out);
  if (isInside(contentDir, out)) {
    return { ok: false, problem: { key: 'eventPack.outInside', params: { out } }, errors: [] };
  }
  const built = await packBytes(options);
  if (!built.ok) return built;
  const { zip, title: _title, ...result } = built;
  // Written beside the target, then renamed: a half-written pack never has the final name.
  const partial = `${out}.${randomBytes(4).toString('hex')}.partial`;
  try {
    await writeFile(partial, zip, { flag: 'wx' });
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    return failed(error);
  }
  return { ...result, zipBytes: zip.length };
}

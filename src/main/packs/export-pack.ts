import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { ContentError } from '../../shared/content';
import { isInside } from '../content/paths';
import packageJson from '../../../package.json';
import { collectPack } from './collect';
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

/** `pack export`: the chosen playlists' items and media, a manifest and the fonts' licences. */
export async function exportPack(options: ExportOptions): Promise<ExportResult> {
  const contentDir = path.resolve(options.contentDir);
  const out = path.resolve(options.out);
  if (isInside(contentDir, out)) {
    return { ok: false, problem: { key: 'eventPack.outInside', params: { out } }, errors: [] };
  }
  try {
    const collected = await collectPack(contentDir, options.playlists);
    if (collected.files.length === 0 || (collected.errors.length > 0 && !options.force)) {
      return {
        ok: false,
        problem: {
          key: collected.files.length === 0 ? 'eventPack.notLoadable' : 'eventPack.hasProblems',
          params: { count: collected.errors.length, dir: contentDir },
        },
        errors: collected.errors,
      };
    }
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
    // Written beside the target, then renamed: a half-written pack never has the final name.
    const partial = `${out}.${randomBytes(4).toString('hex')}.partial`;
    try {
      await writeFile(partial, zip, { flag: 'wx' });
      await rename(partial, out);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { ok: true, manifest, sizes, zipBytes: zip.length, errors: collected.errors };
  } catch (error) {
    if (error instanceof PackRefusal) return { ok: false, problem: error.problem, errors: [] };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problem: { key: 'eventPack.exportFailed', params: { detail } },
      errors: [],
    };
  }
}

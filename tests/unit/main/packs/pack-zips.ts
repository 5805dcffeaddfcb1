import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { sha256 } from '../../../../src/main/packs/hash';
import { PACK_FORMAT, PACK_SCHEMA_VERSION } from '../../../../src/main/packs/manifest';

/* Test helpers: packs and zips made by hand, the way someone crafting a hostile one would. */

export const repo = path.resolve(__dirname, '../../../..');
export const builtInPack = path.join(repo, 'content');

const made: string[] = [];

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `ss-packs-${prefix}-`));
  made.push(dir);
  return dir;
}

/** For `afterAll`: every folder `tempDir` made. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A copy of the built-in pack, to break on purpose. */
export function copyOfBuiltInPack(): string {
  const dir = path.join(tempDir('copy'), 'content');
  cpSync(builtInPack, dir, { recursive: true });
  return dir;
}

/** A manifest that lists exactly `files`, with their true sizes and hashes. */
export function manifestFor(files: Record<string, Uint8Array>, overrides: object = {}) {
  const list = Object.entries(files).map(([name, bytes]) => ({
    path: name,
    size: bytes.length,
    sha256: sha256(bytes),
  }));
  return {
    format: PACK_FORMAT,
    schemaVersion: PACK_SCHEMA_VERSION,
    appVersion: '0.1.0',
    createdAt: '2026-01-01T00:00:00.000Z',
    playlists: [],
    items: [],
    files: list,
    totalSize: list.reduce((sum, f) => sum + f.size, 0),
    ...overrides,
  };
}

/** A zip of `files` with a manifest.json (or none when `manifest` is null). */
export function zipWith(
  files: Zippable,
  manifest: object | null = manifestFor(files as Record<string, Uint8Array>),
): Buffer {
  const entries: Zippable = { ...files };
  if (manifest !== null) entries['manifest.json'] = Buffer.from(JSON.stringify(manifest));
  return Buffer.from(zipSync(entries, { level: 6 }));
}

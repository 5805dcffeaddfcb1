import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PACK_FILE } from '../pack-files';
import type { PackRead } from '../types';
import { fieldsOf } from './item-source';

type Fields = Record<string, unknown>;

/** A file that names an item: a playlist, a setlist, or pack.yaml. */
export interface Reference {
  /** The referring item's id (`pack` for pack.yaml). */
  id: string;
  kind: string;
  file: string;
  /** The item it names. */
  target: string;
}

function entryId(entry: unknown): unknown {
  return typeof entry === 'object' && entry !== null ? (entry as Fields).item : entry;
}

function names(fields: Fields, target: string): boolean {
  if (fields.kind === 'playlist' && Array.isArray(fields.items)) {
    return fields.items.some((entry) => entryId(entry) === target);
  }
  if (fields.kind === 'setlist') {
    return (
      (Array.isArray(fields.songs) && fields.songs.includes(target)) || fields.interlude === target
    );
  }
  return false;
}

/**
 * Every playlist and setlist (broken ones too: they are read as written) and pack.yaml's
 * `defaultPlaylist` / `safeSlide` that name `target`.
 */
export async function referencesTo(
  packDir: string,
  read: PackRead,
  target: string,
  targetFile: string,
): Promise<Reference[]> {
  const found: Reference[] = [];
  for (const file of read.files) {
    if (file.file === targetFile) continue;
    const text = await readFile(path.join(packDir, file.file), 'utf8').catch(() => null);
    const fields = text === null ? null : fieldsOf(file.file, text);
    if (!fields || !names(fields, target)) continue;
    found.push({ id: file.id ?? file.file, kind: String(fields.kind), file: file.file, target });
  }
  const packText = await readFile(path.join(packDir, PACK_FILE), 'utf8').catch(() => null);
  const pack = packText === null ? null : fieldsOf(PACK_FILE, packText);
  if (pack && (pack.defaultPlaylist === target || pack.safeSlide === target)) {
    found.push({ id: 'pack', kind: 'pack', file: PACK_FILE, target });
  }
  return found;
}

/** `fields` with every mention of the reference's target taken out. */
export function withoutReferences(fields: Fields, reference: Reference): Fields {
  const next: Fields = { ...fields };
  const target = reference.target;
  if (Array.isArray(next.items)) next.items = next.items.filter((e) => entryId(e) !== target);
  if (Array.isArray(next.songs)) next.songs = next.songs.filter((s) => s !== target);
  for (const key of ['interlude', 'defaultPlaylist', 'safeSlide']) {
    if (next[key] === target) delete next[key];
  }
  return next;
}

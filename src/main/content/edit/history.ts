import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { HistoryEntry, Version } from '../../../shared/protocol/content-api';
import { writeFileAtomic } from '../../settings/atomic-file';

/*
 * Every overwritten version of an item, kept in the pack's hidden `.history/<id>/` as
 * `<time>-<version>.yaml` (the walker and the watcher skip hidden folders). The newest
 * HISTORY_LIMIT are kept per item.
 */

export const HISTORY_DIR = '.history';
export const HISTORY_LIMIT = 20;

/** `2026-12-06T15:47:03.120Z` as a file name can carry it on every system (no `:`). */
function stampOf(date: Date): string {
  return date.toISOString().replace(/:/g, '-');
}

function dateOfStamp(stamp: string): string {
  return stamp.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}(?:\.\d+)?Z)$/, '$1:$2:$3');
}

const ENTRY = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:\.\d+)?Z)-([a-f0-9]{8,64})\.(yaml|md)$/;

function historyDir(packDir: string, id: string): string {
  return path.join(packDir, HISTORY_DIR, id);
}

interface StoredEntry extends HistoryEntry {
  name: string;
}

async function storedEntries(packDir: string, id: string): Promise<StoredEntry[] | null> {
  let names: string[];
  try {
    names = await readdir(historyDir(packDir, id));
  } catch {
    return null;
  }
  const entries: StoredEntry[] = [];
  for (const name of names) {
    const match = ENTRY.exec(name);
    if (!match) continue;
    const bytes = await readFile(path.join(historyDir(packDir, id), name)).catch(() => null);
    if (!bytes) continue;
    entries.push({ name, version: match[2]!, savedAt: dateOfStamp(match[1]!), size: bytes.length });
  }
  // Newest first; the name's time sorts as text.
  return entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** Keeps `bytes` (the version being replaced) and lets only the newest `limit` stay. */
export async function keepInHistory(
  packDir: string,
  id: string,
  bytes: Buffer,
  version: Version,
  extension: string,
  now: Date,
  limit = HISTORY_LIMIT,
): Promise<void> {
  const ext = extension === '.md' ? 'md' : 'yaml';
  await writeFileAtomic(
    path.join(historyDir(packDir, id), `${stampOf(now)}-${version}.${ext}`),
    bytes,
  );
  const entries = (await storedEntries(packDir, id)) ?? [];
  for (const old of entries.slice(limit)) {
    await rm(path.join(historyDir(packDir, id), old.name), { force: true });
  }
}

export async function listHistory(packDir: string, id: string): Promise<HistoryEntry[] | null> {
  const entries = await storedEntries(packDir, id);
  return entries?.map(({ version, savedAt, size }) => ({ version, savedAt, size })) ?? null;
}

/** The bytes of a kept version, or null when none is kept. */
export async function readFromHistory(
  packDir: string,
  id: string,
  version: Version,
): Promise<Buffer | null> {
  const entry = (await storedEntries(packDir, id))?.find((e) => e.version === version);
  if (!entry) return null;
  return readFile(path.join(historyDir(packDir, id), entry.name));
}

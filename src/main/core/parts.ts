import { mkdir } from 'node:fs/promises';
import type { ContentStore } from '../content/types';
import type { ContentSnapshot } from '../../shared/content';
import { coreText, type LocalizedText } from '../../shared/protocol';

/** Creates the data folder (private: it holds the tokens). On failure the show runs without it. */
export async function prepareDataDir(
  dataDir: string | null,
  notice: (text: LocalizedText) => void,
): Promise<string | null> {
  if (dataDir === null) return null;
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    return dataDir;
  } catch (error) {
    notice(coreText('notice.dataDirUnusable', { dir: dataDir, detail: (error as Error).message }));
    return null;
  }
}

/**
 * The store as the views see it: every snapshot that leaves it goes through `map`. The result
 * is cached per snapshot, so `snapshot()` keeps returning the same object until content
 * really changes.
 */
export function mapSnapshots(
  store: ContentStore,
  map: (snapshot: ContentSnapshot) => ContentSnapshot,
): ContentStore {
  let source: ContentSnapshot | null = null;
  let mapped: ContentSnapshot | null = null;
  const apply = (snapshot: ContentSnapshot): ContentSnapshot => {
    if (snapshot !== source || mapped === null) {
      source = snapshot;
      mapped = map(snapshot);
    }
    return mapped;
  };
  return {
    packDir: store.packDir,
    snapshot: () => apply(store.snapshot()),
    subscribe: (listener) => store.subscribe((snapshot) => listener(apply(snapshot))),
    media: (relPath) => store.media(relPath),
    close: () => store.close(),
  };
}

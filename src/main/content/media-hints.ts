import path from 'node:path';
import { problem, type LocalizedText } from '../../shared/protocol/localized-text';
import { closest } from './did-you-mean';
import { printable } from './issues';
import { imageExtensions } from './media';
import { splitPackPath } from './paths';

/* "File not found", made helpful: where pack paths start, and the file the author most likely
   meant, searched in an index of the pack's images built once per load. */

/** A media path as the pack names it (`media/a.jpg`), or undefined when it is no path. */
export function normalisedMedia(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const split = splitPackPath(value);
  return split.ok ? split.segments.join('/') : undefined;
}

interface ImageIndex {
  byName: Map<string, string[]>;
  byStem: Map<string, string[]>;
}

/** The pack's images by lower-case name and stem, built once per load (the list is shared). */
const imageIndexes = new WeakMap<readonly string[], ImageIndex>();

/** Past this many names, a misspelt name is not searched for: the search would cost too much. */
const MAX_FUZZY_NAMES = 5_000;

function imageIndex(files: readonly string[]): ImageIndex {
  let index = imageIndexes.get(files);
  if (index) return index;
  index = { byName: new Map(), byStem: new Map() };
  for (const file of files) {
    const ext = path.posix.extname(file).toLowerCase();
    if (!Object.hasOwn(imageExtensions, ext)) continue;
    const name = path.posix.basename(file).toLowerCase();
    const stem = name.slice(0, name.length - ext.length);
    for (const [map, key] of [
      [index.byName, name],
      [index.byStem, stem],
    ] as const) {
      const list = map.get(key);
      if (list) list.push(file);
      else map.set(key, [file]);
    }
  }
  imageIndexes.set(files, index);
  return index;
}

/**
 * The file a path that leads nowhere most likely meant: the same file elsewhere (`drawings/sun.svg`
 * for `media/drawings/sun.svg`), the same name with another extension, or a misspelt name.
 */
export function closestFile(wanted: string, files: readonly string[]): string | undefined {
  const index = imageIndex(files);
  const name = path.posix.basename(wanted).toLowerCase();
  const stem = name.slice(0, name.length - path.posix.extname(name).length);
  const sameName = index.byName.get(name);
  if (sameName) {
    return (
      sameName.find((f) => f.endsWith(`/${wanted}`)) ?? closest(wanted, sameName) ?? sameName[0]
    );
  }
  const sameStem = index.byStem.get(stem);
  if (sameStem) return closest(wanted, sameStem) ?? sameStem[0];
  // A misspelt name: the closest name, not the closest path (folders say little).
  if (index.byStem.size > MAX_FUZZY_NAMES) return undefined;
  const near = closest(stem, [...index.byStem.keys()]);
  return near === undefined ? undefined : index.byStem.get(near)?.[0];
}

/** "file not found", with where paths start and the file the author most likely meant. */
export function notFoundHint(
  relPath: string,
  error: LocalizedText,
  files: readonly string[],
): LocalizedText {
  const shown = error.params?.path ?? printable(relPath);
  const suggestion = closestFile(normalisedMedia(relPath) ?? relPath, files);
  return suggestion
    ? problem('media.notFoundSuggest', { path: shown, suggestion: printable(suggestion) })
    : problem('media.notFoundHint', { path: shown });
}

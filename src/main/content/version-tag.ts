import type { Stats } from 'node:fs';

/** Names one version of a file: a replaced or rewritten image gets a new tag. */
export function fileVersionTag(info: Pick<Stats, 'size' | 'mtimeMs' | 'ino'>): string {
  return `${info.size.toString(36)}-${Math.round(info.mtimeMs).toString(36)}-${info.ino.toString(36)}`;
}

/** True when `now` is the same version of the file as `checked` (same file, same bytes' stamp). */
export function sameVersion(
  checked: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>,
  now: Pick<Stats, 'dev' | 'ino' | 'size' | 'mtimeMs'>,
): boolean {
  return (
    checked.dev === now.dev &&
    checked.ino === now.ino &&
    checked.size === now.size &&
    checked.mtimeMs === now.mtimeMs
  );
}

/**
 * Checks a path written in a pack (a zip entry, a manifest line) before anything is made of it:
 * it must name a file inside the pack, the same way on every system. Returns the reason it
 * does not (a `pack.*` key), or null.
 */
export function entryNameProblem(name: string): string | null {
  if (name === '' || name.length > 1024) return 'pack.nameLength';
  // Control characters (NUL above all) can cut a name short on the way to the file system.
  if (/\p{Cc}/u.test(name)) return 'pack.nameControl';
  if (name.includes('\\')) return 'pack.nameBackslash';
  if (name.startsWith('/')) return 'pack.nameAbsolute';
  if (/^[a-z]:/i.test(name)) return 'pack.nameDrive';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..')) return 'pack.nameParent';
  if (segments.some((s) => s === '' || s === '.')) return 'pack.nameEmptySegment';
  // Hidden files (.history/, .trash/, .env) never travel in a pack.
  if (segments.some((s) => s.startsWith('.'))) return 'pack.nameHidden';
  return null;
}

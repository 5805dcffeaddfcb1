/**
 * Checks a path written in a pack (a zip entry, a manifest line) before anything is made of it:
 * it must name a file inside the pack, the same way on every system. Returns the reason it
 * does not (an `eventPack.*` key), or null.
 */
export function entryNameProblem(name: string): string | null {
  if (name === '' || name.length > 1024) return 'eventPack.nameLength';
  // Control characters (NUL above all) can cut a name short on the way to the file system.
  if (/\p{Cc}/u.test(name)) return 'eventPack.nameControl';
  if (name.includes('\\')) return 'eventPack.nameBackslash';
  if (name.startsWith('/')) return 'eventPack.nameAbsolute';
  if (/^[a-z]:/i.test(name)) return 'eventPack.nameDrive';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..')) return 'eventPack.nameParent';
  if (segments.some((s) => s === '' || s === '.')) return 'eventPack.nameEmptySegment';
  // Hidden files (.history/, .trash/, .env) never travel in a pack.
  if (segments.some((s) => s.startsWith('.'))) return 'eventPack.nameHidden';
  return null;
}

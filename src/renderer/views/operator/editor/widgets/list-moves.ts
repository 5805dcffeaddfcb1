/** The list with the entry at `from` taken out and put back at `to` (both 0-based). */
export function moveEntry<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  if (from < 0 || from >= next.length || to < 0 || to >= next.length || from === to) return next;
  const [moved] = next.splice(from, 1) as [T];
  next.splice(to, 0, moved);
  return next;
}

/** The list without the entry at `index`. */
export function withoutEntry<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** The list with `entry` in place of the one at `index`. */
export function replaceEntry<T>(list: readonly T[], index: number, entry: T): T[] {
  return list.map((old, i) => (i === index ? entry : old));
}

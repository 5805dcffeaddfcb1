/*
 * A playlist's `items`, as the file writes them: an id (`- kots-band`) or an object with
 * options (`- { item: kots-band, duration: 20 }`). The editor writes the short form whenever
 * an entry has no option left, so the file stays as a person would write it.
 */

export const ENTRY_OPTIONS = ['duration', 'from', 'until'] as const;
export type EntryOption = (typeof ENTRY_OPTIONS)[number];

/** The item an entry plays; undefined for an entry the editor cannot read (kept as it is). */
export function entryItem(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (isRecord(entry) && typeof entry.item === 'string') return entry.item;
  return undefined;
}

export function entryOption(entry: unknown, option: EntryOption): unknown {
  return isRecord(entry) ? entry[option] : undefined;
}

/**
 * The entry with one option set (or cleared, with `undefined`). Keys the editor does not know
 * (a hand-written typo) stay, so nothing is lost and the save names them.
 */
export function withEntryOption(entry: unknown, option: EntryOption, value: unknown): unknown {
  const item = entryItem(entry);
  if (item === undefined) return entry;
  const next: Record<string, unknown> = isRecord(entry) ? { ...entry } : { item };
  if (value === undefined || value === '') delete next[option];
  else next[option] = value;
  return Object.keys(next).every((key) => key === 'item') ? item : next;
}

/** The entry pointed at another item, its options kept. */
export function withEntryItem(entry: unknown, item: string): unknown {
  return isRecord(entry) ? { ...entry, item } : item;
}

/** The list as the field holds it: anything but an array is no entries. */
export function entryList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

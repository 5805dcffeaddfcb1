/*
 * Immutable edits of an item's value, keeping the file lean: a field emptied in the form is
 * left out of the file, never written as `''`, `{}` or `[]`.
 */

export type Obj = Readonly<Record<string, unknown>>;

/** Nothing a person wrote: the key can go. `false` and `0` are answers, not emptiness. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** `object` with `key` set to `value`, or without `key` when the value is empty. */
export function withField(object: Obj | undefined, key: string, value: unknown): Obj {
  const next: Record<string, unknown> = { ...object };
  if (isEmptyValue(value)) delete next[key];
  else next[key] = value;
  return next;
}

/** The list with its entry at `index` replaced; positions are kept, so a blank entry stays. */
export function withEntry(list: readonly unknown[], index: number, value: unknown): unknown[] {
  return list.map((entry, i) => (i === index ? value : entry));
}

export function withoutEntry(list: readonly unknown[], index: number): unknown[] {
  return list.filter((_, i) => i !== index);
}

/** The list with the entry at `from` moved to `to`; out-of-range moves change nothing. */
export function moveEntry(list: readonly unknown[], from: number, to: number): unknown[] {
  if (from === to || to < 0 || to >= list.length || from < 0 || from >= list.length) {
    return [...list];
  }
  const next = [...list];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved);
  return next;
}

export function asObject(value: unknown): Obj | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Obj)
    : undefined;
}

export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

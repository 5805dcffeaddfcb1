/** One field that differs between two versions of an item. */
export interface ChangedField {
  /** Dotted, as the YAML is written, list positions counted from 1 (`items.2`). */
  field: string;
  mine: unknown;
  theirs: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields two versions of an item disagree on, deepest first where both are objects or
 * lists: a conflict shows "title.fr: mine … theirs …", not two whole files to compare by eye.
 */
export function changedFields(mine: unknown, theirs: unknown, path: string[] = []): ChangedField[] {
  if (isObject(mine) && isObject(theirs)) {
    const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
    return keys.flatMap((key) => changedFields(mine[key], theirs[key], [...path, key]));
  }
  if (Array.isArray(mine) && Array.isArray(theirs) && mine.length === theirs.length) {
    return mine.flatMap((value, index) =>
      changedFields(value, theirs[index], [...path, String(index + 1)]),
    );
  }
  if (JSON.stringify(mine) === JSON.stringify(theirs)) return [];
  return [{ field: path.join('.'), mine, theirs }];
}

/** A field's value as one readable line ("—" for none). */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

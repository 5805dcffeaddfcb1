/**
 * A field's path as the author reads it in their YAML: dotted, with list positions counted
 * from 1 (`items.2` is the second entry), whatever counts from 0 inside (zod, arrays, forms).
 * Every place that shows a field path (the loader, `validate`, the console, the content API)
 * goes through this one function, so an author never meets two numberings.
 */
export function displayFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'number' ? String(segment + 1) : String(segment)))
    .join('.');
}

/*
 * Walks a value of the pack along its zod schema, to find the fields of one kind (every
 * localized text, every text a slide draws) wherever the item's shape puts them.
 */

interface SchemaDef {
  type?: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  in?: unknown;
}

const defOf = (schema: unknown): SchemaDef | undefined =>
  (schema as { _zod?: { def?: SchemaDef } } | undefined)?._zod?.def;

export type FieldPath = (string | number)[];

/**
 * Sees each value on the way (its schema, the value, its path: object keys and array
 * indices); true when it took the value, so the walk does not go into it.
 */
export type SchemaVisit = (schema: unknown, value: unknown, path: FieldPath) => boolean;

/** Deeper than any item's shape: a guard against a schema that refers to itself. */
const MAX_STEPS = 40;

/**
 * Walks `value` along `schema`: through the optional, default, nullable, readonly and pipe
 * wrappers, into arrays and into the fields an object's schema declares. Absent values are
 * not visited.
 */
export function walkSchema(
  schema: unknown,
  value: unknown,
  visit: SchemaVisit,
  path: FieldPath = [],
  steps = 0,
): void {
  if (value === undefined || value === null || steps > MAX_STEPS) return;
  if (visit(schema, value, path)) return;
  const def = defOf(schema);
  switch (def?.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
      walkSchema(def.innerType, value, visit, path, steps + 1);
      return;
    case 'pipe':
      walkSchema(def.in, value, visit, path, steps + 1);
      return;
    case 'array':
      if (Array.isArray(value)) {
        value.forEach((entry, i) => walkSchema(def.element, entry, visit, [...path, i], steps + 1));
      }
      return;
    case 'object':
      if (typeof value !== 'object') return;
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const inner = (value as Record<string, unknown>)[key];
        walkSchema(field, inner, visit, [...path, key], steps + 1);
      }
      return;
    default:
      return;
  }
}

import type { z } from 'zod';
import { seconds } from '../../../../../shared/content/fields';
import { itemSchemas, type ItemKind } from '../../../../../shared/content/schema';
import { fieldKindOf, ITEM_REF_KINDS, MULTILINE_KEYS, type FieldKind } from './field-kinds';
import type { FieldEntry, FieldSpec } from './spec';

/*
 * The form of an item worked out from its zod schema, so a field added to `schema.ts` shows up
 * in the editor without anyone writing a form for it. Reads zod 4's schema definitions
 * (`_zod.def`); a shape it does not know becomes `raw`, edited as text, never dropped.
 */

type AnySchema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string };

export interface DescribeOptions {
  /** The pack's languages: the choices of a language field. */
  languages?: readonly string[];
}

interface Unwrapped {
  schema: AnySchema;
  optional: boolean;
  defaultValue?: unknown;
}

function defOf(schema: AnySchema): Def {
  return schema._zod.def as unknown as Def;
}

/** Peels optional / default / nullable / pipe off a field, noting what they say. */
function unwrap(schema: AnySchema): Unwrapped {
  let current = schema;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    if (fieldKindOf(current)) break;
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') {
      optional = true;
      current = def.innerType as AnySchema;
    } else if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      defaultValue ??= def.defaultValue;
      current = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      // What the file holds is the pipe's input; the transform is the loader's business.
      current = def.in as AnySchema;
    } else break;
  }
  return defaultValue === undefined
    ? { schema: current, optional }
    : { schema: current, optional, defaultValue };
}

interface Check {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  format?: string;
}

function checksOf(schema: AnySchema): Check[] {
  const checks = (defOf(schema).checks ?? []) as { _zod: { def: Check } }[];
  return checks.map((c) => c._zod.def);
}

function numberSpec(schema: AnySchema): FieldSpec {
  const checks = checksOf(schema);
  const integer = checks.some((c) => c.check === 'number_format' && /int/.test(c.format ?? ''));
  const spec: { type: 'number'; integer: boolean; min?: number; max?: number } = {
    type: 'number',
    integer,
  };
  for (const c of checks) {
    if (c.value === undefined) continue;
    if (c.check === 'greater_than') spec.min = c.inclusive || !integer ? c.value : c.value + 1;
    if (c.check === 'less_than') spec.max = c.inclusive || !integer ? c.value : c.value - 1;
  }
  return spec;
}

function kindSpec(kind: FieldKind, key: string, options: DescribeOptions): FieldSpec {
  switch (kind) {
    case 'localized':
      return { type: 'localized', multiline: MULTILINE_KEYS.has(key) };
    case 'date':
    case 'dateTime':
    case 'partialDate':
    case 'url':
    case 'media':
      return { type: kind };
    case 'itemId':
      return { type: 'itemRef', kinds: ITEM_REF_KINDS[key] ?? [] };
    case 'timeZone':
      return { type: 'enum', options: Intl.supportedValuesOf('timeZone') };
    case 'languageCode':
      return { type: 'enum', options: options.languages ?? [] };
    case 'hexColour':
      return { type: 'text', multiline: false };
    case 'seconds':
      return numberSpec(seconds);
  }
}

/** A union of plain values (`2019` or `"spring 2019"`) is one text box; anything else is raw. */
function unionSpec(def: Def, key: string): FieldSpec {
  const plain = (def.options as AnySchema[]).every((o) =>
    ['string', 'number', 'enum', 'literal'].includes(defOf(o).type),
  );
  return plain ? { type: 'text', multiline: MULTILINE_KEYS.has(key) } : { type: 'raw' };
}

function specOf(schema: AnySchema, key: string, options: DescribeOptions): FieldSpec {
  const kind = fieldKindOf(schema);
  if (kind) return kindSpec(kind, key, options);
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return { type: 'text', multiline: MULTILINE_KEYS.has(key) };
    case 'number':
      return numberSpec(schema);
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', options: Object.values(def.entries as Record<string, string>) };
    case 'literal':
      return { type: 'enum', options: (def.values as unknown[]).map(String) };
    case 'object':
      return { type: 'object', fields: fieldsOf(schema, options) };
    case 'array': {
      const min = checksOf(schema).find((c) => c.check === 'min_length')?.minimum ?? 0;
      return { type: 'array', of: fieldSpec(def.element as AnySchema, key, options).spec, min };
    }
    case 'union':
      return unionSpec(def, key);
    case 'record': {
      const keyKind = fieldKindOf(def.keyType as AnySchema);
      const valueType = defOf(def.valueType as AnySchema).type;
      return keyKind === 'languageCode' && valueType === 'string'
        ? { type: 'localized', multiline: MULTILINE_KEYS.has(key) }
        : { type: 'raw' };
    }
    default:
      return { type: 'raw' };
  }
}

/** Fields whose meaning comes from their place in the item, not from their schema. */
function placedSpec(key: string, parentKind: string | undefined): FieldSpec | undefined {
  if (parentKind === 'playlist' && key === 'items') return { type: 'playlistEntries' };
  // A setlist is played in its order too: the same draggable list, of songs, without options.
  if (parentKind === 'setlist' && key === 'songs') {
    return { type: 'playlistEntries', kinds: ['song'], entryOptions: false };
  }
  if (parentKind === 'song' && key === 'sections') return { type: 'lyrics' };
  if (parentKind === 'video' && key === 'file') return { type: 'videoFile' };
  if (parentKind === 'video' && key === 'subtitles') return { type: 'subtitles' };
  return undefined;
}

function fieldSpec(
  schema: AnySchema,
  key: string,
  options: DescribeOptions,
  parentKind?: string,
): { spec: FieldSpec; optional: boolean; defaultValue?: unknown } {
  const { schema: inner, ...rest } = unwrap(schema);
  return { spec: placedSpec(key, parentKind) ?? specOf(inner, key, options), ...rest };
}

function fieldsOf(schema: AnySchema, options: DescribeOptions, itemKind?: string): FieldEntry[] {
  const shape = defOf(schema).shape as Record<string, AnySchema>;
  const entries: FieldEntry[] = [];
  for (const [key, fieldSchema] of Object.entries(shape)) {
    // The item's kind chose this form, and its id names its file (chosen when the item is
    // made, shown in the page's heading; the API refuses a save that changes it): neither is
    // a field to edit. The form keeps keys it does not draw, so both stay in the value.
    if (itemKind && (key === 'kind' || key === 'id')) continue;
    const { spec, optional, defaultValue } = fieldSpec(fieldSchema, key, options, itemKind);
    const entry: FieldEntry = { key, spec, optional };
    if (defaultValue !== undefined) entry.defaultValue = defaultValue;
    entries.push(entry);
  }
  return entries;
}

/** The form of one kind of item: its fields, in the schema's order, without `kind`. */
export function describeItem(
  kind: ItemKind,
  options: DescribeOptions = {},
): { type: 'object'; fields: readonly FieldEntry[] } {
  return { type: 'object', fields: fieldsOf(itemSchemas[kind] as AnySchema, options, kind) };
}

import type { TFunction } from 'i18next';

/** A field's name in the reader's language; the key itself for a field the catalog lacks. */
export function fieldLabel(t: TFunction, key: string): string {
  return t(`form.field.${key}`, { defaultValue: key });
}

/** A short hint for a field, by its key, else by its type; undefined when it needs none. */
export function fieldHint(
  t: TFunction,
  exists: (key: string) => boolean,
  key: string,
  type: string,
): string | undefined {
  for (const hint of [`form.hint.${key}`, `form.hint.type.${type}`]) {
    if (exists(hint)) return t(hint);
  }
  return undefined;
}

import type { TFunction } from 'i18next';

/**
 * A field's name in the reader's language: the item kind's own word when the same key means
 * something else there (a video's `credit` is not a photo's, its `language` is spoken, not
 * sung), else the form's word; the key itself for a field the catalog lacks.
 */
export function fieldLabel(t: TFunction, key: string, kind?: string): string {
  const own = kind === undefined ? undefined : message(t, `form.fieldOfKind.${kind}.${key}`);
  return own ?? t(`form.field.${key}`, { defaultValue: key });
}

/** The message at `key`, if the catalog has one there (not a missing key, not a section). */
function message(t: TFunction, key: string): string | undefined {
  const found: unknown = t(key, { returnObjects: true });
  return typeof found === 'string' && found !== key && !found.endsWith(key) ? found : undefined;
}

/** A short hint for a field, by its key, else by its type; undefined when it needs none. */
export function fieldHint(t: TFunction, key: string, type: string): string | undefined {
  return message(t, `form.hint.${key}`) ?? message(t, `form.typeHint.${type}`);
}

/** Where a choice's words are: the case's own words for its steps and regimes, else the form's. */
const OPTION_KEYS: Readonly<Record<string, string>> = {
  kind: 'case:event',
  regime: 'case:regime',
  type: 'form.option.type',
  pastEvents: 'form.option.pastEvents',
};

/** A choice as the reader says it; the value as the file writes it when there are no words. */
export function optionLabel(t: TFunction, fieldKey: string | undefined, value: string): string {
  const prefix = fieldKey === undefined ? undefined : OPTION_KEYS[fieldKey];
  return prefix === undefined ? value : t(`${prefix}.${value}`, { defaultValue: value });
}

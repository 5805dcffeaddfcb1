import { z } from 'zod';
import { schemaProblem } from './fields';

/** A language code such as `en`, `ru`, `fr` or `pt-BR`. */
export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, schemaProblem('schema.languageCode'));
export type LanguageCode = z.infer<typeof languageCode>;

/**
 * Every human-readable field is either one string (same in every language) or a map from
 * language to string: `{ ru: …, en: …, fr: … }`.
 */
export const localizedText = z.union(
  [
    z.string().min(1, schemaProblem('zod.textEmpty')),
    z.record(languageCode, z.string().min(1, schemaProblem('zod.textEmpty'))),
  ],
  { error: schemaProblem('schema.localizedText') },
);
export type LocalizedText = z.infer<typeof localizedText>;

/**
 * Picks the text for `language`, falling back to `fallback` and then to any language, so a
 * missing translation shows the original instead of an empty slide.
 */
export function pickText(
  text: LocalizedText | undefined,
  language: string,
  fallback?: string,
): string | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return text;
  return text[language] ?? (fallback ? text[fallback] : undefined) ?? Object.values(text)[0];
}

/** The languages a text is written in; an undefined list means "the same in every language". */
export function textLanguages(text: LocalizedText | undefined): string[] | undefined {
  if (text === undefined || typeof text === 'string') return undefined;
  return Object.keys(text);
}

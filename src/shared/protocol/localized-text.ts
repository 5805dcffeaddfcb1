import { z } from 'zod';
import { translate, type CoreKey, type ProblemKey, type Translate } from '../i18n';

/**
 * Words the core sends a person (a content problem, a notice, a refusal): a catalog key with
 * its parameters, so each view shows them in its reader's language, and the English text for
 * logs, the CLI and a view too old to know the key.
 */
export const localizedTextSchema = z.strictObject({
  message: z.string(),
  /** `namespace:path.to.key`, looked up in the reader's catalog. */
  key: z
    .string()
    .regex(/^[a-z]+:[A-Za-z0-9_.]+$/)
    .optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
export type TextParams = Record<string, string | number>;

type TextNamespace = 'problems' | 'core';
const english: Partial<Record<TextNamespace, Translate>> = {};

/** The English of a key, from the English catalog: the one place English is written. */
function englishOf(namespace: TextNamespace, key: string, params: TextParams): string {
  english[namespace] ??= translate('en', namespace);
  return english[namespace](key, params);
}

function localizedText(namespace: TextNamespace, key: string, params?: TextParams): LocalizedText {
  const text: LocalizedText = {
    message: englishOf(namespace, key, params ?? {}),
    key: `${namespace}:${key}`,
  };
  if (params && Object.keys(params).length > 0) text.params = params;
  return text;
}

/** A content problem (`problems` catalog) with its parameters and its English. */
export function problem(key: ProblemKey, params?: TextParams): LocalizedText {
  return localizedText('problems', key, params);
}

/** A notice, refusal or error of the core (`core` catalog) with its parameters and English. */
export function coreText(key: CoreKey, params?: TextParams): LocalizedText {
  return localizedText('core', key, params);
}

/** The words in one language: its catalog key when it has one, else the English sent with it. */
export function renderText(t: Translate, text: LocalizedText | string): string {
  if (typeof text === 'string') return text;
  if (!text.key) return text.message;
  return t(text.key, { ...text.params, defaultValue: text.message });
}

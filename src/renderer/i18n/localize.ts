import type { TFunction } from 'i18next';
import type { LocalizedText } from '../../shared/protocol';

/**
 * Words from the core in the reader's language: its catalog key when this page knows it,
 * else the English the core sent with it, so nothing the core says is ever lost.
 */
export function localize(t: TFunction, text: LocalizedText | string): string {
  if (typeof text === 'string') return text;
  if (!text.key) return text.message;
  return t(text.key, { ...text.params, defaultValue: text.message });
}

import type { ItemBody } from '../../../../../shared/protocol/content-api';

/**
 * A new item's first lines: its kind, and the name it was given in the pack's default language
 * (a case names a person; every other kind has a title). The form asks for the rest, and the
 * save says what is still missing.
 */
export function freshItem(kind: string, title: string, language: string): ItemBody {
  const text = title ? { [language]: title } : undefined;
  const field = kind === 'case' ? 'name' : 'title';
  return text ? { kind, [field]: text } : { kind };
}

/** The words an item is called by, in the default language, for suggesting its id. */
export function itemTitle(item: ItemBody, language: string): string {
  const text = item.title ?? item.name;
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') {
    const words = text as Record<string, unknown>;
    const value = words[language] ?? Object.values(words)[0];
    return typeof value === 'string' ? value : '';
  }
  return '';
}

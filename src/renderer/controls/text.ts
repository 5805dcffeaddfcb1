import type { TFunction } from 'i18next';
import {
  itemKinds,
  pickText,
  type ContentItem,
  type ContentSnapshot,
  type LoadedItem,
} from '../../shared/content';
import type { Role } from '../../shared/protocol';

/**
 * The language item names are shown in on the console and the phone: the reader's own when the
 * pack is written in it (a French volunteer reads the French titles), else the pack's default.
 */
export function consoleLanguage(content: ContentSnapshot | null, reader?: string): string {
  if (reader && content?.pack.languages.includes(reader)) return reader;
  return content?.pack.defaultLanguage ?? 'en';
}

/** A name from the content as it stands, or our own words for one (a key in `console`). */
export type ItemName = string | { key: string; params: Record<string, string> };

/**
 * A short name for an item, as the operator recognises it: the pack's own words, untranslated.
 * Only an untitled drawing needs ours ("Drawing by …"), so this stays a pure rule.
 */
export function itemName(item: LoadedItem | ContentItem | undefined, language: string): ItemName {
  if (!item) return '—';
  const pick = (value: Parameters<typeof pickText>[0]) => pickText(value, language) ?? item.id;
  switch (item.kind) {
    case 'case':
      return pick(item.name);
    case 'drawing':
      return item.title
        ? pick(item.title)
        : { key: 'item.drawingBy', params: { artist: pick(item.artist) } };
    case 'statement':
      return item.title
        ? pick(item.title)
        : (pickText(item.text, language) ?? item.id).slice(0, 60);
    default:
      return 'title' in item && item.title
        ? pick(item.title as Parameters<typeof pickText>[0])
        : item.id;
  }
}

/** `itemName` in the reader's language (any `t` of the page: the key is in `console`). */
export function itemTitle(
  item: LoadedItem | ContentItem | undefined,
  language: string,
  t: TFunction,
): string {
  const name = itemName(item, language);
  return typeof name === 'string' ? name : t(name.key, { ...name.params, ns: 'console' });
}

/** The catalog key (`console`) of an item kind's name; unknown kinds show as they are. */
export function kindKey(kind: string): string | null {
  // Every kind the schema knows, so a new kind is named the day it is added (video was not).
  return (itemKinds as readonly string[]).includes(kind) ? `kind.${kind}` : null;
}

export function kindLabel(kind: string, t: TFunction): string {
  const key = kindKey(kind);
  return key ? t(key, { ns: 'console' }) : kind;
}

/** The catalog key (`console`) of what a connected client is, by its role. */
export function roleKey(role: Role): string {
  return `role.${role}`;
}

/**
 * "just now", "4 minutes ago", "2 hours ago", in the reader's language by Intl (its plural
 * forms and word order): no words of ours to translate, none to get wrong.
 */
export function since(thenMs: number, nowMs: number, language: string): string {
  const minutes = Math.floor(Math.max(0, nowMs - thenMs) / 60_000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (minutes < 1) return format.format(0, 'second');
  if (minutes < 60) return format.format(-minutes, 'minute');
  return format.format(-Math.floor(minutes / 60), 'hour');
}

import { itemKinds } from '../../../../../shared/content';
import type { ItemSummary } from '../../../../../shared/protocol/content-api';

/** One kind's items, as the list shows them under its heading. */
export interface KindSection {
  kind: string;
  items: ItemSummary[];
}

/** Lower case, accents gone: "Azat Miftakhov" is found by "miftakh", "Émilie" by "emil". */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
}

/**
 * The items a search finds, by kind in the order the docs list the kinds (kinds the app does
 * not know last, so nothing is hidden). `titles` are every language's words of an item (its
 * title or name): a search in Russian finds the item whose list title is English.
 */
export function findItems(
  items: readonly ItemSummary[],
  query: string,
  titles: ReadonlyMap<string, readonly string[]> = new Map(),
): KindSection[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  const found = items.filter((item) => {
    if (words.length === 0) return true;
    const haystack = foldForSearch([item.id, item.title, ...(titles.get(item.id) ?? [])].join(' '));
    return words.every((word) => haystack.includes(word));
  });
  const known: readonly string[] = itemKinds;
  const kinds = [
    ...known,
    ...new Set(found.map((item) => item.kind).filter((k) => !known.includes(k))),
  ];
  return kinds
    .map((kind) => ({
      kind,
      items: found
        .filter((item) => item.kind === kind)
        .sort((a, b) => a.title.localeCompare(b.title)),
    }))
    .filter((section) => section.items.length > 0);
}

/** An item's problems, counted: the list flags errors and warnings apart. */
export function problemCounts(item: Pick<ItemSummary, 'problems'>): {
  errors: number;
  warnings: number;
} {
  const errors = item.problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: item.problems.length - errors };
}

/** Every language's words of a localized text (a plain string is the same in all of them). */
export function allWords(text: unknown): string[] {
  if (typeof text === 'string') return [text];
  if (text && typeof text === 'object') {
    return Object.values(text).filter((value): value is string => typeof value === 'string');
  }
  return [];
}

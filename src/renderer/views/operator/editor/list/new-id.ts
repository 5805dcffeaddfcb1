/*
 * A new item's id: the file name and what playlists refer to it by, so `[a-z0-9-]` only, and
 * never one the pack already has (a save would overwrite that item).
 */

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 60;

/** Cyrillic letters as their usual Latin spelling, so "Азат Мифтахов" suggests `azat-miftakhov`. */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** The id a title suggests: `Free Boris Kagarlitsky!` → `free-boris-kagarlitsky`, made unique. */
export function suggestId(title: string, taken: ReadonlySet<string>): string {
  const latin = [...title.toLocaleLowerCase('und')]
    .map((letter) => CYRILLIC[letter] ?? letter)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const base =
    latin
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, MAX_ID_LENGTH)
      .replace(/^-+|-+$/g, '') || 'item';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export type IdProblem = 'empty' | 'pattern' | 'taken';

/** What is wrong with an id typed for a new item, or null. */
export function idProblem(id: string, taken: ReadonlySet<string>): IdProblem | null {
  if (id === '') return 'empty';
  if (!ID_PATTERN.test(id) || id.length > MAX_ID_LENGTH) return 'pattern';
  return taken.has(id) ? 'taken' : null;
}

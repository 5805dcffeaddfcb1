/*
 * A readable Latin slug of any text: how a title becomes an item id and an uploaded file's name
 * becomes a file name (`Фото Бориса` → `foto-borisa`). One rule, so the console's suggested id,
 * an imported song's id and an upload's name agree.
 */

// Russian and Ukrainian letters, as the campaign's own names are written in Latin letters.
// prettier-ignore
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z',
  и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y',
  ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// Letters that do not come apart into a base letter and an accent.
// prettier-ignore
const LATIN_EXTRA: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ð: 'd', ı: 'i',
};

/**
 * `text` as lower-case ASCII letters, digits and single dashes, at most `maxLength` long, with
 * no dash at either end; `fallback` when nothing of it is left.
 */
export function latinSlug(text: string, maxLength: number, fallback: string): string {
  const latin = [...text.toLowerCase().normalize('NFC')]
    .map((char) => CYRILLIC[char] ?? LATIN_EXTRA[char] ?? char)
    .join('')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
  const slug = latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/*
 * The base name an uploaded file is saved under, from the name its sender gave: readable
 * lower-case ASCII (`Фото Бориса.JPG` → `foto-borisa`), never a path, never a hidden file.
 * The extension is not taken from it: the bytes decide the type.
 */

export const MAX_UPLOAD_NAME = 60;
const FALLBACK_NAME = 'image';

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

export function safeUploadName(claimed: string): string {
  // Only the last path part, whichever separator the sender's system uses.
  const last = claimed.split(/[/\\]/).pop() ?? '';
  // The claimed extension goes: the saved one comes from the bytes.
  const stem = last.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const latin = [...stem.toLowerCase()]
    .map((char) => CYRILLIC[char] ?? LATIN_EXTRA[char] ?? char)
    .join('')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const slug = latin
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_UPLOAD_NAME)
    .replace(/-+$/, '');
  return slug === '' ? FALLBACK_NAME : slug;
}

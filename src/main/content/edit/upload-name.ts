import { latinSlug } from '../../../shared/content/latin-slug';

/*
 * The base name an uploaded file is saved under, from the name its sender gave: readable
 * lower-case ASCII (`Фото Бориса.JPG` → `foto-borisa`), never a path, never a hidden file.
 * The extension is not taken from it: the bytes decide the type.
 */

export const MAX_UPLOAD_NAME = 60;
const FALLBACK_NAME = 'image';

export function safeUploadName(claimed: string, fallback: string = FALLBACK_NAME): string {
  // Only the last path part, whichever separator the sender's system uses.
  const last = claimed.split(/[/\\]/).pop() ?? '';
  // The claimed extension goes: the saved one comes from the bytes.
  const stem = last.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return latinSlug(stem, MAX_UPLOAD_NAME, fallback);
}

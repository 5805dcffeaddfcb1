import { IMPORT_EXTENSIONS, MAX_IMPORT_BYTES } from '../../../../../shared/content/import';
import type { ImportOutcome, ImportSource } from './run-import';

type FileSource = Extract<ImportSource, { kind: 'file' }>;
type Refusal = Extract<ImportOutcome, { state: 'error' }>;

/**
 * A chosen file's text, or why not: a kind the import does not read, or larger than any song
 * (refused by its size before a byte is read).
 */
export async function readSongFile(file: File): Promise<FileSource | Refusal> {
  const name = file.name.toLowerCase();
  if (!IMPORT_EXTENSIONS.some((extension) => name.endsWith(extension))) {
    return { state: 'error', key: 'unknownFormat', params: {} };
  }
  if (file.size > MAX_IMPORT_BYTES) {
    return { state: 'error', key: 'tooLarge', params: { limit: MAX_IMPORT_BYTES / 1024 } };
  }
  try {
    return { kind: 'file', name: file.name, text: await file.text() };
  } catch {
    return { state: 'error', key: 'readFailed', params: {} };
  }
}

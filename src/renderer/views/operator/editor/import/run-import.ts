import {
  ImportError,
  importColumns,
  importPaste,
  importSongFile,
  type ImportErrorKey,
  type ImportOptions,
  type ImportResult,
  type SongFormat,
} from '../../../../../shared/content/import';

/*
 * The dialog's state, and what it makes: pure, so the rules are tested without a DOM, and the
 * preview is always exactly what "Use this song" hands on.
 */

export type ImportSource =
  | { kind: 'columns'; original: string; translation: string }
  | { kind: 'oneBox'; text: string }
  | { kind: 'file'; name: string; text: string };

export type ImportOutcome =
  | { state: 'empty' }
  | { state: 'ok'; result: ImportResult; format?: SongFormat }
  | {
      state: 'error';
      key: ImportErrorKey | 'unreadable' | 'readFailed';
      params: ImportError['params'];
    };

function blank(source: ImportSource): boolean {
  if (source.kind === 'columns')
    return source.original.trim() === '' && source.translation.trim() === '';
  return source.text.trim() === '';
}

export function runImport(source: ImportSource, options: ImportOptions): ImportOutcome {
  if (blank(source)) return { state: 'empty' };
  try {
    if (source.kind === 'columns') {
      return { state: 'ok', result: importColumns(source.original, source.translation, options) };
    }
    if (source.kind === 'oneBox') return { state: 'ok', result: importPaste(source.text, options) };
    const { format, ...result } = importSongFile(source.name, source.text, options);
    return { state: 'ok', result, format };
  } catch (error) {
    if (error instanceof ImportError)
      return { state: 'error', key: error.key, params: error.params };
    // A parser's own failure must not take the console down mid-show: it is one more refusal.
    return { state: 'error', key: 'unreadable', params: {} };
  }
}

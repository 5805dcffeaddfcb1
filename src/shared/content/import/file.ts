import { importChordPro } from './chordpro';
import { importLrc } from './lrc-file';
import { importOpenLyrics } from './openlyrics';
import { importPaste } from './paste';
import { cleanInput } from './text';
import { ImportError, type ImportOptions, type ImportResult } from './types';

/** The file kinds the song import reads, by name ending. */
export const IMPORT_EXTENSIONS = ['.xml', '.cho', '.chopro', '.crd', '.chordpro', '.lrc', '.txt'];

export type SongFormat = 'openlyrics' | 'chordpro' | 'lrc' | 'text';

const BY_EXTENSION: Record<string, SongFormat> = {
  xml: 'openlyrics',
  cho: 'chordpro',
  chopro: 'chordpro',
  crd: 'chordpro',
  chordpro: 'chordpro',
  lrc: 'lrc',
};

/** What a file is: its name first; a `.txt` (or a name that says nothing) by its first lines. */
export function songFormat(fileName: string, text: string): SongFormat {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const named = BY_EXTENSION[extension];
  if (named) return named;
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 2000);
  if (head.startsWith('<')) return 'openlyrics';
  if (/^\{\s*(t|title|start_of_\w+|so[vcb])\s*[:}]/im.test(head)) return 'chordpro';
  if (/^\s*\[\d{1,3}:\d{1,2}([.:]\d{1,3})?\]/m.test(head)) return 'lrc';
  return 'text';
}

const IMPORTERS: Record<SongFormat, (text: string, options: ImportOptions) => ImportResult> = {
  openlyrics: importOpenLyrics,
  chordpro: importChordPro,
  lrc: importLrc,
  text: importPaste,
};

/** A song from a file's name and text, in whichever format it is. */
export function importSongFile(
  fileName: string,
  text: string,
  options: ImportOptions,
): ImportResult & { format: SongFormat } {
  if (cleanInput(text).trim() === '') throw new ImportError('empty');
  const format = songFormat(fileName, text);
  return { ...IMPORTERS[format](text, options), format };
}

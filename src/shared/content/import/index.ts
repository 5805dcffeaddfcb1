export { importColumns, importPaste } from './paste';
export { importOpenLyrics } from './openlyrics';
export { importChordPro } from './chordpro';
export { importLrc } from './lrc-file';
export { importSongFile, songFormat, IMPORT_EXTENSIONS, type SongFormat } from './file';
export * from './types';

import type { ItemBody } from '../../../../../shared/protocol/content-api';

export interface ImportSongProps {
  /** The pack's languages, default first. */
  languages: readonly string[];
  /** A new song item (kind, title, language, sections, lrc…), to open in the editor unsaved. */
  onImported: (song: ItemBody) => void;
  onCancel: () => void;
}

/** Paste lyrics or load OpenLyrics / ChordPro. (Stub: the song-import work fills it in.) */
export function ImportSong(_props: ImportSongProps) {
  return null;
}

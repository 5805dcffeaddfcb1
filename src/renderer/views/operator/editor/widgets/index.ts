import type { WidgetRegistry } from '../form/spec';
import { ItemRefField } from './ItemRefField';
import { LyricsField } from './LyricsField';
import { MediaField } from './MediaField';
import { PlaylistEntriesField } from './PlaylistEntriesField';
import { SubtitlesField } from './SubtitlesField';
import { VideoFileField } from './VideoFileField';
import './widgets.css';

/** The editor's widgets, by the field type they draw. */
export const editorWidgets: WidgetRegistry = {
  media: MediaField,
  itemRef: ItemRefField,
  playlistEntries: PlaylistEntriesField,
  lyrics: LyricsField,
  videoFile: VideoFileField,
  subtitles: SubtitlesField,
};

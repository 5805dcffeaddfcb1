export { ShowEngine, positionOf, systemClock } from './engine';
export type { Clock, ShowEngineOptions, ShowListener, ShowPosition } from './engine';
export {
  playOrder,
  shuffle,
  startingPlaylist,
  playlists,
  findShowItem,
  nextOrderChange,
} from './playlist-order';
export type { PlannedItem, OrderOptions } from './playlist-order';
export { defaultSeconds, durationMs } from './durations';
export { moveLine } from './lyrics-cursor';
export type { LyricsMove } from './lyrics-cursor';
export { lineTimes, lineAt } from './lyrics-timing';
export type { LineTimes } from './lyrics-timing';

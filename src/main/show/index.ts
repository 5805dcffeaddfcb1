export { ShowEngine, systemClock } from './engine';
export type { Clock, CommandResult, ShowEngineOptions, ShowListener } from './engine';
export { playOrder, shuffle, startingPlaylist, playlists, findShowItem } from './playlist-order';
export type { PlannedItem, OrderOptions } from './playlist-order';
export { defaultSeconds, durationMs } from './durations';

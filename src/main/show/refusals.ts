import type { LoadedItem, SongItem } from '../../shared/content';
import { coreText, fail, ok, type LocalizedText, type Result } from '../../shared/protocol';

/**
 * Why the show refuses a command, in words for whoever sent it (`core` catalog keys). Kept
 * apart from the engine so its dispatch reads as what it does.
 */

/** Why `song` cannot be sung now. */
export function songRefusal(song: SongItem, safeMode: boolean): LocalizedText | null {
  if (song.sections.length === 0) return coreText('show.noLyrics', { id: song.id });
  if (safeMode && song.sensitive) return coreText('show.sensitiveInSafeMode', { id: song.id });
  return null;
}

/** Why `songId`, which is not a song, cannot be sung. */
export function notASong(songId: string, item: LoadedItem | undefined): LocalizedText {
  return item
    ? coreText('show.notASong', { id: songId, kind: item.kind })
    : coreText('show.noSong', { id: songId });
}

/** Why `itemId`, which is not a slide, cannot be put up with `goTo`. */
export function notASlide(itemId: string, item: LoadedItem | undefined): LocalizedText {
  if (!item) return coreText('show.noItem', { id: itemId });
  return item.kind === 'setlist'
    ? coreText('show.setlistNotSlide', { id: itemId })
    : coreText('show.playlistNotSlide', { id: itemId });
}

/** Why a slide that exists is not in today's order. */
export function notInOrder(
  item: { id: string; sensitive?: boolean },
  playlistId: string | null,
  safeMode: boolean,
): LocalizedText {
  if (safeMode && item.sensitive) return coreText('show.sensitiveInSafeMode', { id: item.id });
  return playlistId === null
    ? coreText('show.cannotShowNow', { id: item.id })
    : coreText('show.notInPlaylistToday', { id: item.id, playlist: playlistId });
}

export function nothingToPlay(playlistId: string | null): LocalizedText {
  return playlistId === null
    ? coreText('show.nothingToPlay')
    : coreText('show.nothingToPlayInPlaylist', { playlist: playlistId });
}

/** Why a setlist's interlude could not start, with the playlist's own reason inside. */
export function interludeRefusal(setlistId: string, reason: LocalizedText): LocalizedText {
  return coreText('show.interludeCannotPlay', {
    ...reason.params,
    id: setlistId,
    reason: reason.key ?? 'core:show.cannotShowNow',
  });
}

/** A refusal as the command's result: `ok` when there is none. */
export function resultOf(refusal: LocalizedText | null): Result {
  return refusal === null ? ok : fail(refusal);
}

/** A command the core's routing table should never have sent here: a wiring bug, said plainly. */
export function notAShowCommand(name: string): LocalizedText {
  return coreText('command.notShowCommand', { command: name });
}

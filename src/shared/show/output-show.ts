import { MAIN_PLAYLIST, type OutputJob, type ShowState } from '../protocol';
import type { ShowLoop } from './loop';

/**
 * Where one playlist's own loop stands (a screen on the merch playlist while the projector
 * runs the main show): the part of `ShowState` a loop decides.
 */
export type PlaylistPlay = Pick<
  ShowState,
  | 'playlistId'
  | 'sequence'
  | 'order'
  | 'position'
  | 'itemId'
  | 'startedAt'
  | 'durationMs'
  | 'playback'
  | 'showAt'
>;

/**
 * Where a loop stands, as a state carries it: its playlist, order and the item on air with its
 * timing. The sequence and the change stamp are the caller's (a core stamp, an offline shift).
 */
export function loopStanding(loop: ShowLoop): Omit<PlaylistPlay, 'sequence' | 'showAt'> {
  const current = loop.current();
  return {
    playlistId: loop.playlistId,
    order: loop.order.map((p) => p.itemId),
    position: current ? loop.position : 0,
    itemId: current?.itemId ?? null,
    startedAt: loop.startedAt,
    durationMs: current?.durationMs ?? 0,
    playback: current?.playback ?? null,
  };
}

/** What of an output's job decides what it shows and how it looks. */
export type OutputShowJob = Pick<
  OutputJob,
  'playlist' | 'languages' | 'followLyrics' | 'theme' | 'orientation'
>;

/** Whether a song with live lyrics is on air on the main show (it holds the loop). */
export function songOnAir(main: ShowState): boolean {
  return main.lyrics !== null && main.itemId === main.lyrics.songId;
}

/**
 * What one output shows: the one place that answers "what does my output show".
 *
 * - On `main`, the main show, as the kiosk shows it.
 * - On another playlist, that playlist's own loop (`own`). During a song on the main show, an
 *   output that follows lyrics shows the song; one that does not keeps its playlist.
 * - Its playlist not running now (out of its dates, or no loop yet): the main show, so the
 *   screen is never empty while the venue's show runs.
 * - Blackout and safe mode are the main show's and hold on every output; pause and the
 *   operator's setlist are the main show's only.
 * - Its languages, when it has any, replace the venue screens' languages.
 * - Its look (theme, which way up) goes with it, whatever it shows.
 */
export function showForOutput(
  main: ShowState,
  job: OutputShowJob,
  own: PlaylistPlay | null,
): ShowState {
  const outputLanguages =
    job.languages.length > 0
      ? { ...main.outputLanguages, display: [...job.languages] }
      : main.outputLanguages;
  const followsMain =
    job.playlist === MAIN_PLAYLIST ||
    own === null ||
    own.playlistId !== job.playlist ||
    (job.followLyrics && songOnAir(main));
  const look = { theme: job.theme, orientation: job.orientation };
  if (followsMain) return { ...main, outputLanguages, look };
  // The main show's change stamp is for its own slide: an own loop carries its own.
  const { showAt: _mainShowAt, ...shared } = main;
  return {
    ...shared,
    outputLanguages,
    look,
    playlistId: own.playlistId,
    sequence: own.sequence,
    order: [...own.order],
    position: own.position,
    itemId: own.itemId,
    startedAt: own.startedAt,
    durationMs: own.durationMs,
    playback: own.playback ?? null,
    paused: false,
    remainingMs: null,
    lyrics: null,
    setlist: null,
    video: null,
    ...(own.showAt === undefined ? {} : { showAt: own.showAt }),
  };
}

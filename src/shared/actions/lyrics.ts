import { always, type Action, type ActionContext } from './action';
import { cursorSong, lyricsOnAir } from './on-air';

/*
 * Live lyrics: the line being sung, moved by hand, and timed lyrics (a song with LRC) run by
 * the core's clock after a start cue. The line keys are listed before the slide keys in the
 * registry, so while a song is on the arrows, Space and the clicker move the song.
 */

const whileLyrics = (ctx: ActionContext) => lyricsOnAir(ctx.show);

const songIsTimed = (ctx: ActionContext) =>
  lyricsOnAir(ctx.show) && cursorSong(ctx)?.lrc !== undefined;

export const lyricsNextAction: Action = {
  name: 'lyricsNext',
  labelKey: 'label.lyricsNext',
  group: 'lyrics',
  keys: [' ', 'ArrowRight', 'PageDown'],
  available: whileLyrics,
  command: () => ({ name: 'lyricsNext' }),
};

export const lyricsPreviousAction: Action = {
  name: 'lyricsPrevious',
  labelKey: 'label.lyricsPrevious',
  group: 'lyrics',
  keys: ['ArrowLeft', 'PageUp'],
  available: whileLyrics,
  command: () => ({ name: 'lyricsPrevious' }),
};

export const lyricsNextStanzaAction: Action = {
  name: 'lyricsNextStanza',
  labelKey: 'label.lyricsNextStanza',
  group: 'lyrics',
  keys: ['ArrowDown', 'Shift+ArrowRight', 'Shift+PageDown'],
  available: whileLyrics,
  command: () => ({ name: 'lyricsNextStanza' }),
};

export const lyricsPreviousStanzaAction: Action = {
  name: 'lyricsPreviousStanza',
  labelKey: 'label.lyricsPreviousStanza',
  group: 'lyrics',
  keys: ['ArrowUp', 'Shift+ArrowLeft', 'Shift+PageUp'],
  available: whileLyrics,
  command: () => ({ name: 'lyricsPreviousStanza' }),
};

export const lyricsEndAction: Action = {
  name: 'lyricsEnd',
  labelKey: 'label.lyricsEnd',
  group: 'lyrics',
  keys: ['e', 'E'],
  available: (ctx) => ctx.show.lyrics !== null,
  command: () => ({ name: 'lyricsEnd' }),
};

/** Clicking a line of the song: jump straight to it. */
export const lyricsGoToAction: Action<number> = {
  name: 'lyricsGoTo',
  labelKey: 'label.lyricsGoTo',
  group: 'lyrics',
  keys: [],
  available: (ctx) => ctx.show.lyrics !== null,
  command: (_ctx, line) => ({ name: 'lyricsGoTo', line }),
};

export const lyricsStartAction: Action<string> = {
  name: 'lyricsStart',
  labelKey: 'label.lyricsStart',
  group: 'lyrics',
  keys: [],
  available: always,
  command: (_ctx, songId) => ({ name: 'lyricsStart', songId }),
};

export const timedStartAction: Action = {
  name: 'lyricsTimedStart',
  labelKey: 'label.lyricsTimedStart',
  group: 'timed',
  keys: ['t', 'T'],
  available: songIsTimed,
  command: () => ({ name: 'lyricsTimedStart' }),
};

export const timedPauseAction: Action = {
  name: 'lyricsTimedToggle',
  labelKey: 'label.lyricsTimedToggle',
  group: 'timed',
  keys: ['k', 'K'],
  available: (ctx) => songIsTimed(ctx) && ctx.show.lyrics?.timed != null,
  command: (ctx) => {
    const timed = ctx.show.lyrics?.timed;
    if (!timed) return null;
    return { name: timed.running ? 'lyricsTimedPause' : 'lyricsTimedResume' };
  },
};

/** How far one nudge moves the song's clock. */
export const NUDGE_MS = 500;

export const nudgeBackAction: Action = {
  name: 'lyricsNudgeBack',
  labelKey: 'label.lyricsNudgeBack',
  group: 'timed',
  keys: ['-', '['],
  available: songIsTimed,
  command: () => ({ name: 'lyricsNudge', ms: -NUDGE_MS }),
};

export const nudgeForwardAction: Action = {
  name: 'lyricsNudgeForward',
  labelKey: 'label.lyricsNudgeForward',
  group: 'timed',
  keys: ['+', '=', ']'],
  available: songIsTimed,
  command: () => ({ name: 'lyricsNudge', ms: NUDGE_MS }),
};

import { always, type Action } from './action';
import { nextSong } from './on-air';

/** N: the song the core says comes next (`show.setlist.nextSongIndex`). */
export const nextSongAction: Action = {
  name: 'nextSong',
  label: 'Next song',
  group: 'setlist',
  keys: ['n', 'N'],
  available: (ctx) => nextSong(ctx) !== null,
  command: (ctx) => {
    const next = nextSong(ctx);
    return next ? { name: 'lyricsStart', songId: next.songId } : null;
  },
};

export const setlistStartAction: Action<string> = {
  name: 'setlistStart',
  label: 'Start the setlist',
  group: 'setlist',
  keys: [],
  available: always,
  command: (_ctx, setlistId) => ({ name: 'setlistStart', setlistId }),
};

export const setlistStopAction: Action = {
  name: 'setlistStop',
  label: 'Leave setlist mode',
  group: 'setlist',
  keys: [],
  available: (ctx) => ctx.show.setlist !== null,
  command: () => ({ name: 'setlistStop' }),
};

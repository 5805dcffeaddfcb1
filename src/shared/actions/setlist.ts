import { always, type Action } from './action';
import { nextSong } from './on-air';

/** N: the song the core says comes next (`show.setlist.nextSongIndex`). */
export const nextSongAction: Action = {
  name: 'nextSong',
  labelKey: 'label.nextSong',
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
  labelKey: 'label.setlistStart',
  group: 'setlist',
  keys: [],
  available: always,
  command: (_ctx, setlistId) => ({ name: 'setlistStart', setlistId }),
};

export const setlistStopAction: Action = {
  name: 'setlistStop',
  labelKey: 'label.setlistStop',
  group: 'setlist',
  keys: [],
  available: (ctx) => ctx.show.setlist !== null,
  command: () => ({ name: 'setlistStop' }),
};

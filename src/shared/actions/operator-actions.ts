import type { ContentSnapshot, LoadedItem, SongItem } from '../content';
import type { Command } from '../protocol/commands';
import type { OverlayElement, Output, ShowState } from '../protocol/show-state';
import {
  blackoutAction,
  nextAction,
  pauseAction,
  previousAction,
  safeModeAction,
  type ShowAction,
} from './show';

/** What an operator action looks at to decide what it sends. */
export interface OperatorContext {
  show: ShowState;
  content: ContentSnapshot | null;
  /**
   * In setlist mode, the last song of each setlist that was on (by setlist id). The show
   * state says only which song is on now; between songs the console remembers where the
   * concert got to, so "next song" knows what comes next.
   */
  lastSongIndex?: Readonly<Record<string, number>>;
}

export type ActionGroup =
  'lyrics' | 'timed' | 'setlist' | 'show' | 'overlay' | 'outputs' | 'remote';

/** The sheet's headings, in the order the groups are listed. */
export const actionGroups: readonly { group: ActionGroup; title: string }[] = [
  { group: 'show', title: 'Slides' },
  { group: 'lyrics', title: 'Live lyrics (while a song is on)' },
  { group: 'timed', title: 'Timed lyrics (songs with LRC)' },
  { group: 'setlist', title: 'Setlist' },
  { group: 'overlay', title: 'Stream overlay' },
  { group: 'outputs', title: 'Outputs' },
  { group: 'remote', title: 'Phone remote' },
];

/**
 * An operator command as a registered object, like the kiosk's `ShowAction`, with what the
 * console needs besides: a group for the shortcut sheet, whether it applies right now, and a
 * parameter for the controls that pick something (an item, a line, a device). Keys and
 * buttons both call `command`, so a key and its button can never disagree.
 */
export interface OperatorAction<P = void> {
  name: string;
  label: string;
  group: ActionGroup;
  /** Key chords (`keyChord`): `KeyboardEvent.key`, with `Shift+` for shifted named keys. */
  keys: readonly string[];
  /**
   * Whether the action does anything now. A key whose action does not apply falls through
   * to the next action listed with that key: that is how one clicker drives lyrics or slides.
   */
  available: (ctx: OperatorContext) => boolean;
  /** The command to send, or null when there is nothing to do. */
  command: (ctx: OperatorContext, param: P) => Command | null;
}

const always = () => true;

type KeyEvent = {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
};

/**
 * The chord a key press stands for. Shift is part of it only for named keys (`Shift+ArrowRight`):
 * for a character, the shifted character is already in `key` ('?', 'B', '+').
 */
export function keyChord(event: KeyEvent): string {
  return event.shiftKey && event.key.length > 1 ? `Shift+${event.key}` : event.key;
}

// ---- What is on air ----

export function itemById(content: ContentSnapshot | null, id: string | null | undefined) {
  return id ? content?.items.find((item) => item.id === id) : undefined;
}

function songById(content: ContentSnapshot | null, id: string | null | undefined) {
  const item = itemById(content, id);
  return item?.kind === 'song' ? (item as SongItem & { source: string }) : undefined;
}

/** A song's lyrics are on air: the core has a lyrics cursor for the item on air. */
export function lyricsOnAir(show: ShowState): boolean {
  return show.lyrics !== null && show.itemId === show.lyrics.songId;
}

/**
 * The clicker rule. A presentation clicker has two buttons (PageDown and PageUp), and the
 * operator has no hand free to switch modes: while a song's lyrics are on air they move the
 * lyrics line by line, otherwise they move the slides.
 */
export function clickerTarget(show: ShowState): 'lyrics' | 'slides' {
  return lyricsOnAir(show) ? 'lyrics' : 'slides';
}

/** The song whose lyrics the cursor is on, if its item is loaded. */
export function cursorSong(ctx: Pick<OperatorContext, 'show' | 'content'>) {
  return ctx.show.lyrics ? songById(ctx.content, ctx.show.lyrics.songId) : undefined;
}

const songIsTimed = (ctx: OperatorContext) =>
  lyricsOnAir(ctx.show) && cursorSong(ctx)?.lrc !== undefined;

export type LoadedSetlist = Extract<LoadedItem, { kind: 'setlist' }>;

export function setlistsOf(content: ContentSnapshot | null): LoadedSetlist[] {
  return (content?.items ?? []).filter((item): item is LoadedSetlist => item.kind === 'setlist');
}

export function activeSetlist(ctx: Pick<OperatorContext, 'show' | 'content'>) {
  const id = ctx.show.setlist?.setlistId;
  return id ? setlistsOf(ctx.content).find((s) => s.id === id) : undefined;
}

/** A song the core can follow line by line: it has lyrics. */
export function hasLyrics(content: ContentSnapshot | null, songId: string): boolean {
  const song = songById(content, songId);
  return song !== undefined && song.sections.length > 0;
}

/**
 * Which song of the active setlist "next song" starts: the first with lyrics after the song on
 * now, or between songs after the last that was on (from the top when none was). A song with
 * no lyrics has nothing to follow, so the interlude loop simply runs on through it.
 */
export function nextSongIndex(ctx: OperatorContext): number | null {
  const setlist = activeSetlist(ctx);
  if (!setlist || !ctx.show.setlist) return null;
  const on = ctx.show.setlist.songIndex;
  const last = on ?? ctx.lastSongIndex?.[setlist.id] ?? -1;
  for (let next = last + 1; next < setlist.songs.length; next++) {
    if (hasLyrics(ctx.content, setlist.songs[next] as string)) return next;
  }
  return null;
}

// ---- The actions ----

const fromShowAction = (
  action: ShowAction,
  overrides: Partial<OperatorAction> = {},
): OperatorAction => ({
  name: action.name,
  label: action.label,
  group: 'show',
  keys: action.keys,
  available: always,
  command: (ctx) => action.command(ctx.show),
  ...overrides,
});

const whileLyrics = (ctx: OperatorContext) => lyricsOnAir(ctx.show);

export const lyricsNextAction: OperatorAction = {
  name: 'lyricsNext',
  label: 'Next line',
  group: 'lyrics',
  keys: [' ', 'ArrowRight', 'PageDown'],
  available: whileLyrics,
  command: () => ({ name: 'lyricsNext' }),
};

export const lyricsPreviousAction: OperatorAction = {
  name: 'lyricsPrevious',
  label: 'Previous line',
  group: 'lyrics',
  keys: ['ArrowLeft', 'PageUp'],
  available: whileLyrics,
  command: () => ({ name: 'lyricsPrevious' }),
};

export const lyricsNextStanzaAction: OperatorAction = {
  name: 'lyricsNextStanza',
  label: 'Next stanza',
  group: 'lyrics',
  keys: ['ArrowDown', 'Shift+ArrowRight', 'Shift+PageDown'],
  available: whileLyrics,
  command: () => ({ name: 'lyricsNextStanza' }),
};

export const lyricsPreviousStanzaAction: OperatorAction = {
  name: 'lyricsPreviousStanza',
  label: 'Previous stanza',
  group: 'lyrics',
  keys: ['ArrowUp', 'Shift+ArrowLeft', 'Shift+PageUp'],
  available: whileLyrics,
  command: () => ({ name: 'lyricsPreviousStanza' }),
};

export const lyricsEndAction: OperatorAction = {
  name: 'lyricsEnd',
  label: 'End song',
  group: 'lyrics',
  keys: ['e', 'E'],
  available: (ctx) => ctx.show.lyrics !== null,
  command: () => ({ name: 'lyricsEnd' }),
};

/** Clicking a line of the song: jump straight to it. */
export const lyricsGoToAction: OperatorAction<number> = {
  name: 'lyricsGoTo',
  label: 'Jump to a line',
  group: 'lyrics',
  keys: [],
  available: (ctx) => ctx.show.lyrics !== null,
  command: (_ctx, line) => ({ name: 'lyricsGoTo', line }),
};

export const lyricsStartAction: OperatorAction<string> = {
  name: 'lyricsStart',
  label: 'Start a song',
  group: 'lyrics',
  keys: [],
  available: always,
  command: (_ctx, songId) => ({ name: 'lyricsStart', songId }),
};

export const timedStartAction: OperatorAction = {
  name: 'lyricsTimedStart',
  label: 'Start cue',
  group: 'timed',
  keys: ['t', 'T'],
  available: songIsTimed,
  command: () => ({ name: 'lyricsTimedStart' }),
};

export const timedPauseAction: OperatorAction = {
  name: 'lyricsTimedToggle',
  label: 'Pause / resume timing',
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

export const nudgeBackAction: OperatorAction = {
  name: 'lyricsNudgeBack',
  label: 'Nudge −0.5 s',
  group: 'timed',
  keys: ['-', '['],
  available: songIsTimed,
  command: () => ({ name: 'lyricsNudge', ms: -NUDGE_MS }),
};

export const nudgeForwardAction: OperatorAction = {
  name: 'lyricsNudgeForward',
  label: 'Nudge +0.5 s',
  group: 'timed',
  keys: ['+', '=', ']'],
  available: songIsTimed,
  command: () => ({ name: 'lyricsNudge', ms: NUDGE_MS }),
};

export const nextSongAction: OperatorAction = {
  name: 'nextSong',
  label: 'Next song',
  group: 'setlist',
  keys: ['n', 'N'],
  available: (ctx) => nextSongIndex(ctx) !== null,
  command: (ctx) => {
    const index = nextSongIndex(ctx);
    const songId = index === null ? undefined : activeSetlist(ctx)?.songs[index];
    return songId ? { name: 'lyricsStart', songId } : null;
  },
};

export const setlistStartAction: OperatorAction<string> = {
  name: 'setlistStart',
  label: 'Start the setlist',
  group: 'setlist',
  keys: [],
  available: always,
  command: (_ctx, setlistId) => ({ name: 'setlistStart', setlistId }),
};

export const setlistStopAction: OperatorAction = {
  name: 'setlistStop',
  label: 'Leave setlist mode',
  group: 'setlist',
  keys: [],
  available: (ctx) => ctx.show.setlist !== null,
  command: () => ({ name: 'setlistStop' }),
};

export const operatorNextAction = fromShowAction(nextAction, { label: 'Next slide' });
export const operatorPreviousAction = fromShowAction(previousAction, { label: 'Previous slide' });
/** Space pauses only between songs (during one it is "next line"); P always does. */
export const operatorPauseAction = fromShowAction(pauseAction, {
  keys: [...pauseAction.keys, 'p', 'P'],
});
/** '.' too: it is what a clicker's "blank screen" button sends. */
export const operatorBlackoutAction = fromShowAction(blackoutAction, {
  keys: [...blackoutAction.keys, '.'],
});
export const operatorSafeModeAction = fromShowAction(safeModeAction);

export const goToAction: OperatorAction<string> = {
  name: 'goTo',
  label: 'Show this item now',
  group: 'show',
  keys: [],
  available: always,
  command: (_ctx, itemId) => ({ name: 'goTo', itemId }),
};

export const setPlaylistAction: OperatorAction<string> = {
  name: 'setPlaylist',
  label: 'Switch playlist',
  group: 'show',
  keys: [],
  available: always,
  command: (_ctx, playlistId) => ({ name: 'setPlaylist', playlistId }),
};

const overlayLabels: Record<OverlayElement, string> = {
  lowerThird: 'Lower third',
  lyrics: 'Lyrics',
  drawing: 'Drawing',
  nowPlaying: 'Now playing',
};

function overlayAction(element: OverlayElement, key: string): OperatorAction {
  return {
    name: `overlay.${element}`,
    label: `Overlay: ${overlayLabels[element]}`,
    group: 'overlay',
    keys: [key],
    available: always,
    command: (ctx) => ({ name: 'overlay', element, on: !(ctx.show.overlays[element] ?? false) }),
  };
}

export const overlayActions: readonly OperatorAction[] = [
  overlayAction('lowerThird', '1'),
  overlayAction('lyrics', '2'),
  overlayAction('drawing', '3'),
  overlayAction('nowPlaying', '4'),
];

export function overlayLabel(element: OverlayElement): string {
  return overlayLabels[element];
}

export const outputLanguagesAction: OperatorAction<{ output: Output; languages: string[] }> = {
  name: 'setOutputLanguages',
  label: 'Languages per output',
  group: 'outputs',
  keys: [],
  available: always,
  command: (_ctx, { output, languages }) => ({ name: 'setOutputLanguages', output, languages }),
};

export const remoteEnableAction: OperatorAction<boolean> = {
  name: 'remoteEnable',
  label: 'Phone remote on / off',
  group: 'remote',
  keys: [],
  available: always,
  command: (_ctx, on) => ({ name: 'remoteEnable', on }),
};

export const remoteRevokeAction: OperatorAction<string> = {
  name: 'remoteRevoke',
  label: 'Unpair a phone',
  group: 'remote',
  keys: [],
  available: always,
  command: (_ctx, deviceId) => ({ name: 'remoteRevoke', deviceId }),
};

/**
 * The actions keys can trigger, in the order a key is looked up: lyrics before slides, so
 * the arrows, Space and the clicker move the song while one is on and the slides otherwise.
 */
export const operatorKeyActions: readonly OperatorAction[] = [
  lyricsNextAction,
  lyricsPreviousAction,
  lyricsNextStanzaAction,
  lyricsPreviousStanzaAction,
  lyricsEndAction,
  timedStartAction,
  timedPauseAction,
  nudgeBackAction,
  nudgeForwardAction,
  nextSongAction,
  operatorNextAction,
  operatorPreviousAction,
  operatorPauseAction,
  operatorBlackoutAction,
  operatorSafeModeAction,
  ...overlayActions,
];

/** Every operator action, for the shortcut sheet (those without keys are buttons only). */
export const operatorActions: readonly OperatorAction<never>[] = [
  ...operatorKeyActions,
  lyricsGoToAction,
  lyricsStartAction,
  setlistStartAction,
  setlistStopAction,
  goToAction,
  setPlaylistAction,
  outputLanguagesAction,
  remoteEnableAction,
  remoteRevokeAction,
];

/** The action a key press runs now, if any. Keys with Ctrl, Alt or Meta are the browser's. */
export function operatorActionForKey(
  ctx: OperatorContext,
  event: KeyEvent,
  actions: readonly OperatorAction[] = operatorKeyActions,
): OperatorAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const chord = keyChord(event);
  return actions.find((action) => action.keys.includes(chord) && action.available(ctx));
}

/** The command a key press sends now, or null. */
export function operatorCommandForKey(ctx: OperatorContext, event: KeyEvent): Command | null {
  return operatorActionForKey(ctx, event)?.command(ctx) ?? null;
}

// ---- The phone remote ----

/** Safe mode from a phone: on only; turning it off is the operator's. */
export const remoteSafeModeAction: OperatorAction = {
  name: 'safeModeOn',
  label: 'Safe mode on',
  group: 'show',
  keys: [],
  available: (ctx) => !ctx.show.safeMode,
  command: (ctx) => (ctx.show.safeMode ? null : { name: 'safeMode', on: true }),
};

/** The phone's buttons. The same objects as the console's, so they send the same commands. */
export const remoteActions: readonly OperatorAction[] = [
  operatorPreviousAction,
  operatorNextAction,
  lyricsPreviousAction,
  lyricsNextAction,
  operatorBlackoutAction,
  remoteSafeModeAction,
  ...overlayActions,
];

// ---- Showing keys ----

const keyNames: Record<string, string> = {
  ' ': 'Space',
  ArrowRight: '→',
  ArrowLeft: '←',
  ArrowUp: '↑',
  ArrowDown: '↓',
  PageDown: 'PgDn',
  PageUp: 'PgUp',
  Escape: 'Esc',
};

/** A key as people read it on a keycap: 'Space', '→', 'Shift+→', 'B'. */
export function keyLabel(key: string): string {
  const shifted = key.startsWith('Shift+');
  const bare = shifted ? key.slice('Shift+'.length) : key;
  const name = keyNames[bare] ?? (bare.length === 1 ? bare.toUpperCase() : bare);
  return shifted ? `Shift+${name}` : name;
}

/** An action's keys as shown, without duplicates ('b' and 'B' are one keycap). */
export function keyLabels(keys: readonly string[]): string[] {
  return [...new Set(keys.map(keyLabel))];
}

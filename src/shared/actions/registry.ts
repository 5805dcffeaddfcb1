import { actionGroups, type Action } from './action';
import {
  lyricsEndAction,
  lyricsGoToAction,
  lyricsNextAction,
  lyricsNextStanzaAction,
  lyricsPreviousAction,
  lyricsPreviousStanzaAction,
  lyricsStartAction,
  nudgeBackAction,
  nudgeForwardAction,
  timedPauseAction,
  timedStartAction,
} from './lyrics';
import { obsConfigureAction, obsSetupAction, obsSwitchSceneAction } from './obs';
import { outputLanguagesAction } from './outputs';
import { overlayActionFor } from './overlay';
import { phoneSafeModeAction, remoteEnableAction, remoteRevokeAction } from './remote';
import { nextSongAction, setlistStartAction, setlistStopAction } from './setlist';
import {
  blackoutAction,
  goToAction,
  nextAction,
  pauseAction,
  previousAction,
  safeModeAction,
  setPlaylistAction,
} from './show';

/**
 * Every action, keyed by its name. The order is the order a key is looked up in: lyrics
 * before slides, so the arrows, Space and the clicker move the song while one is on and the
 * slides otherwise. Within a group it is also the order of the shortcut sheet.
 */
export const actionRegistry = {
  lyricsNext: lyricsNextAction,
  lyricsPrevious: lyricsPreviousAction,
  lyricsNextStanza: lyricsNextStanzaAction,
  lyricsPreviousStanza: lyricsPreviousStanzaAction,
  lyricsEnd: lyricsEndAction,
  lyricsGoTo: lyricsGoToAction,
  lyricsStart: lyricsStartAction,
  lyricsTimedStart: timedStartAction,
  lyricsTimedToggle: timedPauseAction,
  lyricsNudgeBack: nudgeBackAction,
  lyricsNudgeForward: nudgeForwardAction,
  nextSong: nextSongAction,
  setlistStart: setlistStartAction,
  setlistStop: setlistStopAction,
  next: nextAction,
  previous: previousAction,
  togglePause: pauseAction,
  blackout: blackoutAction,
  safeMode: safeModeAction,
  goTo: goToAction,
  setPlaylist: setPlaylistAction,
  'overlay.lowerThird': overlayActionFor.lowerThird,
  'overlay.lyrics': overlayActionFor.lyrics,
  'overlay.drawing': overlayActionFor.drawing,
  'overlay.nowPlaying': overlayActionFor.nowPlaying,
  setOutputLanguages: outputLanguagesAction,
  remoteEnable: remoteEnableAction,
  remoteRevoke: remoteRevokeAction,
  obsConfigure: obsConfigureAction,
  obsSetup: obsSetupAction,
  obsSwitchScene: obsSwitchSceneAction,
  safeModeOn: phoneSafeModeAction,
} as const satisfies Record<string, Action<never>>;

type Registry = typeof actionRegistry;
export type ActionName = keyof Registry;
/** The actions that take no parameter: the ones a key or a plain button can run. */
export type PlainActionName = {
  [N in ActionName]: Registry[N] extends Action ? N : never;
}[ActionName];

export function actionNamed<N extends ActionName>(name: N): Registry[N] {
  return actionRegistry[name];
}

const all: readonly Action<never>[] = Object.values(actionRegistry);

// Only parameterless actions have keys: a key press has nothing to pick.
const hasKeys = (action: Action<never>): action is Action => action.keys.length > 0;

/** The console's key actions, in lookup order. */
export const consoleKeyActions: readonly Action[] = all.filter(hasKeys);

/** The kiosk keys: what a display started on this machine answers to. */
export const kioskActions: readonly Action[] = all.filter(
  (action): action is Action => (action.kioskKeys?.length ?? 0) > 0,
);

/** What the console's shortcut sheet lists (those without keys are buttons only). */
export const consoleActions: readonly Action<never>[] = all.filter((action) =>
  actionGroups.some(({ group }) => group === action.group),
);

import type { CoreKey } from '../../shared/i18n';
import {
  commandPermissions,
  coreText,
  fail,
  refusal,
  type Command,
  type CommandName,
  type Result,
} from '../../shared/protocol';

/** Who carries out a command: the show engine, the phone remote, or OBS. */
export type CommandOwner = 'show' | 'remote' | 'screens' | 'obs';

/**
 * Every command's owner, in one table next to who may send it (`commandPermissions`, re-exported
 * below). A new command gets one line here; the type-check finds the handler it needs.
 */
export const commandOwners = {
  next: 'show',
  previous: 'show',
  pause: 'show',
  resume: 'show',
  togglePause: 'show',
  goTo: 'show',
  setPlaylist: 'show',
  blackout: 'show',
  safeMode: 'show',
  lyricsStart: 'show',
  lyricsNext: 'show',
  lyricsPrevious: 'show',
  lyricsNextStanza: 'show',
  lyricsPreviousStanza: 'show',
  lyricsGoTo: 'show',
  lyricsEnd: 'show',
  lyricsTimedStart: 'show',
  lyricsTimedPause: 'show',
  lyricsTimedResume: 'show',
  lyricsNudge: 'show',
  setlistStart: 'show',
  setlistStop: 'show',
  setlistNextSong: 'show',
  setOutputLanguages: 'show',
  overlay: 'show',
  setShowClock: 'show',
  stageMessage: 'show',
  stageMessageClear: 'show',
  setStageLanguage: 'show',
  videoPause: 'show',
  videoResume: 'show',
  videoSeek: 'show',
  videoRestart: 'show',
  videoFault: 'show',
  remoteEnable: 'remote',
  remoteRevoke: 'remote',
  screenPairing: 'screens',
  screenApprove: 'screens',
  screenRevoke: 'screens',
  outputConfigure: 'screens',
  obsConfigure: 'obs',
  obsSetup: 'obs',
  obsSwitchScene: 'obs',
  obsVideoPlay: 'obs',
  obsVideoPause: 'obs',
  obsVideoStop: 'obs',
  obsVideoPlacement: 'obs',
} as const satisfies Record<CommandName, CommandOwner>;

type NamesOwnedBy<O extends CommandOwner> = {
  [N in CommandName]: (typeof commandOwners)[N] extends O ? N : never;
}[CommandName];

/** The commands one owner carries out. */
export type CommandFor<O extends CommandOwner> = Extract<Command, { name: NamesOwnedBy<O> }>;
export type ShowCommand = CommandFor<'show'>;
export type RemoteCommand = CommandFor<'remote'>;
export type ScreensCommand = CommandFor<'screens'>;
export type ObsCommand = CommandFor<'obs'>;

export function ownerOf(command: Command): CommandOwner {
  return commandOwners[command.name];
}

export function isCommandFor<O extends CommandOwner>(
  owner: O,
  command: Command,
): command is CommandFor<O> {
  return ownerOf(command) === owner;
}

/** How each owner runs its commands; an owner this core runs without (OBS off) is null. */
export type CommandHandlers = {
  [O in CommandOwner]: ((command: CommandFor<O>) => Result | Promise<Result>) | null;
};

const unavailable: Record<CommandOwner, CoreKey> = {
  show: 'command.showNotRunning',
  remote: 'command.remoteUnavailable',
  screens: 'screens.unavailable',
  obs: 'command.obsUnavailable',
};

/** Sends a command (already checked against `refusal`) to its owner. */
export function routeCommand(
  command: Command,
  handlers: CommandHandlers,
): Result | Promise<Result> {
  const owner = ownerOf(command);
  // One owner's handler per branch, so each gets its own commands' type.
  const run = handlers[owner] as ((command: Command) => Result | Promise<Result>) | null;
  return run ? run(command) : fail(coreText(unavailable[owner]));
}

export { commandPermissions, refusal };

import { z } from 'zod';
import { coreText, type LocalizedText } from './localized-text';
import { languageCode } from '../content/text';
import { obsCommandNames, obsCommandSchemas } from './obs';
import type { Role } from './roles';
import { outputChangesSchema, screenCode, screenName } from './screens';
import { overlayElement, STAGE_MESSAGE_MAX, videoFaultReason } from './show-state';

/**
 * An id a command names (item, playlist, song, setlist, device). Bounded, because the core
 * quotes it back in a refusal ("no item with id …").
 */
const commandId = z.string().min(1).max(200);

/**
 * The operator's message to the stage: one short line of plain text. Control characters and
 * bidirectional overrides are refused, so a message cannot break its line or show its words in
 * an order other than the one the operator typed.
 */
// eslint-disable-next-line no-control-regex
const unsafeText = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const stageMessageText = z
  .string()
  .trim()
  .min(1)
  .max(STAGE_MESSAGE_MAX)
  .refine((text) => !unsafeText.test(text), 'plain text only: no control characters');

/** Every command a view can send. One schema per command; the name is the discriminator. */
export const commandSchema = z.discriminatedUnion('name', [
  z.strictObject({ name: z.literal('next') }),
  z.strictObject({ name: z.literal('previous') }),
  z.strictObject({ name: z.literal('pause') }),
  z.strictObject({ name: z.literal('resume') }),
  z.strictObject({ name: z.literal('togglePause') }),
  z.strictObject({ name: z.literal('goTo'), itemId: commandId }),
  z.strictObject({ name: z.literal('setPlaylist'), playlistId: commandId }),
  z.strictObject({ name: z.literal('blackout'), on: z.boolean() }),
  z.strictObject({ name: z.literal('safeMode'), on: z.boolean() }),
  // Live lyrics. Starting a song puts it on air with its lyrics at the first line.
  z.strictObject({ name: z.literal('lyricsStart'), songId: commandId }),
  z.strictObject({ name: z.literal('lyricsNext') }),
  z.strictObject({ name: z.literal('lyricsPrevious') }),
  z.strictObject({ name: z.literal('lyricsNextStanza') }),
  z.strictObject({ name: z.literal('lyricsPreviousStanza') }),
  z.strictObject({ name: z.literal('lyricsGoTo'), line: z.number().int().nonnegative() }),
  /** Ends the song: back to the loop (the setlist's interlude in setlist mode). */
  z.strictObject({ name: z.literal('lyricsEnd') }),
  // Timed lyrics (songs with LRC): start cue, pause/resume, nudge by ±0.5 s.
  z.strictObject({ name: z.literal('lyricsTimedStart') }),
  z.strictObject({ name: z.literal('lyricsTimedPause') }),
  z.strictObject({ name: z.literal('lyricsTimedResume') }),
  z.strictObject({ name: z.literal('lyricsNudge'), ms: z.number().int().min(-5000).max(5000) }),
  // Setlist mode for a concert.
  z.strictObject({ name: z.literal('setlistStart'), setlistId: commandId }),
  z.strictObject({ name: z.literal('setlistStop') }),
  /** Starts the song the setlist state names as next (`setlist.nextSongIndex`): a controller's button. */
  z.strictObject({ name: z.literal('setlistNextSong') }),
  z.strictObject({
    name: z.literal('setOutputLanguages'),
    output: z.enum(['display', 'overlay']),
    languages: z.array(languageCode).max(4),
  }),
  z.strictObject({ name: z.literal('overlay'), element: overlayElement, on: z.boolean() }),
  /**
   * "Use my phone's time": the show clock for a machine whose clock is wrong (a Pi with no
   * battery boots in 1970). Milliseconds since 1970; the core bounds it by the pack's dates.
   */
  z.strictObject({
    name: z.literal('setShowClock'),
    now: z.number().int().min(0).max(8_640_000_000_000_000),
  }),
  // The stage monitor (operator only): a message that stays until cleared, and the sung language.
  z.strictObject({ name: z.literal('stageMessage'), text: stageMessageText }),
  z.strictObject({ name: z.literal('stageMessageClear') }),
  z.strictObject({ name: z.literal('setStageLanguage'), language: languageCode.nullable() }),
  // The video on air: pause, resume, seek (ms of video time), back to the entry's start.
  z.strictObject({ name: z.literal('videoPause') }),
  z.strictObject({ name: z.literal('videoResume') }),
  z.strictObject({
    name: z.literal('videoSeek'),
    ms: z.number().int().nonnegative().max(86_400_000),
  }),
  z.strictObject({ name: z.literal('videoRestart') }),
  /** A screen could not play the video on air: the core skips it (once) and records why. */
  z.strictObject({
    name: z.literal('videoFault'),
    itemId: commandId,
    reason: videoFaultReason,
    /** The show state's `sequence` the screen was playing, so a late report skips nothing. */
    sequence: z.number().int().nonnegative().optional(),
  }),
  // The phone remote (operator only).
  z.strictObject({ name: z.literal('remoteEnable'), on: z.boolean() }),
  z.strictObject({ name: z.literal('remoteRevoke'), deviceId: commandId }),
  // Screens on the venue network (operator only): pairing, approving by code, each one's job.
  // `name` is every command's discriminator, so a screen's name travels as `screenName`.
  z.strictObject({ name: z.literal('screenPairing'), on: z.boolean() }),
  z.strictObject({ name: z.literal('screenApprove'), code: screenCode, screenName }),
  z.strictObject({ name: z.literal('screenRevoke'), outputId: commandId }),
  z.strictObject({
    name: z.literal('outputConfigure'),
    outputId: commandId,
    changes: outputChangesSchema,
  }),
  // OBS (operator only): connection settings, "Set up overlays in OBS", scene switching.
  ...obsCommandSchemas,
]);
export type Command = z.infer<typeof commandSchema>;
export type CommandName = Command['name'];

/** Everything the console may send. */
const OPERATOR_COMMANDS: readonly CommandName[] = [
  'next',
  'previous',
  'pause',
  'resume',
  'togglePause',
  'goTo',
  'setPlaylist',
  'blackout',
  'safeMode',
  'lyricsStart',
  'lyricsNext',
  'lyricsPrevious',
  'lyricsNextStanza',
  'lyricsPreviousStanza',
  'lyricsGoTo',
  'lyricsEnd',
  'lyricsTimedStart',
  'lyricsTimedPause',
  'lyricsTimedResume',
  'lyricsNudge',
  'setlistStart',
  'setlistStop',
  'setlistNextSong',
  'setOutputLanguages',
  'overlay',
  'setShowClock',
  'stageMessage',
  'stageMessageClear',
  'setStageLanguage',
  'videoPause',
  'videoResume',
  'videoSeek',
  'videoRestart',
  'remoteEnable',
  'remoteRevoke',
  'screenPairing',
  'screenApprove',
  'screenRevoke',
  'outputConfigure',
  // Every OBS command is the console's: one list, in obs.ts.
  ...obsCommandNames,
];

/**
 * The console's commands that set the show up rather than run it: the phone remote, screens
 * and their jobs, OBS's connection and set-up, the show clock. A controller never has them.
 */
const SETUP_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'setShowClock',
  'remoteEnable',
  'remoteRevoke',
  'screenPairing',
  'screenApprove',
  'screenRevoke',
  'outputConfigure',
  'obsConfigure',
  'obsSetup',
  'obsVideoPlacement',
]);

/**
 * A show controller on the HTTP control API (Companion, a Stream Deck): the operator's show
 * commands, none of the set-up ones, so a command added to the console is a controller's too
 * unless it sets the show up. Safe mode off stays the operator's (see `operatorOnly`).
 */
function controlCommands(): readonly CommandName[] {
  return OPERATOR_COMMANDS.filter((name) => !SETUP_COMMANDS.has(name));
}

/** Which role may send which command. A role not listed for a command is refused. */
export const commandPermissions: Record<Role, readonly CommandName[]> = {
  operator: OPERATOR_COMMANDS,
  remote: [
    'next',
    'previous',
    'togglePause',
    'blackout',
    'safeMode',
    'lyricsNext',
    'lyricsPrevious',
    'overlay',
    'setShowClock',
    'videoPause',
    'videoResume',
  ],
  // Only a screen that plays the video can tell it failed; it cannot steer it otherwise.
  kiosk: ['next', 'previous', 'togglePause', 'blackout', 'safeMode', 'videoFault'],
  control: controlCommands(),
  display: ['videoFault'],
  overlay: [],
  // The stage only shows: a monitor at the band's feet is within reach of anyone on stage.
  stage: [],
};

/**
 * Safe mode protects people at a rally: anyone with a keyboard or a remote may switch it on,
 * but it "stays that way until an operator turns it off".
 */
const operatorOnly = (command: Command): boolean => command.name === 'safeMode' && !command.on;

/** Why `role` may not send `command`, or null when it may. */
export function refusal(role: Role, command: Command): LocalizedText | null {
  if (!commandPermissions[role].includes(command.name)) {
    return coreText('command.roleMayNot', { role, command: command.name });
  }
  if (role !== 'operator' && operatorOnly(command)) {
    return coreText('command.safeModeOffOperatorOnly');
  }
  return null;
}

export function mayRun(role: Role, command: Command): boolean {
  return refusal(role, command) === null;
}

import type { ContentSnapshot } from '../content';
import type { Command } from '../protocol/commands';
import type { ShowState } from '../protocol/show-state';

/** What an action looks at to decide what it sends: what is on air, and the content. */
export interface ActionContext {
  show: ShowState;
  content: ContentSnapshot | null;
}

/**
 * Where an action is listed. The shortcut sheet lists the groups in `actionGroups`; the OBS
 * actions have their own section there, and `phone` holds what only the phone has.
 */
export type ActionGroup =
  'lyrics' | 'timed' | 'setlist' | 'show' | 'overlay' | 'outputs' | 'remote' | 'obs' | 'phone';

/** The sheet's headings (keys in the `actions` catalog), in the order the groups are listed. */
export const actionGroups: readonly { group: ActionGroup; titleKey: string }[] = [
  { group: 'show', titleKey: 'group.show' },
  { group: 'lyrics', titleKey: 'group.lyrics' },
  { group: 'timed', titleKey: 'group.timed' },
  { group: 'setlist', titleKey: 'group.setlist' },
  { group: 'overlay', titleKey: 'group.overlay' },
  { group: 'outputs', titleKey: 'group.outputs' },
  { group: 'remote', titleKey: 'group.remote' },
];

/**
 * A command as a registered object (excalidraw's actions): its name, label key, keys, whether it
 * applies now and how the current state turns into a command, with a parameter for the
 * controls that pick something (an item, a line, a device). The console's keys and buttons,
 * the kiosk's keys, the phone's buttons and the tests all call `command`, so a key and its
 * button can never disagree. Every action is in the registry (`registry.ts`), keyed by name.
 */
export interface Action<P = void> {
  name: string;
  /**
   * Its name on buttons and in the shortcut sheet: a key in the `actions` catalog, so each
   * page (console, phone) says it in its reader's language.
   */
  labelKey: string;
  group: ActionGroup;
  /**
   * The console's key chords (`keyChord`): `KeyboardEvent.key`, with `Shift+` for shifted
   * named keys. Presentation clickers send PageDown/PageUp.
   */
  keys: readonly string[];
  /** The keys a kiosk (the app's own display window) answers to; most actions have none. */
  kioskKeys?: readonly string[];
  /**
   * Whether the action does anything now. A key whose action does not apply falls through
   * to the next action listed with that key: that is how one clicker drives lyrics or slides.
   */
  available: (ctx: ActionContext) => boolean;
  /** The command to send, or null when there is nothing to do. */
  command: (ctx: ActionContext, param: P) => Command | null;
}

export const always = () => true;

/** The parts of a key press the actions read. */
export interface KeyEvent {
  key: string;
  code?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

import type { ShowState } from '../protocol/show-state';
import { overlayElements } from '../protocol/show-state';
import type { Action } from './action';
import { lyricsOnAir } from './on-air';
import { message, type Message } from './message';
import { overlayLabelKey } from './overlay';
import { actionNamed, type PlainActionName } from './registry';

/*
 * The phone remote's buttons, by registered action name: the phone sends exactly what the
 * console's button for the same action sends. A phone is a small screen held in one hand, so
 * it has fewer, bigger buttons, labelled from what is on air.
 */

export type PhoneTone = 'primary' | 'danger' | 'safe' | 'small';

/** What is on air; null until the core has sent it (the buttons are disabled then). */
type OnAir = ShowState | null;

export interface PhoneButton {
  action: PlainActionName;
  /** The words on the button, from what is on air (a message in the `actions` catalog). */
  label: (show: OnAir) => Message;
  /** A toggle that is on now (blackout, safe mode, an overlay). */
  pressed?: (show: OnAir) => boolean;
  tone?: (show: OnAir) => PhoneTone | undefined;
  /** Names the button for tests: `remote-<id>`. */
  id?: string;
}

export interface PhoneSection {
  id: 'lyrics' | 'show' | 'overlay';
  /** Its heading, a key in the `actions` catalog. */
  titleKey?: string;
  /** Shown only while this holds (the line buttons: while a song's lyrics are on air). */
  when?: (show: OnAir) => boolean;
  buttons: readonly PhoneButton[];
  /** A line under the buttons. */
  note?: (show: OnAir) => Message;
}

const tone = (value: PhoneTone) => () => value;

export const phoneLayout: readonly PhoneSection[] = [
  {
    id: 'lyrics',
    when: (show) => show !== null && lyricsOnAir(show),
    buttons: [
      { action: 'lyricsPrevious', label: () => message('phone.previousLine') },
      {
        action: 'lyricsNext',
        label: () => message('phone.nextLine'),
        tone: tone('primary'),
        id: 'next-line',
      },
    ],
  },
  {
    id: 'show',
    buttons: [
      { action: 'previous', label: () => message('phone.previous'), id: 'previous' },
      {
        action: 'next',
        label: () => message('phone.next'),
        // During a song the line button is the one the thumb should find.
        tone: (show) => (show && lyricsOnAir(show) ? undefined : 'primary'),
        id: 'next',
      },
      {
        action: 'blackout',
        label: (show) => message(show?.blackout ? 'phone.liftBlackout' : 'phone.blackout'),
        pressed: (show) => show?.blackout ?? false,
        tone: tone('danger'),
        id: 'blackout',
      },
      {
        action: 'safeModeOn',
        label: (show) => message(show?.safeMode ? 'phone.safeModeIsOn' : 'phone.safeModeOn'),
        pressed: (show) => show?.safeMode ?? false,
        tone: tone('safe'),
        id: 'safe-mode',
      },
    ],
    note: (show) => message(show?.safeMode ? 'phone.noteSafeModeOn' : 'phone.noteSafeModeOff'),
  },
  {
    id: 'overlay',
    titleKey: 'group.overlay',
    buttons: overlayElements.map((element): PhoneButton => ({
      action: `overlay.${element}`,
      label: (show) =>
        message(show?.overlays[element] ? 'phone.overlayOn' : 'phone.overlayOff', {
          element: message(overlayLabelKey(element)),
        }),
      pressed: (show) => show?.overlays[element] ?? false,
      tone: tone('small'),
    })),
  },
];

/** Every action a phone can run. */
export const phoneActions: readonly Action[] = phoneLayout.flatMap((section) =>
  section.buttons.map((button) => actionNamed(button.action)),
);

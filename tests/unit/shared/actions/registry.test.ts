import { describe, expect, it } from 'vitest';
import {
  actionGroups,
  actionNamed,
  obsKeyList,
  actionRegistry,
  consoleActions,
  consoleKeyActions,
  kioskActions,
  phoneActions,
  phoneLayout,
  type ActionContext,
} from '../../../../src/shared/actions';
import { refusal, type Command, type ShowState } from '../../../../src/shared/protocol';
import { APP_LANGUAGES, CATALOGS, type Catalog } from '../../../../src/shared/i18n';
import type { Message } from '../../../../src/shared/actions';

/** The message at a key of a catalog, or undefined: `label.overlay.lyrics`. */
function messageAt(catalog: Catalog, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Every key a message uses, its parameters' keys too. */
const keysOf = (message: Message): string[] => [
  message.key,
  ...Object.values(message.params ?? {}).flatMap((p) => (typeof p === 'object' ? keysOf(p) : [])),
];
import { showOnAir } from '../../../fixtures/state/show-state';

/** Shows a phone or a kiosk may be pressed in mid-show: every toggle either way, a song on. */
const shows: ShowState[] = [false, true].flatMap((on) => [
  showOnAir('a', { blackout: on, safeMode: on, paused: on }),
  showOnAir('song', {
    safeMode: on,
    lyrics: { songId: 'song', line: 0, timed: null },
    setlist: { setlistId: 'concert', songIndex: 0, nextSongIndex: null },
    overlays: { lowerThird: on, lyrics: on, drawing: on, nowPlaying: on },
  }),
]);
const contexts: ActionContext[] = shows.map((show) => ({ show, content: null }));

describe('the action registry', () => {
  it('keys every action by its own name, once', () => {
    for (const [name, action] of Object.entries(actionRegistry)) expect(action.name).toBe(name);
    expect(actionNamed('blackout')).toBe(actionRegistry.blackout);
  });

  it('names every action, every sheet heading and the OBS keys by a key each language has', () => {
    const keys = [
      ...Object.values(actionRegistry).map((action) => action.labelKey),
      ...actionGroups.map((group) => group.titleKey),
      ...obsKeyList.map((entry) => entry.labelKey),
    ];
    for (const key of keys) {
      for (const language of APP_LANGUAGES) {
        expect(messageAt(CATALOGS[language].actions, key), `${language}: ${key}`).toBeTruthy();
      }
    }
    // Each action its own name: two buttons that read the same would be a trap mid-show.
    const english = Object.values(actionRegistry).map((a) =>
      messageAt(CATALOGS.en.actions, a.labelKey),
    );
    expect(new Set(english).size).toBe(english.length);
  });

  it('looks keys up lyrics first, so the clicker moves a song before the slides', () => {
    const names = consoleKeyActions.map((a) => a.name);
    expect(names.indexOf('lyricsNext')).toBeLessThan(names.indexOf('next'));
    expect(names.indexOf('lyricsPrevious')).toBeLessThan(names.indexOf('previous'));
    expect(consoleKeyActions.every((a) => a.keys.length > 0)).toBe(true);
  });

  it('lists on the console sheet neither the phone’s own action nor the OBS panel’s', () => {
    const names = consoleActions.map((a) => a.name);
    expect(names).not.toContain('safeModeOn');
    expect(names).not.toContain('obsConfigure');
    expect(names).toContain('remoteRevoke');
  });

  it('gives the kiosk only commands a kiosk may send, and never safe mode off', () => {
    for (const action of kioskActions) {
      for (const ctx of contexts) {
        const command = action.command(ctx);
        if (!command) continue;
        const refused = refusal('kiosk', command);
        if (command.name === 'safeMode' && !command.on) expect(refused).not.toBeNull();
        else expect(refused, `${action.name}`).toBeNull();
      }
    }
  });
});

describe('the phone’s buttons', () => {
  it('are registered actions whose every command the core lets a phone send', () => {
    expect(phoneActions.length).toBeGreaterThan(0);
    const sent: Command[] = [];
    for (const action of phoneActions) {
      expect(Object.values(actionRegistry)).toContain(action);
      for (const ctx of contexts) {
        const command = action.available(ctx) ? action.command(ctx) : null;
        if (!command) continue;
        sent.push(command);
        expect(refusal('remote', command), `${action.name}: ${JSON.stringify(command)}`).toBeNull();
      }
    }
    // Whatever the show looks like, no phone button turns safe mode off.
    expect(sent).not.toContainEqual({ name: 'safeMode', on: false });
    expect(sent).toContainEqual({ name: 'safeMode', on: true });
  });

  it('label every button from the show with a message every language has, also before the core has sent one', () => {
    for (const section of phoneLayout) {
      const used = [
        ...(section.titleKey ? [section.titleKey] : []),
        ...[null, ...shows].flatMap((show) => [
          ...section.buttons.flatMap((button) => keysOf(button.label(show))),
          ...(section.note ? keysOf(section.note(show)) : []),
        ]),
      ];
      for (const key of used) {
        for (const language of APP_LANGUAGES) {
          expect(messageAt(CATALOGS[language].actions, key), `${language}: ${key}`).toBeTruthy();
        }
      }
    }
    const safe = phoneLayout.flatMap((s) => s.buttons).find((b) => b.action === 'safeModeOn');
    expect(safe?.label(shows[2] ?? null)).toEqual({ key: 'phone.safeModeIsOn' });
    const lyrics = phoneLayout.flatMap((s) => s.buttons).find((b) => b.action === 'overlay.lyrics');
    expect(lyrics?.label(shows[3] ?? null)).toEqual({
      key: 'phone.overlayOn',
      params: { element: { key: 'overlayElement.lyrics' } },
    });
  });
});

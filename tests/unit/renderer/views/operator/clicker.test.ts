import { describe, expect, it } from 'vitest';
import {
  clickerTarget,
  keyChord,
  keyLabel,
  keyLabels,
  lyricsOnAir,
  nextSongIndex,
  operatorActions,
  operatorCommandForKey,
  remoteActions,
  type OperatorContext,
} from '../../../../../src/shared/actions/operator-actions';
import type { ShowState } from '../../../../../src/shared/protocol';
import { showState } from '../../fixtures';
import { lyricsShow, operatorSnapshot } from './fixtures';

const ctx = (show: ShowState, extra: Partial<OperatorContext> = {}): OperatorContext => ({
  show,
  content: operatorSnapshot(),
  ...extra,
});
const press = (show: ShowState, key: string, shiftKey = false) =>
  operatorCommandForKey(ctx(show), { key, shiftKey });

describe('the clicker rule', () => {
  it('moves the lyrics while a song’s lyrics are on air, the slides otherwise', () => {
    expect(clickerTarget(showState())).toBe('slides');
    expect(clickerTarget(lyricsShow())).toBe('lyrics');
    // A cursor for a song that is not the item on air does not capture the clicker.
    expect(clickerTarget(lyricsShow(0, { itemId: 'boris-kagarlitsky' }))).toBe('slides');
    expect(lyricsOnAir(lyricsShow(0, { itemId: 'boris-kagarlitsky' }))).toBe(false);
  });

  it('sends PageDown/PageUp to the lyrics during a song and to the slides between songs', () => {
    expect(press(lyricsShow(), 'PageDown')).toEqual({ name: 'lyricsNext' });
    expect(press(lyricsShow(), 'PageUp')).toEqual({ name: 'lyricsPrevious' });
    expect(press(showState(), 'PageDown')).toEqual({ name: 'next' });
    expect(press(showState(), 'PageUp')).toEqual({ name: 'previous' });
  });

  it('gives Space and the arrows the same rule; Space pauses only between songs', () => {
    expect(press(lyricsShow(), ' ')).toEqual({ name: 'lyricsNext' });
    expect(press(lyricsShow(), 'ArrowRight')).toEqual({ name: 'lyricsNext' });
    expect(press(lyricsShow(), 'ArrowLeft')).toEqual({ name: 'lyricsPrevious' });
    expect(press(showState(), ' ')).toEqual({ name: 'togglePause' });
    expect(press(showState(), 'ArrowRight')).toEqual({ name: 'next' });
    expect(press(lyricsShow(), 'p')).toEqual({ name: 'togglePause' });
  });

  it('moves by stanza with ↓/↑ and Shift+arrows, and ends the song with E', () => {
    expect(press(lyricsShow(), 'ArrowDown')).toEqual({ name: 'lyricsNextStanza' });
    expect(press(lyricsShow(), 'ArrowRight', true)).toEqual({ name: 'lyricsNextStanza' });
    expect(press(lyricsShow(), 'ArrowUp')).toEqual({ name: 'lyricsPreviousStanza' });
    expect(press(lyricsShow(), 'ArrowLeft', true)).toEqual({ name: 'lyricsPreviousStanza' });
    expect(press(lyricsShow(), 'e')).toEqual({ name: 'lyricsEnd' });
    expect(press(showState(), 'ArrowDown')).toBeNull();
    expect(press(showState(), 'e')).toBeNull();
  });

  it('leaves keys with Ctrl, Alt or Meta to the browser', () => {
    expect(operatorCommandForKey(ctx(showState()), { key: 'ArrowRight', ctrlKey: true })).toBe(
      null,
    );
    expect(operatorCommandForKey(ctx(lyricsShow()), { key: 'PageDown', altKey: true })).toBe(null);
  });
});

describe('operator keys', () => {
  it('toggles blackout (B or a clicker’s “.”), safe mode both ways, and the overlays', () => {
    expect(press(showState(), 'b')).toEqual({ name: 'blackout', on: true });
    expect(press(showState({ blackout: true }), '.')).toEqual({ name: 'blackout', on: false });
    expect(press(showState(), 's')).toEqual({ name: 'safeMode', on: true });
    expect(press(showState({ safeMode: true }), 'S')).toEqual({ name: 'safeMode', on: false });
    expect(press(showState(), '2')).toEqual({ name: 'overlay', element: 'lyrics', on: false });
  });

  it('offers the timed keys only for a song with LRC on air', () => {
    const timed = lyricsShow(0, {
      itemId: 'timed-song',
      lyrics: { songId: 'timed-song', line: 0, timed: null },
    });
    expect(press(timed, 't')).toEqual({ name: 'lyricsTimedStart' });
    expect(press(timed, '-')).toEqual({ name: 'lyricsNudge', ms: -500 });
    expect(press(timed, '+')).toEqual({ name: 'lyricsNudge', ms: 500 });
    // Nothing to pause before the start cue.
    expect(press(timed, 'k')).toBeNull();
    const running = {
      ...timed,
      lyrics: {
        songId: 'timed-song',
        line: 1,
        timed: { running: true, anchorAt: 0, pausedAtMs: null },
      },
    };
    expect(press(running, 'k')).toEqual({ name: 'lyricsTimedPause' });
    const paused = {
      ...timed,
      lyrics: {
        songId: 'timed-song',
        line: 1,
        timed: { running: false, anchorAt: 0, pausedAtMs: 3000 },
      },
    };
    expect(press(paused, 'k')).toEqual({ name: 'lyricsTimedResume' });
    // The Internationale has no LRC: T does nothing.
    expect(press(lyricsShow(), 't')).toBeNull();
  });

  it('starts the next song of the setlist with N, also between songs, skipping songs without lyrics', () => {
    const during = showState({ setlist: { setlistId: 'concert', songIndex: 0, nextSongIndex: 2 } });
    expect(press(during, 'n')).toEqual({ name: 'lyricsStart', songId: 'timed-song' });
    const fresh = showState({
      setlist: { setlistId: 'concert', songIndex: null, nextSongIndex: 0 },
    });
    expect(press(fresh, 'n')).toEqual({ name: 'lyricsStart', songId: 'internationale' });
    // Between songs, after the first: the console remembers where the concert got to.
    // Il Galeone (index 1) has no lyrics to follow: the loop runs on through it.
    expect(nextSongIndex(ctx(fresh, { lastSongIndex: { concert: 0 } }))).toBe(2);
    expect(nextSongIndex(ctx(fresh, { lastSongIndex: { concert: 2 } }))).toBeNull();
    expect(press(showState(), 'n')).toBeNull();
  });
});

describe('registered actions', () => {
  it('have unique names, and between songs no two actions share a key', () => {
    const names = operatorActions.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    // During a song the lyrics actions shadow the slide keys on purpose (the clicker rule).
    for (const show of [showState()]) {
      const seen = new Map<string, string>();
      for (const action of operatorActions) {
        if (!action.available(ctx(show))) continue;
        for (const key of action.keys) {
          expect(seen.get(key), `${key} in ${action.name}`).toBeUndefined();
          seen.set(key, action.name);
        }
      }
    }
  });

  it('never let the phone turn safe mode off', () => {
    const commands = remoteActions.map((a) => a.command(ctx(showState({ safeMode: true }))));
    expect(commands).not.toContainEqual({ name: 'safeMode', on: false });
  });

  it('show keys as keycaps', () => {
    expect(keyChord({ key: 'ArrowRight', shiftKey: true })).toBe('Shift+ArrowRight');
    expect(keyChord({ key: '?', shiftKey: true })).toBe('?');
    expect(keyLabel(' ')).toBe('Space');
    expect(keyLabel('Shift+ArrowDown')).toBe('Shift+↓');
    expect(keyLabels(['b', 'B', '.'])).toEqual(['B', '.']);
  });
});

import { describe, expect, it } from 'vitest';
import { actionForKey, kioskActions } from '../../../../src/shared/actions';
import type { ShowState } from '../../../../src/shared/protocol';
import { showOnAir } from '../../../fixtures/state/show-state';

const state = (overrides: Partial<ShowState> = {}): ShowState =>
  showOnAir('a', { playlistId: 'main', durationMs: 1000, ...overrides });

const commandFor = (key: string, s = state()) =>
  actionForKey(kioskActions, { key })?.command({ show: s, content: null });

describe('kiosk actions', () => {
  it('maps arrows and clicker keys to next and previous', () => {
    expect(commandFor('ArrowRight')).toEqual({ name: 'next' });
    expect(commandFor('PageDown')).toEqual({ name: 'next' });
    expect(commandFor('ArrowLeft')).toEqual({ name: 'previous' });
    expect(commandFor('PageUp')).toEqual({ name: 'previous' });
  });

  it('toggles pause, blackout and safe mode from the current state', () => {
    expect(commandFor(' ')).toEqual({ name: 'togglePause' });
    expect(commandFor('b')).toEqual({ name: 'blackout', on: true });
    expect(commandFor('B', state({ blackout: true }))).toEqual({ name: 'blackout', on: false });
    expect(commandFor('s')).toEqual({ name: 'safeMode', on: true });
  });

  it('leaves other keys and modified keys to the browser', () => {
    expect(actionForKey(kioskActions, { key: 'x' })).toBeUndefined();
    expect(actionForKey(kioskActions, { key: 'b', ctrlKey: true })).toBeUndefined();
  });

  it('gives every key to one action only', () => {
    const keys = kioskActions.flatMap((a) => a.kioskKeys ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

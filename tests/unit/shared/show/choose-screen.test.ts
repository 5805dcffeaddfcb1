import { describe, expect, it } from 'vitest';
import { chooseScreen, nextSlot, showAfterNext } from '../../../../src/shared/show/choose-screen';
import {
  caseItem,
  drawingItem,
  safeStatement,
  showState,
  snapshot,
} from '../../../fixtures/state/content-items';

const slideId = (screen: ReturnType<typeof chooseScreen>) =>
  screen.kind === 'slide' ? screen.item.id : screen.kind;

describe('chooseScreen', () => {
  it('waits for both content and show', () => {
    expect(chooseScreen(null, showState()).kind).toBe('connecting');
    expect(chooseScreen(snapshot(), null).kind).toBe('connecting');
  });

  it('picks the item on air', () => {
    expect(slideId(chooseScreen(snapshot(), showState()))).toBe('boris-kagarlitsky');
  });

  it('puts blackout above everything, safe mode included', () => {
    expect(chooseScreen(snapshot(), showState({ blackout: true, safeMode: true })).kind).toBe(
      'blackout',
    );
  });

  it('swaps a sensitive item for the safe slide, or for nothing at all', () => {
    const safe = showState({ safeMode: true });
    expect(slideId(chooseScreen(snapshot(), safe))).toBe('safe-statement');
    // No safe slide in the pack: a neutral screen without even the pack title.
    expect(chooseScreen(snapshot([caseItem]), safe)).toEqual({ kind: 'neutral', showTitle: false });
    // A safe slide that is itself sensitive is not safe.
    const sensitiveSafe = { ...safeStatement, sensitive: true };
    expect(chooseScreen(snapshot([caseItem, sensitiveSafe]), safe).kind).toBe('neutral');
  });

  it('never shows a drawing without consent, or a missing item', () => {
    const noConsent = { ...drawingItem, consent: false };
    expect(chooseScreen(snapshot([noConsent]), showState({ itemId: 'raised-fist' }))).toEqual({
      kind: 'neutral',
      showTitle: true,
    });
    expect(chooseScreen(snapshot(), showState({ itemId: 'gone' })).kind).toBe('neutral');
    expect(chooseScreen(snapshot(), showState({ itemId: 'main' })).kind).toBe('neutral');
  });
});

describe('nextSlot', () => {
  it('is the following slot of the pass, wrapping at the end, and null with an empty order', () => {
    expect(nextSlot(showState({ position: 0 }))).toEqual({
      position: 1,
      itemId: 'free-boris-site',
    });
    expect(nextSlot(showState({ position: 1 }))).toEqual({
      position: 0,
      itemId: 'boris-kagarlitsky',
    });
    expect(nextSlot(showState({ order: [], position: 0 }))).toBeNull();
    expect(nextSlot(null)).toBeNull();
  });
});

describe('showAfterNext', () => {
  it('is the following item of the pass, one transition later, wrapping at the end', () => {
    const now = showState({ position: 0, sequence: 7 });
    expect(showAfterNext(now)).toMatchObject({
      position: 1,
      itemId: 'free-boris-site',
      sequence: 8,
    });
    expect(showAfterNext(showState({ position: 1, itemId: 'free-boris-site' }))).toMatchObject({
      position: 0,
      itemId: 'boris-kagarlitsky',
    });
  });

  it('prepares nothing in safe mode, a blackout, a song, or a pass of one item', () => {
    expect(showAfterNext(null)).toBeNull();
    expect(showAfterNext(showState({ safeMode: true }))).toBeNull();
    expect(showAfterNext(showState({ blackout: true }))).toBeNull();
    expect(showAfterNext(showState({ order: ['boris-kagarlitsky'] }))).toBeNull();
    expect(
      showAfterNext(showState({ lyrics: { songId: 'internationale', line: 0, timed: null } })),
    ).toBeNull();
  });
});

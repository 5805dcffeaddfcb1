import { describe, expect, it } from 'vitest';
import {
  StageFlip,
  frameAttributes,
  type FramePhase,
} from '../../../../../src/renderer/views/display/stage-flip';

/** A stage with frames as React would have rendered them, registered with a StageFlip. */
function stageOf(frames: { key: string; phase: FramePhase; imminent?: boolean }[]) {
  const flip = new StageFlip();
  const stage = document.createElement('div');
  stage.setAttribute('data-item-id', 'a');
  const elements = new Map<string, HTMLElement>();
  for (const frame of frames) {
    const element = document.createElement('div');
    element.setAttribute('data-item-id', frame.key);
    setAsReact(element, frame.phase, frame.imminent ?? false);
    stage.append(element);
    elements.set(frame.key, element);
    flip.frameRef(frame.key)(element);
  }
  return { flip, stage, elements };
}

function setAsReact(element: HTMLElement, phase: FramePhase, imminent: boolean) {
  for (const [name, value] of Object.entries(frameAttributes(phase, imminent))) {
    if (value === undefined) element.removeAttribute(name);
    else element.setAttribute(name, name === 'inert' ? '' : String(value));
  }
}

const phases = (stage: HTMLElement) =>
  [...stage.children].map(
    (f) => `${f.getAttribute('data-item-id')}:${f.getAttribute('data-phase')}`,
  );

describe('StageFlip', () => {
  const due = { sequence: 2 };
  const committedBeforeFlip = (stage: HTMLElement, ready = true) => ({
    stage,
    shownKey: 'a',
    frames: [
      { key: 'a', phase: 'in' as const, imminent: false },
      { key: 'b', phase: 'upcoming' as const, imminent: true },
    ],
    imminent: { key: 'b', state: due, ready: () => ready, entry: 'entry b' },
  });

  it('gives the same attributes React renders for each phase', () => {
    expect(frameAttributes('in', false)).toEqual({
      'data-phase': 'in',
      'data-imminent': undefined,
      'aria-hidden': undefined,
      inert: undefined,
    });
    expect(frameAttributes('upcoming', true)).toMatchObject({
      'data-imminent': 'true',
      'aria-hidden': true,
      inert: true,
    });
    // Only a waiting frame is imminent.
    expect(frameAttributes('out', true)['data-imminent']).toBeUndefined();
  });

  it('flips nothing before the stage has committed, or for another state', () => {
    const { flip, stage } = stageOf([
      { key: 'a', phase: 'in' },
      { key: 'b', phase: 'upcoming', imminent: true },
    ]);
    expect(flip.hasBuilt(due)).toBe(false);
    expect(flip.flipTo(due)).toBe(false);
    flip.commit(committedBeforeFlip(stage));
    expect(flip.hasBuilt({ sequence: 2 })).toBe(false);
    expect(flip.flipTo({ sequence: 2 })).toBe(false);
    expect(phases(stage)).toEqual(['a:in', 'b:upcoming']);
    // Asking changes nothing; the frame it has built is the one it flips to.
    expect(flip.hasBuilt(due)).toBe(true);
    expect(phases(stage)).toEqual(['a:in', 'b:upcoming']);
    expect(flip.flipTo(due)).toBe(true);
    expect(flip.hasBuilt(due)).toBe(false);
  });

  it('flips nothing while the imminent slide’s images are not decoded', () => {
    const { flip, stage } = stageOf([
      { key: 'a', phase: 'in' },
      { key: 'b', phase: 'upcoming', imminent: true },
    ]);
    flip.commit(committedBeforeFlip(stage, false));
    // Built, so the screen is ready for the change; its pictures are the item's own wait.
    expect(flip.hasBuilt(due)).toBe(true);
    expect(flip.flipTo(due)).toBe(false);
    expect(phases(stage)).toEqual(['a:in', 'b:upcoming']);
  });

  it('keeps its flip through a render of the old state, and is done when React has it', () => {
    const { flip, stage, elements } = stageOf([
      { key: 'a', phase: 'in' },
      { key: 'b', phase: 'upcoming', imminent: true },
    ]);
    flip.commit(committedBeforeFlip(stage));
    expect(flip.pendingEntry()).toBeNull();
    expect(flip.flipTo(due)).toBe(true);
    expect(phases(stage)).toEqual(['a:out', 'b:in']);
    expect(stage.getAttribute('data-item-id')).toBe('b');
    // Handed back to the stage until React has rendered it, so its frame stays.
    expect(flip.pendingEntry()).toBe('entry b');
    // Left for React's render after the frame: they restyle the slide's whole subtree.
    expect(elements.get('b')!.hasAttribute('inert')).toBe(true);

    // Something else re-rendered the stage before React got to the flipped state.
    flip.commit(committedBeforeFlip(stage));
    expect(phases(stage)).toEqual(['a:out', 'b:in']);
    expect(flip.flipTo(due)).toBe(false);

    flip.commit({
      stage,
      shownKey: 'b',
      frames: [
        { key: 'a', phase: 'out', imminent: false },
        { key: 'b', phase: 'in', imminent: false },
      ],
      imminent: null,
    });
    expect(phases(stage)).toEqual(['a:out', 'b:in']);
    expect(flip.pendingEntry()).toBeNull();
  });

  it('forgets a pending flip when the stage goes (a blackout)', () => {
    const { flip, stage } = stageOf([
      { key: 'a', phase: 'in' },
      { key: 'b', phase: 'upcoming', imminent: true },
    ]);
    flip.commit(committedBeforeFlip(stage));
    expect(flip.flipTo(due)).toBe(true);
    flip.reset();
    expect(flip.pendingEntry()).toBeNull();
    expect(flip.flipTo(due)).toBe(false);
  });

  it('undoes its flip when another state went up instead', () => {
    const { flip, stage } = stageOf([
      { key: 'a', phase: 'in' },
      { key: 'b', phase: 'upcoming', imminent: true },
      { key: 'c', phase: 'upcoming' },
    ]);
    flip.commit(committedBeforeFlip(stage));
    expect(flip.flipTo(due)).toBe(true);
    // A late change put `c` up; React kept `b` as it had it, so it set nothing on it.
    flip.commit({
      stage,
      shownKey: 'c',
      frames: [
        { key: 'a', phase: 'out', imminent: false },
        { key: 'b', phase: 'upcoming', imminent: false },
        { key: 'c', phase: 'in', imminent: false },
      ],
      imminent: null,
    });
    expect(phases(stage)).toEqual(['a:out', 'b:upcoming', 'c:in']);
    expect(stage.querySelectorAll('[data-phase="in"]')).toHaveLength(1);
  });
});

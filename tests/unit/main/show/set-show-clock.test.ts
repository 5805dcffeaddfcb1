import { describe, expect, it } from 'vitest';
import { ShowEngine } from '../../../../src/main/show/engine';
import { ShowClock, newestPastDayOf } from '../../../../src/main/show/show-clock';
import { commandSchema, refusal, showStateSchema } from '../../../../src/shared/protocol';
import { caseItem, localNoon, playlist, snapshot } from './content-fixtures';
import { FakeClock } from './fake-clock';

/** A Pi with no battery: it boots on 1 Jan 1970; the pack's facts were checked in June 2026. */
function piShow() {
  const machine = new FakeClock(localNoon(1970, 1, 1));
  const content = snapshot([caseItem('a', { asOf: '2026-06-05' }), playlist('main', ['a'])]);
  const showClock = new ShowClock(machine, () => newestPastDayOf(content));
  const saved: number[] = [];
  const engine = new ShowEngine(content, {
    showClock,
    onShowClockSet: (offset) => saved.push(offset),
  });
  return { machine, engine, saved };
}

describe('setShowClock', () => {
  it('tells the views the machine clock is behind the pack', () => {
    const { engine } = piShow();
    const state = engine.state();
    expect(state.clock).toEqual({
      offsetMs: 0,
      machineClockBehind: true,
      newestPastDay: '2026-06-05',
    });
    expect(() => showStateSchema.parse(state)).not.toThrow();
  });

  it("takes the phone's time: serverTime follows it, and the offset is kept", () => {
    const { engine, saved } = piShow();
    const phone = localNoon(2026, 12, 6);
    expect(engine.execute({ name: 'setShowClock', now: phone })).toEqual({ ok: true });
    expect(engine.state().serverTime).toBe(phone);
    expect(saved).toEqual([phone - localNoon(1970, 1, 1)]);
  });

  it('refuses a time from another wrong clock, or years ahead, and changes nothing', () => {
    const { engine, saved } = piShow();
    for (const now of [0, localNoon(2026, 6, 4), localNoon(2030, 1, 1)]) {
      const result = engine.execute({ name: 'setShowClock', now });
      expect(result.ok).toBe(false);
    }
    expect(engine.state().serverTime).toBe(localNoon(1970, 1, 1));
    expect(saved).toEqual([]);
  });

  it('is for the operator and the phone remote only, and bounded by the schema', () => {
    const command = commandSchema.parse({ name: 'setShowClock', now: 1_796_000_000_000 });
    expect(refusal('operator', command)).toBeNull();
    expect(refusal('remote', command)).toBeNull();
    for (const role of ['kiosk', 'display', 'overlay'] as const) {
      expect(refusal(role, command)).not.toBeNull();
    }
    for (const now of [-1, 1.5, 9e15, '1796000000000']) {
      expect(commandSchema.safeParse({ name: 'setShowClock', now }).success).toBe(false);
    }
  });
});

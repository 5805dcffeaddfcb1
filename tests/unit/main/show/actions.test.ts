import { describe, expect, it } from 'vitest';
import { ShowEngine } from '../../../../src/main/show/engine';
import { kioskActions, type Action } from '../../../../src/shared/actions';
import { refusal, type ShowState } from '../../../../src/shared/protocol';
import { caseItem, localNoon, playlist, snapshot, statement } from './content-fixtures';
import { FakeClock } from './fake-clock';
import { translate } from '../../../../src/shared/i18n';

/** The keyboard's path: the action turns the state into a command, the core performs it. */
function press(engine: ShowEngine, action: Action) {
  const command = action.command({ show: engine.state(), content: null });
  if (!command) throw new Error(`${action.name} sent nothing`);
  return { command, result: engine.execute(command), after: engine.state() };
}

function show() {
  const clock = new FakeClock(localNoon(2024, 6, 15));
  return new ShowEngine(
    snapshot(
      [
        caseItem('boris', { sensitive: true }),
        caseItem('anna'),
        statement('calm'),
        playlist('main', ['anna', 'boris', 'calm']),
      ],
      { safeSlide: 'calm' },
    ),
    { clock },
  );
}

/** What each (English) label promises, checked on the state before and after one press. */
const label = (action: { labelKey: string }) => translate('en', 'actions')(action.labelKey);

const promises: Record<string, (before: ShowState, after: ShowState) => void> = {
  'Next slide': (before, after) => {
    expect(after.position).toBe((before.position + 1) % before.order.length);
    expect(after.sequence).toBe(before.sequence + 1);
  },
  'Previous slide': (before, after) => {
    const n = before.order.length;
    expect(after.position).toBe((before.position - 1 + n) % n);
    expect(after.sequence).toBe(before.sequence + 1);
  },
  'Pause / resume': (before, after) => {
    expect(after.paused).toBe(!before.paused);
    expect(after.itemId).toBe(before.itemId);
  },
  Blackout: (before, after) => {
    expect(after.blackout).toBe(!before.blackout);
    expect(after.itemId).toBe(before.itemId);
  },
  'Safe mode': (before, after) => {
    expect(after.safeMode).toBe(!before.safeMode);
    if (after.safeMode) {
      expect(after.itemId).toBe('calm');
      expect(after.order).not.toContain('boris');
    } else {
      expect(after.order).toContain('boris');
    }
  },
};

describe('kiosk actions against the engine', () => {
  it('has a promise to check for every kiosk action', () => {
    expect(kioskActions.map((a) => label(a)).sort()).toEqual(Object.keys(promises).sort());
  });

  it('lets the kiosk send every action’s command, except safe mode off', () => {
    for (const action of kioskActions) {
      for (const flags of [
        { paused: false, blackout: false, safeMode: false },
        { paused: true, blackout: true, safeMode: true },
      ]) {
        const state = { ...show().state(), ...flags };
        const command = action.command({ show: state, content: null });
        if (!command) throw new Error(`${action.name} sent nothing`);
        const refused = refusal('kiosk', command);
        if (command.name === 'safeMode' && !command.on) {
          expect(refused?.message).toBe('only the operator can turn safe mode off');
        } else {
          expect(refused, `${action.name} with ${JSON.stringify(flags)}`).toBeNull();
        }
      }
    }
  });

  for (const action of kioskActions) {
    it(`"${label(action)}" does what its label says, both ways`, () => {
      const engine = show();
      for (let round = 0; round < 2; round++) {
        const before = engine.state();
        const { result, after } = press(engine, action);
        expect(result).toEqual({ ok: true });
        promises[label(action)]!(before, after);
      }
    });
  }
});

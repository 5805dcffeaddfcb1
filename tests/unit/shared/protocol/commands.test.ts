import { describe, expect, it } from 'vitest';
import {
  commandPermissions,
  mayRun,
  refusal,
  roles,
  type Command,
} from '../../../../src/shared/protocol';

const next: Command = { name: 'next' };
const safeOn: Command = { name: 'safeMode', on: true };
const safeOff: Command = { name: 'safeMode', on: false };
const goTo: Command = { name: 'goTo', itemId: 'x' };

describe('command permissions', () => {
  it('lets the operator send everything', () => {
    for (const command of [next, safeOn, safeOff, goTo])
      expect(mayRun('operator', command)).toBe(true);
  });

  it('lets a plain display and an overlay only show', () => {
    expect(refusal('display', next)?.message).toBe('the display role may not send next');
    expect(refusal('overlay', safeOn)?.message).toBe('the overlay role may not send safeMode');
  });

  it('gives the local kiosk its keys but not the operator commands', () => {
    expect(mayRun('kiosk', next)).toBe(true);
    expect(mayRun('kiosk', { name: 'blackout', on: true })).toBe(true);
    expect(refusal('kiosk', goTo)?.message).toBe('the kiosk role may not send goTo');
  });

  it('lets anyone who may switch safe mode on do so, but only the operator switch it off', () => {
    for (const role of ['kiosk', 'remote'] as const) {
      expect(mayRun(role, safeOn)).toBe(true);
      expect(refusal(role, safeOff)?.message).toBe('only the operator can turn safe mode off');
    }
  });

  it('has a permission list for every role and no other', () => {
    expect(Object.keys(commandPermissions).sort()).toEqual([...roles].sort());
  });
});

describe('the control role', () => {
  it('has every console command but those that set the show up', () => {
    const withheld = commandPermissions.operator.filter(
      (name) => !commandPermissions.control.includes(name),
    );
    expect([...withheld].sort()).toEqual(
      [
        'obsConfigure',
        'obsSetup',
        'obsVideoPlacement',
        'outputConfigure',
        'remoteEnable',
        'remoteRevoke',
        'screenApprove',
        'screenPairing',
        'screenRevoke',
        'setShowClock',
      ].sort(),
    );
    expect(
      commandPermissions.control.every((name) => commandPermissions.operator.includes(name)),
    ).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { classifyKey, type KeyInput } from '../../../../src/main/electron/keys';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  type: 'keyDown',
  key: k,
  code: /^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : k,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...extra,
});

describe('classifyKey', () => {
  it('knows the exit combo by physical key, in any layout', () => {
    expect(classifyKey(key('Q', { control: true, shift: true }), 'linux')).toBe('exit-combo');
    expect(classifyKey(key('Й', { code: 'KeyQ', control: true, shift: true }), 'win32')).toBe(
      'exit-combo',
    );
    expect(classifyKey(key('Q', { meta: true, shift: true }), 'darwin')).toBe('exit-combo');
    // Ctrl+Shift+Q on a Mac is not Cmd: it is merely blocked.
    expect(classifyKey(key('Q', { control: true, shift: true }), 'darwin')).toBe('blocked');
    expect(classifyKey(key('Q', { control: true, shift: true, type: 'keyUp' }), 'linux')).toBe(
      'pass',
    );
  });

  it('swallows the keys that close, quit, reload or leave full screen', () => {
    const blocked: [string, Partial<KeyInput>][] = [
      ['F4', { alt: true }],
      ['F4', { control: true }],
      ['w', { control: true }],
      ['q', { meta: true }],
      ['q', { control: true }],
      ['r', { control: true }],
      ['r', { control: true, shift: true }],
      ['F5', {}],
      ['F11', {}],
      ['F12', {}],
      ['i', { control: true, shift: true }],
      ['h', { meta: true }],
      ['m', { meta: true }],
      ['n', { control: true }],
      ['+', { control: true }],
    ];
    for (const [k, extra] of blocked) {
      expect(classifyKey(key(k, extra), 'linux'), `${k} ${JSON.stringify(extra)}`).toBe('blocked');
    }
  });

  it("lets the display's own keys through", () => {
    for (const k of ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', ' ', 'b', 's', 'Escape']) {
      expect(classifyKey(key(k), 'linux'), k).toBe('pass');
    }
    expect(classifyKey(key('F4'), 'linux')).toBe('pass');
  });
});

import { describe, expect, it } from 'vitest';
import { parseShellArgs } from '../../../../src/main/electron/args';

describe('parseShellArgs', () => {
  it('reads our options among Electron, Chromium and Playwright switches', () => {
    expect(
      parseShellArgs([
        '--inspect=0',
        '--remote-debugging-port=0',
        '--no-sandbox',
        '/app/out/main/index.js',
        '--content',
        '/packs/a',
        '--port',
        '0',
        '--data=/tmp/d',
        '--no-browser',
      ]),
    ).toEqual({ content: '/packs/a', port: 0, data: '/tmp/d', newTokens: false, merch: null });
  });

  it('takes --new-tokens and --merch [SECONDS] as serve does', () => {
    expect(parseShellArgs(['.', '--new-tokens']).newTokens).toBe(true);
    expect(parseShellArgs(['.', '--merch']).merch).toEqual({});
    expect(parseShellArgs(['.', '--merch', '90']).merch).toEqual({ idleSeconds: 90 });
    expect(parseShellArgs(['.', '--merch=120', '--port', '0'])).toMatchObject({
      merch: { idleSeconds: 120 },
      port: 0,
    });
    expect(parseShellArgs(['.', '--merch', '--port', '0']).merch).toEqual({});
    expect(parseShellArgs(['.', '--merch', '2']).merch).toEqual({});
  });
  it('ignores a port that is not one', () => {
    expect(parseShellArgs(['--port', 'eighty']).port).toBeUndefined();
    expect(parseShellArgs(['--port', '70000']).port).toBeUndefined();
    expect(parseShellArgs([])).toEqual({
      content: undefined,
      port: undefined,
      data: undefined,
      newTokens: false,
      merch: null,
    });
  });
});

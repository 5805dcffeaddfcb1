import { describe, expect, it, vi } from 'vitest';
import { launch, type LaunchDeps } from '../../../../src/main/launch/run';
import type { Core } from '../../../../src/main/core';

function fakeCore(): Core {
  return {
    server: {
      url: 'http://127.0.0.1:9000',
      port: 9000,
      host: '127.0.0.1',
      tokens: { display: 'd', kiosk: 'k-token', operator: 'o', overlay: 'v', remote: 'r' },
      close: async () => {},
    },
    store: {
      packDir: '/pack',
      snapshot: () => ({ pack: {} as never, items: [], errors: [], revision: 1 }),
      subscribe: () => () => {},
      close: async () => {},
    },
    engine: {} as never,
    stop: vi.fn(async () => {}),
  } as unknown as Core;
}

function deps(overrides: Partial<LaunchDeps>) {
  const out: string[] = [];
  const err: string[] = [];
  const spawned: { command: string; args: string[] }[] = [];
  const core = fakeCore();
  const all: LaunchDeps = {
    findElectron: () => ({ ok: false, reason: 'the Electron binary was never downloaded' }),
    findBrowser: () => '/usr/bin/chromium',
    graphical: () => true,
    spawnProcess: (command, args) => {
      spawned.push({ command, args });
      return { on: (_event, cb) => cb(0) };
    },
    startCore: vi.fn(async () => core),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    waitForStop: async () => undefined,
    ...overrides,
  };
  return { all, out, err, spawned, core };
}

const options = {
  appRoot: '/app',
  serve: {
    command: 'serve' as const,
    contentDir: '/app/content',
    port: 8080,
    host: '127.0.0.1',
    rendererDir: null,
    dataDir: '/data',
    newTokens: false,
    merch: null,
    remoteAddress: null,
  },
  noBrowser: false,
  passThroughArgs: ['--port', '8080'],
};

describe('launch', () => {
  it('runs the Electron app when its binary is installed, and starts no core itself', async () => {
    const d = deps({ findElectron: () => ({ ok: true, path: '/el/electron' }) });
    expect(await launch({ ...options, platform: 'darwin' }, d.all)).toBe(0);
    expect(d.spawned).toEqual([{ command: '/el/electron', args: ['/app', '--port', '8080'] }]);
    expect(d.all.startCore).not.toHaveBeenCalled();
  });

  it('starts Electron on X11 on Linux, where Wayland would ignore the chosen monitor', async () => {
    const d = deps({ findElectron: () => ({ ok: true, path: '/el/electron' }) });
    expect(await launch({ ...options, platform: 'linux' }, d.all)).toBe(0);
    expect(d.spawned[0]?.args).toEqual(['--ozone-platform=x11', '/app', '--port', '8080']);
    await launch({ ...options, platform: 'win32' }, d.all);
    expect(d.spawned[1]?.args).not.toContain('--ozone-platform=x11');
  });

  /** Electron that ends with `code`/`signal` after `ms` on a fake clock; then a kiosk browser. */
  function electronThatEnds(code: number | null, signal: NodeJS.Signals | null, ms: number) {
    let clock = 1_000_000;
    const spawned: { command: string; args: string[] }[] = [];
    const d = deps({
      findElectron: () => ({ ok: true, path: '/el/electron' }),
      now: () => clock,
      spawnProcess: (command, args) => {
        spawned.push({ command, args });
        const isElectron = spawned.length === 1;
        return {
          on: (_event, cb) => {
            if (!isElectron) return;
            clock += ms;
            cb(code, signal);
          },
        };
      },
    });
    return { ...d, spawned };
  }

  it('an Electron killed by a signal later in the show fails with 128 + the signal', async () => {
    const d = electronThatEnds(null, 'SIGSEGV', 3_600_000);
    expect(await launch(options, d.all)).toBe(128 + 11);
    expect(d.all.startCore).not.toHaveBeenCalled();
  });

  it('an Electron that exits non-zero later fails with its code, and 0 stays 0', async () => {
    expect(await launch(options, electronThatEnds(3, null, 3_600_000).all)).toBe(3);
    expect(await launch(options, electronThatEnds(0, null, 3_600_000).all)).toBe(0);
  });

  it.each([
    [null, 'SIGTRAP', /killed by SIGTRAP/],
    [1, null, /exit code 1/],
  ] as const)(
    'an Electron that dies at start (%s, %s) is explained, and the show runs headless with a kiosk browser',
    async (code, signal, how) => {
      const d = electronThatEnds(code, signal, 800);
      expect(await launch(options, d.all)).toBe(0);
      const said = d.err.join('\n');
      expect(said).toMatch(how);
      expect(said).toContain('AppArmor');
      expect(said).toContain('SUID sandbox helper');
      expect(d.all.startCore).toHaveBeenCalled();
      expect(d.spawned[1]?.command).toBe('/usr/bin/chromium');
      expect(d.spawned[1]?.args).toContain('--app=http://127.0.0.1:9000/kiosk?token=k-token');
    },
  );

  it('without Electron, explains once, serves headless and opens a kiosk browser', async () => {
    const d = deps({});
    expect(await launch(options, d.all)).toBe(0);
    expect(d.err.join('\n')).toMatch(/Electron desktop app is not available.*never downloaded/);
    expect(d.out[0]).toBe('Solidarity Screens is serving /pack');
    const [browser] = d.spawned;
    expect(browser?.command).toBe('/usr/bin/chromium');
    expect(browser?.args).toContain('--app=http://127.0.0.1:9000/kiosk?token=k-token');
    expect(d.core.stop).toHaveBeenCalled();
    expect(d.all.startCore).toHaveBeenCalledWith(
      expect.objectContaining({ contentDir: '/app/content', dataDir: '/data', port: 8080 }),
    );
  });

  it('prints the display URL when there is no browser or no screen', async () => {
    for (const override of [{ findBrowser: () => undefined }, { graphical: () => false }]) {
      const d = deps(override);
      await launch(options, d.all);
      expect(d.spawned).toEqual([]);
      expect(d.out.at(-1)).toBe(
        'No kiosk browser was opened. Open this address in a browser: http://127.0.0.1:9000/kiosk?token=k-token',
      );
    }
  });

  it('exits 1 with the reason when the core cannot start', async () => {
    const d = deps({
      startCore: async () => {
        throw new Error('listen EADDRINUSE');
      },
    });
    expect(await launch(options, d.all)).toBe(1);
    expect(d.err.at(-1)).toBe('Could not start the show: listen EADDRINUSE');
  });
});

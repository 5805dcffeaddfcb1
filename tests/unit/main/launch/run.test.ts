import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EarlyServer } from '../../../../src/main/first-slide/early-server';
import type { KeptStart } from '../../../../src/main/first-slide/launch';
import {
  BROWSER_KIOSK_NOTICE,
  ROOT_PARAGRAPH,
  launch,
  realDeps,
  type LaunchDeps,
} from '../../../../src/main/launch/run';
import { startCore, type Core } from '../../../../src/main/core/start';

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
  const spawned: { command: string; args: string[]; logFile?: string }[] = [];
  const core = fakeCore();
  const all: LaunchDeps = {
    findElectron: () => ({ ok: false, reason: 'the Electron binary was never downloaded' }),
    findBrowser: () => '/usr/bin/chromium',
    graphical: () => true,
    spawnProcess: (command, args, logFile) => {
      spawned.push({ command, args, ...(logFile === undefined ? {} : { logFile }) });
      return { on: (_event, cb) => cb(0) };
    },
    startCore: vi.fn(async () => core),
    listenKept: vi.fn(async () => null),
    dataDirEnvironment: () => ({ platform: 'linux', env: {}, home: '/home/ada', cwd: '/app' }),
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
    const spawned: { command: string; args: string[]; logFile?: string }[] = [];
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

  it("keeps the kiosk browser's own log out of the terminal, in the data folder, and says where", async () => {
    const d = deps({});
    Object.assign(d.core, { dataDir: '/data' });
    expect(await launch(options, d.all)).toBe(0);
    expect(d.spawned[0]?.logFile).toBe(path.join('/data', 'kiosk-browser.log'));
    expect(d.out).toContain(
      `Opening the display in /usr/bin/chromium (kiosk mode). Its own log: ${path.join('/data', 'kiosk-browser.log')}`,
    );
  });

  it("sends the real kiosk browser's output to the log file, not to this terminal", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ss-kiosk-log-'));
    const logFile = path.join(dir, 'kiosk-browser.log');
    const child = realDeps().spawnProcess(
      process.execPath,
      ['-e', 'console.log("dbus ERROR out"); console.error("dbus ERROR err")'],
      logFile,
    );
    await new Promise((resolve) => child.on('exit', resolve));
    const log = readFileSync(logFile, 'utf8');
    expect(log).toContain('dbus ERROR out');
    expect(log).toContain('dbus ERROR err');
    rmSync(dir, { recursive: true, force: true });
  });

  it('reopens a kiosk window closed mid-show, and tells the console it has no PIN lock', async () => {
    vi.useFakeTimers();
    try {
      let stop!: () => void;
      const exits: ((code: number | null) => void)[] = [];
      const killed: number[] = [];
      const d = deps({
        spawnProcess: (command, args) => {
          d.spawned.push({ command, args });
          const index = exits.length;
          return {
            on: (_event, cb) => void exits.push(cb),
            // Killed, a browser exits, as a real one does.
            kill: () => {
              killed.push(index);
              exits[index]?.(null);
            },
          };
        },
        waitForStop: () => new Promise<void>((resolve) => (stop = resolve)),
      });
      const running = launch(options, d.all);
      await vi.advanceTimersByTimeAsync(0);
      expect(d.spawned).toHaveLength(1);
      expect(d.all.startCore).toHaveBeenCalledWith(
        expect.objectContaining({ notices: [BROWSER_KIOSK_NOTICE] }),
      );
      // Alt+F4 on the venue screen, a minute into the show: it comes back.
      await vi.advanceTimersByTimeAsync(60_000);
      exits[0]!(0);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(d.spawned).toHaveLength(2);
      expect(d.spawned[1]).toEqual(d.spawned[0]);
      // Ctrl+C: the show stops and takes its kiosk window with it.
      stop();
      expect(await running).toBe(0);
      expect(killed).toEqual([1]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes the kiosk browser’s profile folder once the show has stopped and the browser exited', async () => {
    let stop!: () => void;
    let exit!: (code: number | null) => void;
    const order: string[] = [];
    const d = deps({
      spawnProcess: (command, args) => {
        d.spawned.push({ command, args });
        return {
          on: (_event, cb) => void (exit = cb),
          kill: () => {
            order.push('kill');
            // The browser takes a moment to exit, writing its profile meanwhile.
            setTimeout(() => {
              order.push(`exited, profile there: ${existsSync(profileOf(d.spawned[0]!.args))}`);
              exit(null);
            }, 20);
          },
        };
      },
      waitForStop: () => new Promise<void>((resolve) => (stop = resolve)),
    });
    const profileOf = (args: string[]) =>
      args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    const running = launch(options, d.all);
    await vi.waitFor(() => expect(d.spawned).toHaveLength(1));
    const profile = profileOf(d.spawned[0]!.args);
    expect(path.basename(profile)).toMatch(/^solidarity-kiosk-/);
    expect(existsSync(profile)).toBe(true);
    stop();
    expect(await running).toBe(0);
    expect(order).toEqual(['kill', 'exited, profile there: true']);
    expect(existsSync(profile)).toBe(false);
  });

  /** A restart the last run kept a slide for: the early server, its wake in the test's hands. */
  function keptStart() {
    let wakeUp!: () => void;
    const wake = new Promise<void>((resolve) => (wakeUp = resolve));
    const early = { wake, port: 9100 } as unknown as EarlyServer;
    const kept: KeptStart = {
      early,
      cliControlToken: 'cli-token',
      url: 'http://127.0.0.1:9100',
      tokens: {
        display: 'd2',
        kiosk: 'k2',
        operator: 'o2',
        overlay: 'v2',
        remote: 'r2',
        stage: 's2',
      },
    };
    return { kept, wakeUp };
  }

  it('on a restart with a kept slide, opens the kiosk on it at once and starts the core only at its wake', async () => {
    const { kept, wakeUp } = keptStart();
    const d = deps({ listenKept: vi.fn(async () => kept) });
    const running = launch(options, d.all);
    await vi.waitFor(() => expect(d.spawned).toHaveLength(1));
    expect(d.spawned[0]?.args).toContain('--app=http://127.0.0.1:9100/kiosk?token=k2');
    // The core is not even loaded while the kept slide's picture goes up.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(d.all.startCore).not.toHaveBeenCalled();
    wakeUp();
    expect(await running).toBe(0);
    expect(d.all.startCore).toHaveBeenCalledWith(
      expect.objectContaining({ early: kept.early, cliControlToken: 'cli-token' }),
    );
    // One window: the core's own start opens no second one.
    expect(d.spawned).toHaveLength(1);
    expect(d.core.stop).toHaveBeenCalled();
  });

  it("looks for a kept slide with serve's own options, and keeps the next start's slide", async () => {
    const d = deps({});
    await launch(options, d.all);
    expect(d.all.listenKept).toHaveBeenCalledWith(
      expect.objectContaining({ contentDir: '/app/content', dataDir: '/data', port: 8080 }),
      d.all.out,
      expect.any(Number),
    );
    expect(d.all.startCore).toHaveBeenCalledWith(
      expect.objectContaining({
        keepFirstSlide: expect.objectContaining({ load: expect.any(Function) }),
      }),
    );
  });

  it('without a browser, a kept start prints the kiosk address to open', async () => {
    const { kept, wakeUp } = keptStart();
    wakeUp();
    const d = deps({ findBrowser: () => undefined, listenKept: vi.fn(async () => kept) });
    expect(await launch(options, d.all)).toBe(0);
    expect(d.spawned).toEqual([]);
    expect(d.out).toContain(
      'No kiosk browser was opened. Open this address in a browser: http://127.0.0.1:9100/kiosk?token=k2',
    );
  });

  it('closes the kiosk window it opened on the kept slide when the core then fails to start', async () => {
    const { kept, wakeUp } = keptStart();
    wakeUp();
    const killed: string[] = [];
    const d = deps({
      listenKept: vi.fn(async () => kept),
      startCore: vi.fn(async () => {
        throw new Error('the pack folder vanished');
      }),
      spawnProcess: (command, args) => {
        d.spawned.push({ command, args });
        let onExit: ((code: number | null) => void) | undefined;
        return {
          on: (_event, cb) => void (onExit = cb),
          kill: () => {
            killed.push(command);
            onExit?.(null);
          },
        };
      },
    });
    expect(await launch(options, d.all)).toBe(1);
    expect(d.err.join('\n')).toContain('the pack folder vanished');
    expect(killed).toEqual(['/usr/bin/chromium']);
  });

  it('says nothing about a kiosk lock when it opens no browser', async () => {
    const d = deps({ findBrowser: () => undefined });
    await launch(options, d.all);
    expect(d.all.startCore).toHaveBeenCalledWith(expect.objectContaining({ notices: [] }));
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

  it('as root opens no window (Electron and Chromium refuse it), says why once, and serves headless', async () => {
    const d = deps({
      runningAsRoot: () => true,
      findElectron: () => ({ ok: true, path: '/el/electron' }),
    });
    expect(await launch(options, d.all)).toBe(0);
    expect(d.spawned).toEqual([]);
    expect(d.err.filter((line) => /root/.test(line))).toEqual([ROOT_PARAGRAPH]);
    expect(ROOT_PARAGRAPH).toMatch(/as a normal user/);
    expect(d.err.join('\n')).not.toMatch(/not available on this machine|stopped right after/);
    expect(d.all.startCore).toHaveBeenCalledWith(expect.objectContaining({ notices: [] }));
    expect(d.out.at(-1)).toBe(
      'No kiosk browser was opened. Open this address in a browser: http://127.0.0.1:9000/kiosk?token=k-token',
    );
  });

  it('exits 1 with the reason when the core cannot start', async () => {
    const d = deps({
      startCore: async () => {
        throw new Error('listen EADDRINUSE');
      },
    });
    expect(await launch(options, d.all)).toBe(1);
    expect(d.err.at(-1)).toBe('Could not start: listen EADDRINUSE');
  });
});

describe('launch without Electron keeps the same state as serve', () => {
  const withoutData = { ...options, serve: { ...options.serve, dataDir: null } };

  it('uses the data folder serve uses when --data is not given: never none', async () => {
    const fromEnv = deps({
      dataDirEnvironment: () => ({
        platform: 'linux',
        env: { SOLIDARITY_DATA_DIR: '/srv/show' },
        home: '/home/ada',
        cwd: '/app',
      }),
    });
    await launch(withoutData, fromEnv.all);
    expect(fromEnv.all.startCore).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: '/srv/show' }),
    );
    const osDefault = deps({});
    await launch(withoutData, osDefault.all);
    expect(osDefault.all.startCore).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir: '/home/ada/.local/share/solidarity-screens' }),
    );
  });

  it('restarts with the same links and still in safe mode, and prints the Data line', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ss-launch-'));
    const goodPack = path.resolve(__dirname, '../../../fixtures/packs/good');
    const renderer = path.join(dir, 'renderer');
    const run = async (during: (core: Core) => void) => {
      const d = deps({
        findBrowser: () => undefined,
        // The environment names the data folder; `--data` is not given.
        dataDirEnvironment: () => ({
          platform: 'linux',
          env: { SOLIDARITY_DATA_DIR: path.join(dir, 'data') },
          home: path.join(dir, 'home'),
          cwd: dir,
        }),
      });
      // A real core, started with the options `npm start` gives it.
      let started!: Core;
      d.all.startCore = async (o) => (started = await startCore({ ...o, obs: false }));
      d.all.waitForStop = async () => during(started);
      const serve = { ...options.serve, contentDir: goodPack, port: 0, dataDir: null };
      const code = await launch(
        { ...options, appRoot: dir, serve: { ...serve, rendererDir: renderer } },
        d.all,
      );
      expect(code).toBe(0);
      return { out: d.out, core: started };
    };
    try {
      const first = await run((core) => core.engine.execute({ name: 'safeMode', on: true }));
      let restarted: unknown;
      const second = await run((core) => (restarted = core.engine.state()));
      // The show stopped in safe mode comes back in safe mode, on the safe slide.
      expect(restarted).toMatchObject({ safeMode: true, itemId: 'solidarity' });
      expect(second.core.server.tokens).toEqual(first.core.server.tokens);
      expect(second.out).toContain(`Data: ${path.join(dir, 'data')} (show position, view tokens)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

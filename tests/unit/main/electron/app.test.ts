import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startElectronApp } from '../../../../src/main/electron/app';
import { startCore, type Core } from '../../../../src/main/core/start';
import type { EarlyServer } from '../../../../src/main/first-slide/early-server';
import { listenWithKeptFirstSlide } from '../../../../src/main/first-slide/launch';
import { keptSlideOptions } from '../../../../src/main/first-slide/options';
import {
  FakeBrowserWindow,
  FakeUtilityProcess,
  electron,
  loadEntry,
  resetFakeElectron,
} from '../../../mocks/electron';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);
vi.mock('../../../../src/main/core/start', () => ({ startCore: vi.fn() }));
vi.mock('../../../../src/main/first-slide/launch', () => ({
  listenWithKeptFirstSlide: vi.fn(async () => null),
}));

const paths = {
  appRoot: '/app',
  preloadPath: '/app/out/preload/index.cjs',
  rendererDir: '/app/out/renderer',
  scaleWorkerPath: '/app/out/main/scale-worker.js',
  slideRendererPath: '/app/out/main/first-slide-render.js',
};

function fakeCore(): Core {
  return {
    server: {
      url: 'http://127.0.0.1:9000',
      port: 9000,
      host: '127.0.0.1',
      tokens: {
        display: 'd'.repeat(16),
        kiosk: 'kiosk-token-abcdefgh',
        operator: 'o'.repeat(16),
        overlay: 'v'.repeat(16),
        remote: 'r'.repeat(16),
      },
      close: async () => {},
    },
    store: {
      packDir: '/pack',
      snapshot: () => ({ pack: {}, items: [], errors: [], revision: 1 }),
      subscribe: () => () => {},
      close: async () => {},
    },
    engine: {},
    stop: vi.fn(async () => {}),
  } as unknown as Core;
}

/**
 * The app started as the entry module starts it, under Electron's loader rule: ready comes
 * once the entry's evaluation has finished. Resolves when the start is done.
 */
async function runElectronApp(appPaths: typeof paths, argv: string[]) {
  let started: Promise<unknown> = Promise.resolve();
  await loadEntry(() => {
    started = startElectronApp(appPaths, argv);
  });
  return started;
}

let dataDir: string;
let log: ReturnType<typeof vi.spyOn>;
let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  resetFakeElectron();
  dataDir = mkdtempSync(path.join(tmpdir(), 'electron-app-'));
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  // The shell listens for SIGINT and SIGTERM; in the test worker those must stay vitest's.
  const on = process.on.bind(process);
  vi.spyOn(process, 'on').mockImplementation(((event: string, listener: () => void) =>
    event === 'SIGINT' || event === 'SIGTERM'
      ? process
      : on(event, listener)) as typeof process.on);
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('startElectronApp', () => {
  it('does everything Electron needs before ready while the entry evaluates, and waits for nothing', () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    const started = startElectronApp(paths, ['/app', '--data', dataDir]);
    expect(started).toBeInstanceOf(Promise);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.join(dataDir, 'electron'));
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    // Nothing was created before ready: the fake, like Electron, would have thrown.
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('warns when the window would land on Wayland, where it cannot choose its monitor', async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    vi.stubEnv('XDG_SESSION_TYPE', 'wayland');
    try {
      await runElectronApp(paths, ['/app', '--data', dataDir]);
      const warned = warn.mock.calls.flat().join();
      expect(warned).toContain(process.platform === 'linux' ? 'on Wayland' : 'No kiosk PIN');
      warn.mockClear();
      resetFakeElectron();
      electron.app.switches.set('ozone-platform', 'x11');
      await runElectronApp(paths, ['/app', '--data', dataDir]);
      expect(warn.mock.calls.flat().join()).not.toContain('on Wayland');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('scales images in a utility process, not with sharp in the main process', async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    await runElectronApp(paths, ['/app', '--data', dataDir]);
    const scaleImage = vi.mocked(startCore).mock.calls[0]?.[0].scaleImage;
    expect(scaleImage).toBeTypeOf('function');
    const copy = scaleImage!('/pack/media/photo.jpg', 'image/jpeg', 640);
    await vi.waitFor(() => expect(FakeUtilityProcess.instances).toHaveLength(1));
    const [child] = FakeUtilityProcess.instances;
    expect(child!.modulePath).toBe('/app/out/main/scale-worker.js');
    expect(child!.sent).toEqual([
      { id: 0, file: '/pack/media/photo.jpg', type: 'image/jpeg', width: 640 },
    ]);
    child!.reply({ id: 0, ok: true, data: new Uint8Array([1, 2, 3]) });
    expect(await copy).toEqual(Buffer.from([1, 2, 3]));
  });

  it('a start that fails unexpectedly says so once ready, and exits with 1', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.mocked(startCore).mockRejectedValue(new Error('disk on fire'));
    expect(await runElectronApp(paths, ['/app', '--data', dataDir])).toBeUndefined();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Solidarity Screens could not start',
      'The show could not start: disk on fire',
    );
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });

  it('starts the core, then the kiosk window on its kiosk page', async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    await runElectronApp(paths, ['/app', '--data', dataDir, '--port', '0', '--content', '/pack']);
    expect(startCore).toHaveBeenCalledWith(
      expect.objectContaining({
        contentDir: '/pack',
        port: 0,
        rendererDir: '/app/out/renderer',
        dataDir,
        newTokens: false,
        merchTable: null,
      }),
    );
    const [window] = FakeBrowserWindow.instances;
    expect(window?.url).toBe('http://127.0.0.1:9000/kiosk?token=kiosk-token-abcdefgh');
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(log.mock.calls.flat().join('\n')).toContain('operator  http://127.0.0.1:9000/operator');
    expect(warn.mock.calls.flat().join()).toContain('No kiosk PIN is set');
  });

  it("keeps Electron's profile in the data folder, set before the single-instance lock", async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    await runElectronApp(paths, ['/app', `--data=${dataDir}`, '--merch', '90']);
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', path.join(dataDir, 'electron'));
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0] as number,
    );
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(startCore).toHaveBeenCalledWith(
      expect.objectContaining({ port: 8080, dataDir, merchTable: { idleSeconds: 90 } }),
    );
  });

  it('finds the data folder as serve does when --data is not given', async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    vi.stubEnv('SOLIDARITY_DATA_DIR', dataDir);
    try {
      await runElectronApp(paths, ['/app']);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(startCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir }));
  });

  it('reads the PIN from settings.json in the data folder', async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    writeFileSync(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({ kiosk: { pinHash: 'bad' } }),
    );
    await runElectronApp(paths, ['/app', '--data', dataDir]);
    expect(warn.mock.calls.flat().join()).toContain('cannot be read');
    const [window] = FakeBrowserWindow.instances;
    window?.webContents.press({ key: 'Q', control: true, shift: true });
    // A PIN is configured (if unreadable): the combo asks for it instead of quitting.
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('does nothing but quit when another instance is running', async () => {
    electron.app.singleInstanceLockFree = false;
    await runElectronApp(paths, ['/app', '--data', dataDir]);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(startCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('explains a busy port in a dialog and exits with 1', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.mocked(startCore).mockRejectedValue(
      Object.assign(new Error('listen'), { code: 'EADDRINUSE' }),
    );
    await runElectronApp(paths, ['/app', '--data', dataDir]);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Solidarity Screens could not start',
      expect.stringContaining('Port 8080 is already in use'),
    );
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it("keeps the next start's first slide, with the options the next start checks", async () => {
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    await runElectronApp(paths, ['/app', '--data', dataDir, '--content', '/pack', '--merch', '90']);
    const keep = vi.mocked(startCore).mock.calls[0]?.[0].keepFirstSlide;
    expect(keep?.options).toEqual(
      keptSlideOptions({
        contentDir: '/pack',
        rendererDir: '/app/out/renderer',
        merch: { idleSeconds: 90 },
      }),
    );
    expect(keep?.load).toBeTypeOf('function');
    expect(vi.mocked(listenWithKeptFirstSlide)).toHaveBeenCalledWith(
      expect.objectContaining({ contentDir: '/pack', dataDir, port: 8080, host: '127.0.0.1' }),
      expect.any(Function),
    );
  });

  it('on a restart with a kept slide, opens the window on it and loads the core only at its wake', async () => {
    let wakeUp!: () => void;
    const early = {
      wake: new Promise<void>((resolve) => (wakeUp = resolve)),
      port: 9100,
      close: vi.fn(async () => {}),
    } as unknown as EarlyServer;
    vi.mocked(listenWithKeptFirstSlide).mockResolvedValueOnce({
      early,
      cliControlToken: 'cli-token-0123456789',
      url: 'http://127.0.0.1:9100',
      tokens: { ...fakeCore().server.tokens, kiosk: 'kept-kiosk-token-0123' },
    });
    vi.mocked(startCore).mockResolvedValue(fakeCore());
    const started = runElectronApp(paths, ['/app', '--data', dataDir]);
    await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
    expect(FakeBrowserWindow.instances[0]?.url).toBe(
      'http://127.0.0.1:9100/kiosk?token=kept-kiosk-token-0123',
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(startCore).not.toHaveBeenCalled();
    wakeUp();
    await started;
    expect(startCore).toHaveBeenCalledWith(
      expect.objectContaining({ early, cliControlToken: 'cli-token-0123456789' }),
    );
    // One window, and the banner's tail only: its head was printed with the kept slide.
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(log.mock.calls.flat().join('\n')).not.toContain('operator  http://127.0.0.1:9000');
  });
});

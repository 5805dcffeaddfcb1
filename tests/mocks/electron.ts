// A fake `electron` module for unit tests, as Electron Fiddle keeps in tests/mocks: enough of
// app, BrowserWindow, screen, powerSaveBlocker, session, protocol, ipcMain and friends to drive
// the shell's logic by emitting the events Electron would emit. Use it with
//
//   vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);
//   beforeEach(() => resetFakeElectron());
//
// The real module must never load in a test: since Electron 42, requiring it without its
// binary starts a download.
//
// The fake keeps the rules of the real Electron that code can trip over, so a test fails where
// the app would: the app is not ready until the entry module has finished evaluating
// (`loadEntry`), and until then `BrowserWindow`, `screen`, `protocol.handle` and `safeStorage`
// throw as they do in Electron; leaving and entering full screen finishes later, with
// `leave-full-screen` / `enter-full-screen`, as on macOS; a full-screen window ignores
// `setBounds`. Tests of code that runs once the app is ready start with
// `resetFakeElectron({ ready: true })`.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { KeyInput } from '../../src/main/electron/keys';

export interface FakeEvent {
  preventDefault: ReturnType<typeof vi.fn>;
  readonly defaultPrevented: boolean;
}

export function createFakeEvent(extra: Record<string, unknown> = {}): FakeEvent {
  let prevented = false;
  return {
    ...extra,
    preventDefault: vi.fn(() => {
      prevented = true;
    }),
    get defaultPrevented() {
      return prevented;
    },
  };
}

/** The one switch the "before ready" rules read; the app flips it in `emitReady`. */
const lifecycle = { ready: false };

/** What Electron says when an API that needs a running app is used too early. */
function requireReady(api: string): void {
  if (!lifecycle.ready) throw new Error(`${api} cannot be used before the app is ready`);
}

type WindowOpenHandler = (details: { url: string }) => { action: string };

let nextWebContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  windowOpenHandler: WindowOpenHandler | undefined;
  destroyed = false;
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });
  send = vi.fn();
  isDestroyed = () => this.destroyed;

  /** What `window.open(url)` in the page would get. */
  openWindow(url: string) {
    return this.windowOpenHandler?.({ url });
  }

  /** A key press as `before-input-event` reports it; true when the page would not see it. */
  press(input: Partial<FakeInput> & { key: string }): boolean {
    const event = createFakeEvent();
    this.emit('before-input-event', event, { ...defaultInput(input.key), ...input });
    return event.defaultPrevented;
  }
}

/** Electron's `Input`, as far as the shell reads it. */
export interface FakeInput extends KeyInput {
  isAutoRepeat: boolean;
}

function defaultInput(key: string): FakeInput {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key;
  return {
    type: 'keyDown',
    key,
    code,
    control: false,
    meta: false,
    alt: false,
    shift: false,
    isAutoRepeat: false,
  };
}

export function createFakeWebContents(): FakeWebContents {
  return new FakeWebContents();
}

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  /** Told of every page a window loads: how a harness outside vitest watches the app. */
  static onLoad: ((window: FakeBrowserWindow, url: string) => void) | undefined;

  readonly webContents = new FakeWebContents();
  bounds: Bounds;
  kiosk: boolean;
  fullScreen: boolean;
  visible = false;
  destroyed = false;
  url: string | undefined;

  constructor(readonly options: Record<string, unknown> = {}) {
    super();
    // Electron: "Cannot create BrowserWindow before app is ready".
    requireReady('BrowserWindow');
    const pick = (key: string, fallback: number) =>
      typeof options[key] === 'number' ? (options[key] as number) : fallback;
    this.bounds = {
      x: pick('x', 0),
      y: pick('y', 0),
      width: pick('width', 800),
      height: pick('height', 600),
    };
    this.kiosk = options.kiosk === true;
    this.fullScreen = options.fullscreen === true || this.kiosk;
    FakeBrowserWindow.instances.push(this);
  }

  loadURL = vi.fn(async (url: string) => {
    this.url = url;
    FakeBrowserWindow.onLoad?.(this, url);
  });
  show = vi.fn(() => {
    this.visible = true;
    this.emit('show');
  });
  hide = vi.fn(() => {
    this.visible = false;
    this.emit('hide');
  });
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isVisible = () => this.visible;
  isDestroyed = () => this.destroyed;
  /** A full-screen window keeps its place: the move is ignored, as by the window managers. */
  setBounds = vi.fn((bounds: Bounds) => {
    if (this.fullScreen) return;
    this.bounds = { ...bounds };
  });
  getBounds = () => ({ ...this.bounds });
  /** Transitions still under way; `settled()` waits for them. */
  private transitions: Promise<void> = Promise.resolve();
  /**
   * Leaving or entering full screen (kiosk is full screen plus a lock) finishes later, as on
   * macOS, where it is an animation: the state changes and the event fires after the call.
   */
  private transition(kiosk: boolean | undefined, fullScreen: boolean): void {
    this.transitions = this.transitions.then(
      () =>
        new Promise<void>((resolve) =>
          queueMicrotask(() => {
            if (kiosk !== undefined) this.kiosk = kiosk;
            const changed = this.fullScreen !== fullScreen;
            this.fullScreen = fullScreen;
            if (changed && !this.destroyed) {
              this.emit(fullScreen ? 'enter-full-screen' : 'leave-full-screen');
            }
            resolve();
          }),
        ),
    );
  }
  setKiosk = vi.fn((flag: boolean) => this.transition(flag, flag));
  isKiosk = () => this.kiosk;
  setFullScreen = vi.fn((flag: boolean) => this.transition(undefined, flag));
  isFullScreen = () => this.fullScreen;
  /** Resolves once every full-screen change asked for so far has happened. */
  async settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = this.transitions;
      await seen;
    } while (seen !== this.transitions);
  }

  /** As a user or the window manager closing it (Alt+F4): the `close` event may refuse. */
  close = vi.fn(() => {
    if (this.destroyed) return;
    const event = createFakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  });
  destroy = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  });

  /** The first paint: what `ready-to-show` means. */
  paint() {
    this.emit('ready-to-show');
  }

  static open(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.open();
  }
}

export interface FakeDisplay {
  id: number;
  bounds: Bounds;
}

export const laptop: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1440, height: 900 } };
export const projector: FakeDisplay = {
  id: 2,
  bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
};

export class FakeScreen extends EventEmitter {
  displays: FakeDisplay[] = [laptop];
  primaryId = laptop.id;
  getAllDisplays = () => {
    requireReady("The 'screen' module");
    return this.displays.map((d) => ({ ...d, bounds: { ...d.bounds } }));
  };
  getPrimaryDisplay = () => this.getAllDisplays().find((d) => d.id === this.primaryId) ?? laptop;
  override on(event: string | symbol, listener: (...args: unknown[]) => void): this {
    requireReady("The 'screen' module");
    return super.on(event, listener);
  }

  /** A monitor plugged in, as Electron reports it. */
  plug(display: FakeDisplay) {
    this.displays = [...this.displays.filter((d) => d.id !== display.id), display];
    this.emit('display-added', createFakeEvent(), display);
  }
  unplug(id: number) {
    const gone = this.displays.find((d) => d.id === id);
    this.displays = this.displays.filter((d) => d.id !== id);
    this.emit('display-removed', createFakeEvent(), gone);
  }
  resize(id: number, bounds: Bounds) {
    this.displays = this.displays.map((d) => (d.id === id ? { ...d, bounds } : d));
    const display = this.displays.find((d) => d.id === id);
    this.emit('display-metrics-changed', createFakeEvent(), display, ['bounds']);
  }
  reset() {
    this.removeAllListeners();
    this.displays = [laptop];
    this.primaryId = laptop.id;
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

export class FakeApp extends EventEmitter {
  singleInstanceLockFree = true;
  exitCode: number | undefined;
  paths: Record<string, string> = { userData: '/fake/userData' };
  isPackaged = false;
  /** Chromium's switches as Electron was started with them (`--ozone-platform=x11`). */
  switches = new Map<string, string>();
  commandLine = {
    hasSwitch: vi.fn((name: string) => this.switches.has(name)),
    getSwitchValue: vi.fn((name: string) => this.switches.get(name) ?? ''),
    appendSwitch: vi.fn((name: string, value = '') => {
      this.switches.set(name, value);
    }),
  };
  private readyGate = deferred();

  requestSingleInstanceLock = vi.fn(() => this.singleInstanceLockFree);
  /** Settles only once `emitReady` runs: after the entry module has finished evaluating. */
  whenReady = vi.fn(() => this.readyGate.promise);
  isReady = vi.fn(() => lifecycle.ready);
  /** What the OS would start at login (macOS, Windows). */
  loginItem = { openAtLogin: false };
  /**
   * Strict: Electron's docs list this among the app's APIs for a running app; a call before
   * `ready` is a bug in our order, so the fake refuses it loudly rather than quietly.
   */
  setLoginItemSettings = vi.fn((settings: { openAtLogin?: boolean }) => {
    requireReady('app.setLoginItemSettings()');
    this.loginItem = { openAtLogin: settings.openAtLogin ?? false };
  });
  getLoginItemSettings = vi.fn(() => {
    requireReady('app.getLoginItemSettings()');
    return { ...this.loginItem };
  });
  enableSandbox = vi.fn(() => {
    if (lifecycle.ready)
      throw new Error('app.enableSandbox() can only be called before app is ready');
  });
  /** Electron's `ready`: what its loader does once the entry module has been evaluated. */
  emitReady(): void {
    if (lifecycle.ready) return;
    lifecycle.ready = true;
    this.emit('ready', createFakeEvent(), {});
    this.readyGate.resolve();
  }
  getPath = vi.fn((name: string) => this.paths[name] ?? `/fake/${name}`);
  setPath = vi.fn((name: string, value: string) => {
    this.paths[name] = value;
  });
  exit = vi.fn((code = 0) => {
    this.exitCode = code;
  });
  /**
   * Electron's order: `before-quit` (may refuse), then every window is closed (each may
   * refuse), then `will-quit` (may hold the exit), then the process ends.
   */
  quit = vi.fn(() => {
    const before = createFakeEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const window of FakeBrowserWindow.open()) {
      window.close();
      if (!window.destroyed) return;
    }
    const will = createFakeEvent();
    this.emit('will-quit', will);
    if (!will.defaultPrevented) this.exitCode = 0;
  });

  reset(ready: boolean) {
    this.removeAllListeners();
    this.singleInstanceLockFree = true;
    this.exitCode = undefined;
    this.paths = { userData: '/fake/userData' };
    this.isPackaged = false;
    this.loginItem = { openAtLogin: false };
    this.switches = new Map();
    lifecycle.ready = false;
    this.readyGate = deferred();
    if (ready) this.emitReady();
  }
}

export class FakePowerSaveBlocker {
  active = new Map<number, string>();
  private nextId = 1;
  start = vi.fn((type: string) => {
    const id = this.nextId++;
    this.active.set(id, type);
    return id;
  });
  stop = vi.fn((id: number) => {
    this.active.delete(id);
    return true;
  });
  isStarted = vi.fn((id: number) => this.active.has(id));
  reset() {
    this.active.clear();
  }
}

type BeforeRequestListener = (
  details: { url: string; resourceType?: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]>; cancel?: boolean }) => void,
) => void;

export class FakeSession {
  beforeRequest: BeforeRequestListener | undefined;
  headersReceived: HeadersListener | undefined;
  setPermissionRequestHandler = vi.fn();
  setPermissionCheckHandler = vi.fn();
  setDevicePermissionHandler = vi.fn();
  webRequest = {
    onBeforeRequest: vi.fn((listener: BeforeRequestListener) => {
      this.beforeRequest = listener;
    }),
    onHeadersReceived: vi.fn((listener: HeadersListener) => {
      this.headersReceived = listener;
    }),
  };

  /** What the session would do with a request to `url`: true when it is cancelled. */
  cancels(url: string): boolean {
    let cancel: boolean | undefined;
    this.beforeRequest?.({ url }, (response) => (cancel = response.cancel));
    return cancel === true;
  }

  /** The response headers the page would see for a response from `url`. */
  headersFor(url: string, responseHeaders: Record<string, string[]> = {}) {
    let result: Record<string, string[]> | undefined;
    this.headersReceived?.({ url, responseHeaders }, (response) => {
      result = response.responseHeaders ?? responseHeaders;
    });
    return result;
  }
}

export function createFakeSession(): FakeSession {
  return new FakeSession();
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

export class FakeIpcMain {
  handlers = new Map<string, IpcHandler>();
  handle = vi.fn((channel: string, handler: IpcHandler) => {
    // Electron throws on a second handler for a channel; so does the fake.
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    }
    this.handlers.set(channel, handler);
  });
  removeHandler = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** A renderer's `ipcRenderer.invoke`, from the given sender and frame URL. */
  async invoke(
    channel: string,
    from: { sender: unknown; frameUrl: string },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender: from.sender, senderFrame: { url: from.frameUrl } }, ...args);
  }
  reset() {
    this.handlers.clear();
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol {
  handlers = new Map<string, ProtocolHandler>();
  registerSchemesAsPrivileged = vi.fn(() => {
    if (lifecycle.ready) {
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    }
  });
  handle = vi.fn((scheme: string, handler: ProtocolHandler) => {
    requireReady('protocol.handle');
    this.handlers.set(scheme, handler);
  });
  /** A page loading `url` from a custom scheme. */
  async fetch(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`no handler for ${scheme}:`);
    return handler(new Request(url));
  }
  reset() {
    this.handlers.clear();
  }
}

export class FakeContextBridge {
  exposed: Record<string, unknown> = {};
  exposeInMainWorld = vi.fn((key: string, api: unknown) => {
    this.exposed[key] = api;
  });
  reset() {
    this.exposed = {};
  }
}

/** A utility process: records what it is sent; a test answers with `reply` or ends it. */
export class FakeUtilityProcess extends EventEmitter {
  static instances: FakeUtilityProcess[] = [];
  sent: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: Record<string, unknown>,
  ) {
    super();
    FakeUtilityProcess.instances.push(this);
  }
  postMessage = vi.fn((message: unknown) => {
    this.sent.push(message);
  });
  kill = vi.fn(() => {
    if (this.killed) return false;
    this.killed = true;
    this.emit('exit', 0);
    return true;
  });
  reply(message: unknown) {
    this.emit('message', message);
  }
}

type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6';

/**
 * safeStorage: "encrypts" by reversing and prefixing, so a test can tell ciphertext from the
 * password. `available` switches what the availability calls answer; `backend` is what Linux
 * reports. As in Electron on Linux with no secret service, `basic_text` still says "available":
 * it encrypts with a key written into Chromium's source, which protects nothing.
 */
export class FakeSafeStorage {
  available = true;
  backend: StorageBackend = 'gnome_libsecret';
  isEncryptionAvailable = vi.fn(() => {
    requireReady('safeStorage');
    return this.available;
  });
  isAsyncEncryptionAvailable = vi.fn(async () => {
    requireReady('safeStorage');
    return this.available;
  });
  /** Electron answers `unknown` before ready instead of throwing. Linux only. */
  getSelectedStorageBackend = vi.fn(() => (lifecycle.ready ? this.backend : 'unknown'));
  private encrypt(plain: string): Buffer {
    requireReady('safeStorage');
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.from(`enc:${[...plain].reverse().join('')}`, 'utf8');
  }
  private decrypt(encrypted: Buffer): string {
    requireReady('safeStorage');
    if (!this.available) throw new Error('Decryption is not available.');
    const text = encrypted.toString('utf8');
    if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided');
    return [...text.slice(4)].reverse().join('');
  }
  /** Deprecated in Electron 45's typings; the app uses the asynchronous calls. */
  encryptString = vi.fn((plain: string) => this.encrypt(plain));
  decryptString = vi.fn((encrypted: Buffer) => this.decrypt(encrypted));
  encryptStringAsync = vi.fn(async (plain: string) => this.encrypt(plain));
  decryptStringAsync = vi.fn(async (encrypted: Buffer) => ({
    shouldReEncrypt: false,
    result: this.decrypt(encrypted),
  }));
  reset() {
    this.available = true;
    this.backend = 'gnome_libsecret';
  }
}

function createFakeElectron() {
  const app = new FakeApp();
  const screen = new FakeScreen();
  const powerSaveBlocker = new FakePowerSaveBlocker();
  const defaultSession = new FakeSession();
  const ipcMain = new FakeIpcMain();
  const protocol = new FakeProtocol();
  const powerMonitor = new EventEmitter();
  const contextBridge = new FakeContextBridge();
  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    screen,
    powerSaveBlocker,
    session: { defaultSession },
    ipcMain,
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) },
    protocol,
    powerMonitor,
    contextBridge,
    globalShortcut: { register: vi.fn(() => true), unregisterAll: vi.fn() },
    Menu: { setApplicationMenu: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    safeStorage: new FakeSafeStorage(),
    utilityProcess: {
      // Electron: "utilityProcess cannot be created before app is ready".
      fork: vi.fn((modulePath: string, args: string[] = [], options = {}) => {
        requireReady('utilityProcess');
        return new FakeUtilityProcess(modulePath, args, options);
      }),
    },
  };
  return electron;
}

/** The module `vi.mock('electron', …)` hands out; one per test file. */
export const electron = createFakeElectron();

/**
 * Electron's loader: the entry module is evaluated, and the app becomes ready only once that
 * evaluation has finished. An entry that waits for `ready` while it evaluates (a top-level
 * `await app.whenReady()`) never finishes, here as in Electron.
 */
export async function loadEntry(evaluate: () => unknown): Promise<void> {
  await evaluate();
  electron.app.emitReady();
}

/**
 * Forget every window, listener, handler and call: call it in `beforeEach`. The app starts
 * not ready, as at the top of the entry module; `{ ready: true }` is for code that only ever
 * runs once the app is ready (the shell's windows, the lock, the displays).
 */
export function resetFakeElectron(options: { ready?: boolean } = {}): void {
  electron.app.reset(options.ready === true);
  electron.screen.reset();
  electron.powerSaveBlocker.reset();
  electron.session.defaultSession = new FakeSession();
  electron.ipcMain.reset();
  electron.protocol.reset();
  electron.powerMonitor.removeAllListeners();
  electron.contextBridge.reset();
  electron.safeStorage.reset();
  FakeBrowserWindow.instances = [];
  FakeUtilityProcess.instances = [];
  vi.clearAllMocks();
}

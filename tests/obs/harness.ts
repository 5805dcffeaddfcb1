// Starts a real OBS Studio for tests: headless under Xvfb with software GL, a fresh config
// folder, a known WebSocket port and password. One OBS per test file; always stopped by PID.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// fonts-inter: the overlay page's body font, so the native text sources can use it too.
const PACKAGES = [
  'obs-studio',
  'xvfb',
  'libgl1-mesa-dri',
  'libegl-mesa0',
  'fonts-dejavu-core',
  'fonts-inter',
];
// Overridable to try another OBS build, or a missing one to see the skip path.
const OBS_BINARY = process.env.SOLIDARITY_OBS_BINARY || '/usr/bin/obs';
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export type ObsAvailability = { available: true } | { available: false; reason: string };

function missingPackages(): string[] | null {
  const missing: string[] = [];
  for (const name of PACKAGES) {
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    // No dpkg at all: not Debian, so we cannot say what is missing.
    if (query.error) return null;
    if (!query.stdout.includes('install ok installed')) missing.push(name);
  }
  return missing;
}

let availability: ObsAvailability | undefined;

/**
 * Whether a real OBS can run here, installing the Debian packages first when they are missing
 * and we are root. Never throws: the reason goes into the skip message (or the CI failure).
 */
export function obsAvailability(): ObsAvailability {
  if (availability) return availability;
  availability = checkAvailability();
  return availability;
}

function checkAvailability(): ObsAvailability {
  const missing = missingPackages();
  if (missing && missing.length > 0) {
    const isRoot = process.getuid?.() === 0;
    if (!isRoot) {
      return {
        available: false,
        reason: `missing Debian packages ${missing.join(' ')}, and not root to install them (run scripts/install-system-deps.sh)`,
      };
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', env });
    const install = spawnSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', ...missing],
      { encoding: 'utf8', env },
    );
    if (update.status !== 0 || install.status !== 0) {
      const output = `${update.stderr ?? ''}${install.stderr ?? ''}`.trim().split('\n').slice(-3);
      return {
        available: false,
        reason: `apt-get could not install ${missing.join(' ')}: ${output.join(' | ') || 'no output'}`,
      };
    }
  }
  if (!existsSync(OBS_BINARY))
    return { available: false, reason: `${OBS_BINARY} is not installed` };
  if (spawnSync('which', ['Xvfb']).status !== 0) {
    return { available: false, reason: 'Xvfb is not installed' };
  }
  return { available: true };
}

/** A free TCP port on loopback. obs-websocket binds all interfaces, so check the wildcard too. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess | undefined): boolean {
  return !child || child.exitCode !== null || child.signalCode !== null;
}

async function killAndWait(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || exited(child)) return;
  // Until 'exit' has fired Node has not reaped the child, so its PID cannot have been reused.
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const graceful = await Promise.race([
    done.then(() => true),
    sleep(STOP_GRACE_MS).then(() => false),
  ]);
  if (graceful) return;
  child.kill('SIGKILL');
  await Promise.race([done, sleep(STOP_GRACE_MS)]);
}

/**
 * Runs a binary so the kernel kills it if this test process dies without cleaning up
 * (setpriv --pdeathsig), the last line of defence after the exit handlers below.
 */
function wrapped(binary: string, args: string[]): [string, string[]] {
  if (existsSync('/usr/bin/setpriv')) {
    return ['/usr/bin/setpriv', ['--pdeathsig', 'SIGKILL', '--', binary, ...args]];
  }
  return [binary, args];
}

export interface StartObsOptions {
  port?: number;
  /** '' disables authentication. A random one when omitted. */
  password?: string;
  width?: number;
  height?: number;
  readyTimeoutMs?: number;
}

export interface ObsInstance {
  readonly port: number;
  readonly password: string;
  readonly url: string;
  readonly dir: string;
  readonly width: number;
  readonly height: number;
  obsPid(): number | undefined;
  /** SIGKILL OBS only, like a crash; Xvfb and the config stay for `restart()`. */
  kill(): Promise<void>;
  /** Starts OBS again on the same port and config folder. */
  restart(): Promise<void>;
  /** Stops OBS, then Xvfb (TERM, then KILL after 5 s), and removes the folder. */
  stop(): Promise<void>;
  logTail(lines?: number): string;
}

const running = new Set<{ emergencyStop(): void }>();
let exitHooksInstalled = false;

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  // 'exit' handlers must be synchronous: SIGKILL by PID and remove the folders.
  process.on('exit', () => {
    for (const instance of running) instance.emergencyStop();
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const instance of running) instance.emergencyStop();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

function writeConfig(
  configHome: string,
  port: number,
  password: string,
  width: number,
  height: number,
) {
  const obsConfig = path.join(configHome, 'obs-studio');
  mkdirSync(path.join(obsConfig, 'basic', 'profiles', 'Tests'), { recursive: true });
  mkdirSync(path.join(obsConfig, 'basic', 'scenes'), { recursive: true });
  // FirstRun=true keeps the modal auto-configuration wizard away (it would block the
  // WebSocket server); FirstLoad=false stops obs-websocket inventing its own password.
  const globalIni = [
    '[General]',
    'FirstRun=true',
    'EnableAutoUpdates=false',
    'ConfirmOnExit=false',
    '',
    '[Basic]',
    'Profile=Tests',
    'ProfileDir=Tests',
    'SceneCollection=Tests',
    'SceneCollectionFile=Tests',
    '',
    '[BasicWindow]',
    'SysTrayEnabled=false',
    'PreviewEnabled=false',
    '',
    '[OBSWebSocket]',
    'FirstLoad=false',
    'ServerEnabled=true',
    `ServerPort=${port}`,
    'AlertsEnabled=false',
    `AuthRequired=${password ? 'true' : 'false'}`,
    `ServerPassword=${password}`,
    '',
  ].join('\n');
  writeFileSync(path.join(obsConfig, 'global.ini'), globalIni, { mode: 0o600 });
  const profile = [
    '[General]',
    'Name=Tests',
    '',
    '[Video]',
    `BaseCX=${width}`,
    `BaseCY=${height}`,
    `OutputCX=${width}`,
    `OutputCY=${height}`,
    'FPSType=1',
    'FPSInt=30',
    '',
  ].join('\n');
  writeFileSync(path.join(obsConfig, 'basic', 'profiles', 'Tests', 'basic.ini'), profile);
}

async function startXvfb(dir: string): Promise<{ child: ChildProcess; display: string }> {
  const displayFile = path.join(dir, 'xvfb.displayfd');
  const fd = openSync(displayFile, 'w');
  const log = openSync(path.join(dir, 'xvfb.log'), 'w');
  // -displayfd: Xvfb picks a free display and writes its number once it accepts clients.
  const [cmd, args] = wrapped('/usr/bin/Xvfb', [
    '-displayfd',
    '3',
    '-screen',
    '0',
    '1280x720x24',
    '-nolisten',
    'tcp',
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', log, log, fd] });
  closeSync(fd);
  closeSync(log);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const text = existsSync(displayFile) ? readFileSync(displayFile, 'utf8').trim() : '';
    if (/^\d+$/.test(text)) return { child, display: `:${text}` };
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  child.kill('SIGKILL');
  const log2 = readFileSync(path.join(dir, 'xvfb.log'), 'utf8');
  throw new Error(`Xvfb did not start:\n${log2.slice(-2000)}`);
}

const DIR_PREFIX = 'solidarity-obs-';

/**
 * Removes folders left by a test process that was killed outright (SIGKILL runs no exit
 * hooks; the parent-death signal still took OBS and Xvfb down with it).
 */
function sweepStaleDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(DIR_PREFIX)) continue;
    const dir = path.join(tmpdir(), name);
    let owner: number;
    try {
      owner = Number(readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    if (!Number.isInteger(owner) || owner <= 0) continue;
    try {
      process.kill(owner, 0);
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

export async function startObs(options: StartObsOptions = {}): Promise<ObsInstance> {
  const status = obsAvailability();
  if (!status.available) throw new Error(`OBS is not available: ${status.reason}`);
  installExitHooks();
  sweepStaleDirs();

  const port = options.port ?? (await freePort());
  const password = options.password ?? randomBytes(9).toString('hex');
  const width = options.width ?? 1280;
  const height = options.height ?? 720;
  const dir = mkdtempSync(path.join(tmpdir(), DIR_PREFIX));
  writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const home = path.join(dir, 'home');
  const configHome = path.join(dir, 'config');
  const runtime = path.join(dir, 'run');
  mkdirSync(home, { recursive: true });
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  writeConfig(configHome, port, password, width, height);
  const logFile = path.join(dir, 'obs.log');

  let xvfb: ChildProcess | undefined;
  let obs: ChildProcess | undefined;
  let display = '';

  const logTail = (lines = 30) => {
    try {
      return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no OBS log)';
    }
  };

  const launchObs = async () => {
    // Otherwise the wait below would see someone else's server and call OBS ready.
    if (await portOpen(port)) throw new Error(`port ${port} is already in use`);
    const log = openSync(logFile, 'a');
    const [cmd, args] = wrapped(OBS_BINARY, [
      '--multi',
      '--disable-missing-files-check',
      '--disable-updater',
    ]);
    // Isolated HOME and XDG folders: nothing global is read or written. LIBGL_ALWAYS_SOFTWARE
    // forces llvmpipe even where a GPU device exists.
    const child = spawn(cmd, args, {
      cwd: dir,
      stdio: ['ignore', log, log],
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        HOME: home,
        XDG_CONFIG_HOME: configHome,
        XDG_RUNTIME_DIR: runtime,
        DISPLAY: display,
        LIBGL_ALWAYS_SOFTWARE: '1',
        QT_QPA_PLATFORM: 'xcb',
        LANG: 'C.UTF-8',
      },
    });
    closeSync(log);
    obs = child;
    const deadline = Date.now() + (options.readyTimeoutMs ?? READY_TIMEOUT_MS);
    while (!(await portOpen(port))) {
      if (exited(child)) {
        throw new Error(`OBS exited before its WebSocket port opened. Log tail:\n${logTail()}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`OBS did not open port ${port} in time. Log tail:\n${logTail()}`);
      }
      await sleep(100);
    }
  };

  const emergency = {
    emergencyStop() {
      for (const child of [obs, xvfb]) {
        if (child?.pid && !exited(child)) {
          try {
            process.kill(child.pid, 'SIGKILL');
          } catch {
            // Already gone.
          }
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  running.add(emergency);

  const stop = async () => {
    await killAndWait(obs);
    await killAndWait(xvfb);
    running.delete(emergency);
    if (exited(obs) && exited(xvfb)) rmSync(dir, { recursive: true, force: true });
  };

  try {
    const x = await startXvfb(dir);
    xvfb = x.child;
    display = x.display;
    await launchObs();
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    port,
    password,
    url: `ws://127.0.0.1:${port}`,
    dir,
    width,
    height,
    obsPid: () => obs?.pid,
    logTail,
    stop,
    async kill() {
      const child = obs;
      if (!child?.pid || exited(child)) return;
      const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await done;
    },
    async restart() {
      await killAndWait(obs);
      await launchObs();
    },
  };
}

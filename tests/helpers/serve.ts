import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const cliPath = resolve(repoRoot, 'out/main/cli.js');
/** `npm start`'s entry: the desktop app if Electron is there, else the same core headless. */
export const launchPath = resolve(repoRoot, 'out/main/launch.js');
export const builtInPack = resolve(repoRoot, 'content');

export type ViewName = 'display' | 'kiosk' | 'operator' | 'overlay' | 'stage';

export interface Served {
  urls: Record<ViewName, string>;
  /** Everything the process printed so far, for failure messages. */
  output(): { stdout: string; stderr: string };
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** The content pack folder; the built-in pack by default. */
  content?: string;
  extraArgs?: string[];
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Another build's `cli.js` (the bench compares builds); this checkout's by default. */
  cli?: string;
  /**
   * `npm start`'s headless start (`launch.js --no-browser`) instead of `serve`: the same
   * options, with Electron kept out even where it is installed.
   */
  npmStart?: boolean;
}

const URL_LINE = /^\s+(display|kiosk|operator|overlay|stage)\s+(http\S+)$/;
const VIEW_NAMES: readonly ViewName[] = ['display', 'kiosk', 'operator', 'overlay', 'stage'];

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit(true);
    });
  });
}

/**
 * Starts `node out/main/cli.js serve --port 0 --content DIR` and resolves once it has printed
 * the display, kiosk, operator and overlay URLs. Rejects with the child's output if it exits first
 * or stays silent past the timeout, so a broken server reads as a broken server.
 */
export async function serve(options: ServeOptions = {}): Promise<Served> {
  const cli = options.npmStart ? launchPath : (options.cli ?? cliPath);
  if (!existsSync(cli)) {
    throw new Error(`${cli} does not exist: run \`npm run build\` first`);
  }
  const content = options.content ?? builtInPack;
  const timeoutMs = options.timeoutMs ?? 20_000;
  // A fresh data folder per server unless the test brings one: serve resumes the saved show
  // position, and each test expects a show that starts at the top (and no writes to ~).
  const ownDataDir = options.env?.SOLIDARITY_DATA_DIR
    ? null
    : mkdtempSync(join(tmpdir(), 'ss-e2e-data-'));
  const command = options.npmStart ? ['--no-browser'] : ['serve'];
  const child = spawn(
    process.execPath,
    [cli, ...command, '--port', '0', '--content', content, ...(options.extraArgs ?? [])],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        ...(ownDataDir ? { SOLIDARITY_DATA_DIR: ownDataDir } : {}),
        // An Electron binary that is never there: the headless start, on every machine.
        ...(options.npmStart ? { ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'no-electron') } : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8');
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => (stderr += chunk));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 5_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true });
  };

  const describe = () =>
    `--- stdout ---\n${stdout || '(nothing)'}\n--- stderr ---\n${stderr || '(nothing)'}`;

  try {
    const urls = await new Promise<Record<ViewName, string>>((resolveUrls, reject) => {
      const found: Partial<Record<ViewName, string>> = {};
      let pending = '';
      const timer = setTimeout(
        () => reject(new Error(`serve printed no URLs within ${timeoutMs} ms\n${describe()}`)),
        timeoutMs,
      );
      const finish = (error?: Error) => {
        clearTimeout(timer);
        child.off('close', onExit);
        child.off('error', onError);
        if (error) reject(error);
        else resolveUrls(found as Record<ViewName, string>);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        finish(
          new Error(
            `serve exited (${signal ?? `code ${code}`}) before printing its URLs\n${describe()}`,
          ),
        );
      const onError = (error: Error) =>
        finish(new Error(`could not start serve: ${error.message}`));
      // 'close', not 'exit': it waits for stdio to drain, so the error carries all of stderr.
      child.once('close', onExit);
      child.once('error', onError);
      child.stdout?.on('data', (chunk: string) => {
        stdout += chunk;
        pending += chunk;
        const lines = pending.split(/\r?\n/);
        pending = lines.pop() ?? '';
        for (const line of lines) {
          const match = URL_LINE.exec(line);
          if (match) found[match[1] as ViewName] = match[2] as string;
        }
        if (VIEW_NAMES.every((name) => found[name])) finish();
      });
    });
    return { urls, output: () => ({ stdout, stderr }), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

let usage: string | null = null;

/**
 * Whether `serve` takes an option, read from its --help. Lets a test of a feature another
 * engineer is still adding skip with a reason instead of failing.
 */
export function serveSupports(option: string): boolean {
  if (usage === null) {
    if (!existsSync(cliPath)) return false;
    const result = spawnSync(process.execPath, [cliPath, '--help'], { encoding: 'utf8' });
    usage = `${result.stdout}${result.stderr}`;
  }
  return new RegExp(`(^|\\s)${option.replace(/[-]/g, '\\-')}(\\s|=|$)`, 'm').test(usage);
}

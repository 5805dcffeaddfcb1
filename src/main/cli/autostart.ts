import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { translate } from '../../shared/i18n';
import type { AppLanguage } from '../../shared/i18n/languages';
import { autostartStatus, installAutostart, removeAutostart } from '../autostart/install';
import {
  acceptsConnections,
  browserArgs,
  launcherArgs,
  readViewUrl,
  waitForServer,
  type Output,
} from '../autostart/launcher';
import { shellArg } from '../autostart/quoting';
import { realSystemctl, type SystemctlRunner } from '../autostart/systemctl';
import { resolveDataDir } from '../settings/data-dir';
import { DEFAULT_PORT } from './args';
import { parseSubcommandArgs } from './subcommand-args';
import type { CliIo } from './serve';

export const AUTOSTART_USAGE = `Usage:
  npm run autostart -- install [--content DIR] [--output display|kiosk] [--cage]
                               [--port N] [--data DIR] [--browser PATH] [--lang LANG]
  npm run autostart -- remove [--lang LANG]
  npm run autostart -- status [--lang LANG]
`;

export interface AutostartContext extends CliIo {
  cwd: string;
  home: string;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** The node binary and `out/main/cli.js` the service will run. */
  nodePath: string;
  cliPath: string;
  systemctl?: SystemctlRunner;
}

type Parsed =
  | {
      command: 'install' | 'remove' | 'status' | 'launch';
      contentDir: string;
      output: Output;
      cage: boolean;
      port: number;
      dataDir: string;
      browser: string | null;
      language: AppLanguage;
    }
  | { command: 'error'; message: string };

export function parseAutostartArgs(argv: readonly string[], context: AutostartContext): Parsed {
  const parsed = parseSubcommandArgs(argv, {
    content: { type: 'string' },
    output: { type: 'string' },
    cage: { type: 'boolean' },
    port: { type: 'string' },
    data: { type: 'string' },
    browser: { type: 'string' },
  });
  if (parsed.error !== undefined) return { command: 'error', message: parsed.error };
  const { values, positionals, language } = parsed;
  const [command, ...rest] = positionals;
  if (
    command !== 'install' &&
    command !== 'remove' &&
    command !== 'status' &&
    command !== 'launch'
  ) {
    return {
      command: 'error',
      message:
        command === undefined
          ? 'Say what to do: install, remove or status.'
          : `Unknown autostart command "${command}"; expected install, remove or status.`,
    };
  }
  if (rest.length > 0) return { command: 'error', message: `Unexpected argument "${rest[0]}".` };
  const output = values.output ?? 'display';
  if (output !== 'display' && output !== 'kiosk') {
    return { command: 'error', message: `--output must be display or kiosk, not "${output}".` };
  }
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  // 0 ("any free port") cannot be used here: the browser must know where to go.
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return {
      command: 'error',
      message: `--port must be a number from 1 to 65535, not "${values.port}".`,
    };
  }
  return {
    command,
    contentDir: path.resolve(context.cwd, values.content ?? 'content'),
    output,
    cage: values.cage === true,
    port,
    dataDir: resolveDataDir(values.data ?? null, {
      platform: context.platform,
      env: context.env,
      home: context.home,
      cwd: context.cwd,
    }),
    browser: values.browser ? path.resolve(context.cwd, values.browser) : null,
    language,
  };
}

const BROWSERS = ['chromium', 'chromium-browser', 'google-chrome'];

/** The first of `names` on PATH, as an absolute path (a unit has no login PATH). */
export function findExecutable(names: readonly string[], env: NodeJS.ProcessEnv): string | null {
  for (const name of names) {
    for (const dir of (env.PATH ?? '').split(path.delimiter)) {
      if (!path.isAbsolute(dir)) continue;
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** `npm run autostart -- …`: 0 done, 1 failed, 2 bad arguments or not Linux. */
export async function runAutostart(
  argv: readonly string[],
  context: AutostartContext,
): Promise<number> {
  const parsed = parseAutostartArgs(argv, context);
  if (parsed.command === 'error') {
    context.err(`${parsed.message}\n${AUTOSTART_USAGE.trimEnd()}`);
    return 2;
  }
  const t = translate(parsed.language, 'core');
  if (context.platform !== 'linux') {
    context.err(t('autostart.notLinux'));
    return 2;
  }
  const place = {
    home: context.home,
    env: context.env,
    systemctl: context.systemctl ?? realSystemctl,
  };
  if (parsed.command === 'launch') return launch(parsed, context);
  if (parsed.command === 'status') {
    const status = await autostartStatus(place);
    const none = t('autostart.notInstalled');
    context.out(t('autostart.statusService', { file: status.serviceUnit ?? none }));
    if (status.serviceState)
      context.out(t('autostart.statusState', { state: status.serviceState }));
    context.out(
      t('autostart.statusScreen', { file: status.desktopEntry ?? status.cageUnit ?? none }),
    );
    if (status.cageState) context.out(t('autostart.statusState', { state: status.cageState }));
    return 0;
  }
  if (parsed.command === 'remove') {
    const { removed } = await removeAutostart(place);
    if (removed.length === 0) context.out(t('autostart.nothingToRemove'));
    for (const file of removed) context.out(t('autostart.removed', { file }));
    return 0;
  }
  const browserPath = parsed.browser ?? findExecutable(BROWSERS, context.env);
  if (!browserPath) {
    context.err(t('autostart.noBrowser'));
    return 1;
  }
  const cagePath = parsed.cage ? findExecutable(['cage'], context.env) : '/usr/bin/cage';
  if (!cagePath) {
    context.err(t('autostart.noCage'));
    return 1;
  }
  const setup = {
    cagePath,
    nodePath: context.nodePath,
    cliPath: context.cliPath,
    contentDir: parsed.contentDir,
    dataDir: parsed.dataDir,
    port: parsed.port,
    output: parsed.output,
    browserPath,
    cage: parsed.cage,
  };
  const result = await installAutostart(setup, place);
  if (!result.ok) {
    context.err(t('autostart.failed', { problem: result.problem }));
    return 1;
  }
  for (const file of result.wrote) context.out(t('autostart.wrote', { file }));
  context.out(t('autostart.linger', { user: context.env.USER ?? '$USER' }));
  if (parsed.cage) context.out(t('autostart.cageSeat'));
  else {
    context.out(t('autostart.labwc', { file: path.join(context.home, '.config/labwc/autostart') }));
    // `&`: labwc runs its autostart file to the end before the desktop is usable.
    context.out(`  ${launcherArgs(setup).map(shellArg).join(' ')} &`);
  }
  return 0;
}

/** Run at login by the desktop entry or the cage unit: wait for serve, then the browser. */
async function launch(
  parsed: Exclude<Parsed, { command: 'error' }>,
  context: AutostartContext,
): Promise<number> {
  const base = `http://127.0.0.1:${parsed.port}/`;
  await waitForServer(base, {
    probe: (url) => acceptsConnections(url),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const view = await readViewUrl(parsed.dataDir, parsed.output, parsed.port);
  if ('error' in view) {
    context.err(view.error);
    return 1;
  }
  const browser = parsed.browser ?? findExecutable(BROWSERS, context.env) ?? 'chromium';
  return new Promise((resolve) => {
    const child = spawn(browser, browserArgs(view.url), { stdio: 'inherit' });
    child.on('error', (error) => {
      context.err(`${browser}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

import { isIPv4 } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
// The languages alone, not the translator: the CLI reads its command before any library.
import {
  APP_LANGUAGES,
  isAppLanguage,
  SOURCE_LANGUAGE,
  type AppLanguage,
} from '../../shared/i18n/languages';
import type { MerchTableOption } from '../server/merch-table';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Solidarity Screens: slides and overlays for campaigns for political prisoners.

Usage:
  node out/main/cli.js serve [--content DIR] [--port N] [--host H] [--renderer DIR]
                            [--data DIR] [--new-tokens] [--merch [SECONDS]]
                            [--remote-address IP] [--lang LANG]
  node out/main/cli.js validate [--content DIR] [--lang LANG]
  node out/main/cli.js pack export --content DIR --out FILE.zip [--playlist ID]... [--force]
  node out/main/cli.js pack import FILE.zip --to DIR
  node out/main/cli.js print --content DIR --item ID --format a3|a4|a5|a6|tent
                            [--lang L]... [--event ID] --out FILE.pdf [--chromium PATH]
  node out/main/cli.js export player --content DIR --out FOLDER [--playlist ID]... [--safe]
                            [--force]
  node out/main/cli.js autostart install|remove|status [--content DIR] [--output display|kiosk] [--cage]
  (or: npm run serve -- [options], npm run validate -- [options], npm run pack -- …)

Commands:
  serve      Run the show without a window and serve its views to browsers.
  validate   Check a content pack and list every problem in it.
  pack       Export an event pack (a zip another laptop can import), or import one,
             keeping the replaced content as DIR.previous.
  print      A poster (A3, A4), flyers (A5, A6, two or four to a sheet) or a table
             tent as a PDF, from a case, action or event, in one language or two.
  export     export player: a folder that plays the show with no server and no network
             (open index.html from a USB stick, or put it on any static host).
  autostart  Start the show and its screen at boot (Linux: a systemd user service and
             a kiosk browser); remove undoes it, status says what is installed.

Options:
  --content DIR   the content pack folder (default: ./content)
  --port N        the port to listen on (default: ${DEFAULT_PORT}; 0 picks a free port)
  --host H        the address to listen on (default: ${DEFAULT_HOST}, this computer only;
                  0.0.0.0 lets other devices on the network connect)
  --renderer DIR  the built views (default: out/renderer, made by npm run build)
  --data DIR      where the show position and the view links' tokens are kept, so a
                  restart resumes the show and the links keep working (default:
                  $SOLIDARITY_DATA_DIR, else ~/.local/share/solidarity-screens on Linux,
                  ~/Library/Application Support/Solidarity Screens on macOS,
                  %APPDATA%\\Solidarity Screens on Windows)
  --new-tokens    make new tokens: every view link handed out before stops working
  --merch [SECONDS]
                  merch-table mode: a tap opens the cases and actions, and after SECONDS
                  (5 to 3600; default: the pack's, else 60) without a touch the screen
                  returns to the loop. Without it, the pack's own setting applies.
  --remote-address IP
                  where the phone remote listens once the operator turns it on
                  (default: this computer's address on the local network, private
                  ranges first). The remote is off at every start.
  --lang LANG     the language content problems are printed in: en (default), ru, fr
                  or uk. The console and the phone speak each device's own choice.
  -h, --help      show this help

Exit codes: 0 done, 1 failed (or content has problems), 2 bad arguments.
`;

export type CliCommand =
  | { command: 'help' }
  | {
      command: 'serve';
      contentDir: string;
      port: number;
      host: string;
      rendererDir: string | null;
      /** `--data`, absolute; null to use the environment or the OS default. */
      dataDir: string | null;
      newTokens: boolean;
      /** `--merch`; null to leave the pack's setting alone. */
      merch: MerchTableOption | null;
      /** `--remote-address`; null to pick this computer's LAN address. */
      remoteAddress: string | null;
      /** `--lang`: list the content problems at start, in this language. */
      language?: AppLanguage;
    }
  | { command: 'validate'; contentDir: string; language: AppLanguage }
  | { command: 'error'; message: string };

const MERCH_SECONDS = /^\d+$/;

/**
 * `--merch` takes an optional value, which parseArgs cannot express: a number right after it
 * is its value, anything else is the next option. Returns the other arguments and what
 * `--merch` said (null: absent, true: no value).
 */
function takeMerch(argv: readonly string[]): { rest: string[]; merch: string | true | null } {
  const rest: string[] = [];
  let merch: string | true | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--merch') {
      const value = argv[i + 1];
      if (value !== undefined && MERCH_SECONDS.test(value)) {
        merch = value;
        i++;
      } else {
        merch = true;
      }
    } else if (arg.startsWith('--merch=')) {
      merch = arg.slice('--merch='.length);
    } else {
      rest.push(arg);
    }
  }
  return { rest, merch };
}

/** The options `serve` takes, and the app takes the same way (`parseShellArgs`). */
const serveOptions = {
  content: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  renderer: { type: 'string' },
  data: { type: 'string' },
  'new-tokens': { type: 'boolean' },
  'remote-address': { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `--merch`'s idle time, in whole seconds (the pack's `merchTable.idleSeconds` range). */
export const MERCH_IDLE_SECONDS = { min: 5, max: 3600 } as const;

type Parsed<T> = { value: T } | { error: string };

function readPort(text: string | undefined): Parsed<number> {
  if (text === undefined) return { value: DEFAULT_PORT };
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  return port >= 0 && port <= 65535
    ? { value: port }
    : { error: `--port must be a number from 0 to 65535, not "${text}".` };
}

function readMerch(merch: string | true | null): Parsed<MerchTableOption | null> {
  if (merch === null) return { value: null };
  if (merch === true) return { value: {} };
  const seconds = MERCH_SECONDS.test(merch) ? Number(merch) : NaN;
  return seconds >= MERCH_IDLE_SECONDS.min && seconds <= MERCH_IDLE_SECONDS.max
    ? { value: { idleSeconds: seconds } }
    : {
        error: `--merch takes the idle time in whole seconds, from ${MERCH_IDLE_SECONDS.min} to ${MERCH_IDLE_SECONDS.max}, not "${merch}".`,
      };
}

function readLanguage(text: string | undefined): Parsed<AppLanguage> {
  if (text === undefined) return { value: SOURCE_LANGUAGE };
  const language = text.trim().toLowerCase();
  return isAppLanguage(language)
    ? { value: language }
    : { error: `--lang must be one of ${APP_LANGUAGES.join(', ')}, not "${text}".` };
}

const nonEmpty = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** What the app reads from its argv: the options `serve` takes, where they make sense. */
export interface TolerantServeArgs {
  content?: string;
  port?: number;
  data?: string;
  newTokens: boolean;
  /** `--merch [SECONDS]`: null leaves the pack's setting alone. */
  merch: MerchTableOption | null;
}

/**
 * The same options, read the tolerant way, for the Electron app: its argv also holds the
 * Electron binary, the app folder and whatever switches Chromium, `npm start` or Playwright
 * added (`--inspect=0`, `--no-sandbox`, `--no-browser`), none of which may stop the show. A
 * value that makes no sense is ignored (a bad `--merch` time means the default) rather than
 * fatal, for the same reason.
 */
export function parseServeArgsTolerant(argv: readonly string[]): TolerantServeArgs {
  const { rest, merch } = takeMerch(argv);
  const { values } = parseArgs({
    args: rest,
    options: serveOptions,
    strict: false,
    allowPositionals: true,
  });
  const port = readPort(nonEmpty(values.port));
  const merchOption = readMerch(merch);
  return {
    content: nonEmpty(values.content),
    port: values.port !== undefined && 'value' in port ? port.value : undefined,
    data: nonEmpty(values.data),
    newTokens: values['new-tokens'] === true,
    merch: 'value' in merchOption ? merchOption.value : {},
  };
}

/** Turns argv (without node and the script) into what to do. Never throws. */
export function parseCli(argv: readonly string[], cwd: string): CliCommand {
  const { rest, merch } = takeMerch(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: serveOptions,
    });
  } catch (error) {
    return { command: 'error', message: (error as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined)
    return { command: 'error', message: 'Say what to do: serve or validate.' };
  if (extra.length > 0) return { command: 'error', message: `Unexpected argument "${extra[0]}".` };
  const contentDir = path.resolve(cwd, values.content ?? 'content');
  const language = readLanguage(values.lang);
  if ('error' in language) return { command: 'error', message: language.error };

  if (command === 'validate') {
    const stray =
      (['port', 'host', 'renderer', 'data', 'new-tokens', 'remote-address'] as const).find(
        (k) => values[k] !== undefined,
      ) ?? (merch === null ? undefined : 'merch');
    if (stray) return { command: 'error', message: `validate does not take --${stray}.` };
    return { command: 'validate', contentDir, language: language.value };
  }
  if (command !== 'serve') {
    return {
      command: 'error',
      message: `Unknown command "${command}"; expected serve, validate or pack.`,
    };
  }

  const port = readPort(values.port);
  if ('error' in port) return { command: 'error', message: port.error };
  const host = values.host ?? DEFAULT_HOST;
  if (host.trim() === '') return { command: 'error', message: '--host must not be empty.' };
  if (values.data !== undefined && values.data.trim() === '') {
    return { command: 'error', message: '--data must not be empty.' };
  }
  const remoteAddress = values['remote-address'] ?? null;
  // IPv4 only: the address goes into the URL and QR code a phone opens.
  if (remoteAddress !== null && !isIPv4(remoteAddress)) {
    return {
      command: 'error',
      message: `--remote-address must be an IPv4 address like 192.168.1.20, not "${remoteAddress}".`,
    };
  }
  const merchOption = readMerch(merch);
  if ('error' in merchOption) return { command: 'error', message: merchOption.error };
  return {
    command: 'serve',
    contentDir,
    port: port.value,
    host,
    rendererDir: values.renderer === undefined ? null : path.resolve(cwd, values.renderer),
    dataDir: values.data === undefined ? null : path.resolve(cwd, values.data),
    newTokens: values['new-tokens'] === true,
    merch: merchOption.value,
    remoteAddress,
    ...(values.lang === undefined ? {} : { language: language.value }),
  };
}

import path from 'node:path';
import { parseArgs } from 'node:util';

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export const USAGE = `Solidarity Screens: slides and overlays for campaigns for political prisoners.

Usage:
  node out/main/cli.js serve [--content DIR] [--port N] [--host H] [--renderer DIR]
  node out/main/cli.js validate [--content DIR]
  (or: npm run serve -- [options], npm run validate -- [options])

Commands:
  serve      Run the show without a window and serve its views to browsers.
  validate   Check a content pack and list every problem in it.

Options:
  --content DIR   the content pack folder (default: ./content)
  --port N        the port to listen on (default: ${DEFAULT_PORT}; 0 picks a free port)
  --host H        the address to listen on (default: ${DEFAULT_HOST}, this computer only;
                  0.0.0.0 lets other devices on the network connect)
  --renderer DIR  the built views (default: out/renderer, made by npm run build)
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
    }
  | { command: 'validate'; contentDir: string }
  | { command: 'error'; message: string };

/** Turns argv (without node and the script) into what to do. Never throws. */
export function parseCli(argv: readonly string[], cwd: string): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        content: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        renderer: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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

  if (command === 'validate') {
    const stray = (['port', 'host', 'renderer'] as const).find((k) => values[k] !== undefined);
    if (stray) return { command: 'error', message: `validate does not take --${stray}.` };
    return { command: 'validate', contentDir };
  }
  if (command !== 'serve') {
    return {
      command: 'error',
      message: `Unknown command "${command}"; expected serve or validate.`,
    };
  }

  let port = DEFAULT_PORT;
  if (values.port !== undefined) {
    port = /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
    if (!(port >= 0 && port <= 65535)) {
      return {
        command: 'error',
        message: `--port must be a number from 0 to 65535, not "${values.port}".`,
      };
    }
  }
  const host = values.host ?? DEFAULT_HOST;
  if (host.trim() === '') return { command: 'error', message: '--host must not be empty.' };
  return {
    command: 'serve',
    contentDir,
    port,
    host,
    rendererDir: values.renderer === undefined ? null : path.resolve(cwd, values.renderer),
  };
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import { startCore, type Core } from '../core';
import type { MerchTableOption } from '../server/merch-table';
import { viewUrls } from '../server/views';

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ServeOptions {
  contentDir: string;
  port: number;
  host: string;
  rendererDir: string;
  /** Where the show position and the tokens are kept. */
  dataDir: string;
  newTokens?: boolean;
  merch?: MerchTableOption | null;
  /** Where the phone remote listens when turned on; this computer's LAN address if null. */
  remoteAddress?: string | null;
  /** Resolves when the server should stop (Ctrl+C); injected so tests need no signals. */
  waitForStop: () => Promise<unknown>;
}

/** What people see when listening fails, by Node's error code. */
export function listenErrorMessage(error: unknown, port: number, host: string): string | null {
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EADDRINUSE':
      return `Port ${port} is already in use. Stop the other program or choose another port with --port.`;
    case 'EACCES':
      return `Port ${port} needs administrator rights on this system. Choose a port above 1023 with --port.`;
    case 'EADDRNOTAVAIL':
      return `Cannot listen on ${host}: it is not an address of this computer. Check --host.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Cannot listen on ${host}: no such host name. Check --host.`;
    default:
      return null;
  }
}

/** The startup banner. End-to-end tests parse it: keep the layout exactly. */
export function banner(core: Core): string[] {
  const snapshot = core.store.snapshot();
  return [
    `Solidarity Screens is serving ${core.store.packDir}`,
    ...viewUrls(core.server.url, core.server.tokens).map(
      ({ view, url }) => `  ${view.role.padEnd(10)}${url}`,
    ),
    `Content: ${snapshot.items.length} items, ${snapshot.errors.length} problems (run \`npm run validate\` to list them)`,
    // A core may run without a data folder (dataDir null); then there is nothing to print.
    ...(core.dataDir ? [`Data: ${core.dataDir} (show position, view tokens)`] : []),
    'Press Ctrl+C to stop.',
  ];
}

export async function runServe(options: ServeOptions, io: CliIo): Promise<number> {
  let core: Core;
  try {
    core = await startCore({
      contentDir: options.contentDir,
      port: options.port,
      host: options.host,
      rendererDir: options.rendererDir,
      watch: true,
      dataDir: options.dataDir,
      newTokens: options.newTokens,
      merchTable: options.merch,
      ...(options.remoteAddress ? { lanAddresses: () => [options.remoteAddress!] } : {}),
      // Notices (a saved file set aside, new tokens) come before the banner, on stderr.
      log: io.err,
    });
  } catch (error) {
    const message = listenErrorMessage(error, options.port, options.host);
    io.err(message ?? `Could not start: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
  for (const line of banner(core)) io.out(line);
  if (!existsSync(path.join(options.rendererDir, 'index.html'))) {
    io.err(
      `Note: the views are not built (${options.rendererDir} has no index.html). Run \`npm run build\`.`,
    );
  }

  await options.waitForStop();
  await core.stop();
  io.out('Stopped.');
  return 0;
}

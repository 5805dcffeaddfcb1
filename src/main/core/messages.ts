// The views' table alone, not the protocol's schemas: the first lines are printed before zod
// is loaded when a kept first slide answers the display (first-slide/).
import { viewUrls } from '../../shared/protocol/views';
import type { Core } from './start';

// What the core says to the person who started it, the same from `serve`, `npm start` and
// the desktop app: the banner and the reasons it could not start.

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
  return [...bannerHead(core.store.packDir, core.server), ...bannerTail(core)];
}

/** The banner's first lines, the views' addresses: printable once the server listens. */
export function bannerHead(
  packDir: string,
  server: Pick<Core['server'], 'url' | 'tokens' | 'cliControlToken'>,
): string[] {
  return [
    `Solidarity Screens is serving ${packDir}`,
    ...viewUrls(server.url, server.tokens).map(
      ({ view, url }) => `  ${view.role.padEnd(10)}${url}`,
    ),
    // Pasted into a terminal, this line is a working request (docs/api.md, "Control API").
    `  ${'api'.padEnd(10)}curl -H 'Authorization: Bearer ${server.cliControlToken}' ${server.url}/api/v1/state`,
  ];
}

/** The rest of the banner, once the content has loaded. */
export function bannerTail(core: Core): string[] {
  const snapshot = core.store.snapshot();
  return [
    `Content: ${snapshot.items.length} items, ${snapshot.errors.length} problems (run \`npm run validate\` to list them)`,
    // A core may run without a data folder (dataDir null); then there is nothing to print.
    ...(core.dataDir ? [`Data: ${core.dataDir} (show position, view tokens)`] : []),
    'Press Ctrl+C to stop.',
  ];
}

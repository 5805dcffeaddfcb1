import type { AutostartSetup } from './options';
import { SERVICE_UNIT, WRITTEN_BY_MARK } from './paths';
import { systemdArg } from './quoting';

type ServeSetup = Pick<AutostartSetup, 'nodePath' | 'cliPath' | 'contentDir' | 'dataDir' | 'port'>;

/**
 * The systemd user service that runs `serve`. No `network-online.target`: the show comes
 * from the local pack and must start at a venue with no network at all. It listens on
 * 127.0.0.1 only; the phone remote is still turned on from the console, as always.
 */
export function serveUnitText(setup: ServeSetup): string {
  const exec = [
    setup.nodePath,
    setup.cliPath,
    'serve',
    '--content',
    setup.contentDir,
    '--data',
    setup.dataDir,
    '--port',
    String(setup.port),
  ]
    .map(systemdArg)
    .join(' ');
  return `# ${WRITTEN_BY_MARK} install. Remove with: npm run autostart -- remove
[Unit]
Description=Solidarity Screens show (serve)
# A crash loop must not stop the retries for good: a screen at a stall has no one to restart it.
StartLimitIntervalSec=0

[Service]
Type=simple
ExecStart=${exec}
Restart=on-failure
RestartSec=5

[Install]
WantedBy=default.target
`;
}

/**
 * For a machine with no desktop: cage (a kiosk Wayland compositor) runs the browser. The
 * launcher waits for the server and reads the token when it starts, as the desktop entry does.
 * cage needs a seat: the user must be logged in on tty1 (autologin), see the docs.
 */
export function cageUnitText(setup: AutostartSetup, launcherArgs: readonly string[]): string {
  const exec = [setup.cagePath, '--', ...launcherArgs].map(systemdArg).join(' ');
  return `# ${WRITTEN_BY_MARK} install --cage. Remove with: npm run autostart -- remove
[Unit]
Description=Solidarity Screens ${setup.output} screen (cage kiosk)
Wants=${SERVICE_UNIT}
After=${SERVICE_UNIT}
StartLimitIntervalSec=0

[Service]
Type=simple
ExecStart=${exec}
Restart=always
RestartSec=5

[Install]
WantedBy=default.target
`;
}

/** What the generated files need to know; every path absolute. */
export interface AutostartSetup {
  /** The node binary running now: the one the service will run. */
  nodePath: string;
  /** `out/main/cli.js`. */
  cliPath: string;
  contentDir: string;
  dataDir: string;
  port: number;
  /** Which screen the browser shows: the venue display or the kiosk (its keyboard runs the show). */
  output: 'display' | 'kiosk';
  /** The browser to open in kiosk mode. */
  browserPath: string;
  /** The cage binary, absolute (systemd does not search the login PATH); used with `cage`. */
  cagePath: string;
  /** `--cage`: a user unit runs `cage` with the browser instead of the desktop's autostart. */
  cage: boolean;
}

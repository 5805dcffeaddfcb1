// `npm run set-pin`: the one way to set the kiosk PIN. Plain Node, no Electron needed, so it
// also works on an offline install before the desktop app has ever started.
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../settings/data-dir';
import { hashPin, pinProblem } from './pin';
import { settingsPath, updateShellSettings } from './settings';

export const SET_PIN_USAGE = `Set the PIN that leaves the kiosk (Ctrl+Shift+Q, then the PIN).

Usage:
  npm run set-pin                 asks for the PIN twice, without showing it
  npm run set-pin -- --pin 2468   sets it from the command line (it stays in your shell history)
  npm run set-pin -- --clear      removes the PIN: Ctrl+Shift+Q then quits at once
Options:
  --data DIR   the data folder, as given to the app with --data (default: $SOLIDARITY_DATA_DIR,
               else ${defaultDataDir()})
`;

export interface SetPinIo {
  /** Asks without echoing what is typed. */
  promptHidden(question: string): Promise<string>;
  out(line: string): void;
  err(line: string): void;
  /** The app's rule: `--data`, else `SOLIDARITY_DATA_DIR`, else the OS default. */
  resolveDataDir(flag: string | null): string;
  /** Whether the desktop app (the Electron binary) is installed here, and if not, why. */
  desktopApp(): { ok: true } | { ok: false; reason: string };
}

/**
 * Which lock the PIN is, said plainly: it locks the desktop app's kiosk window only. Without
 * the Electron binary, `npm start` opens a browser kiosk, which no PIN can lock.
 */
function whichLock(io: SetPinIo): string {
  const app = io.desktopApp();
  if (!app.ok) {
    return (
      `This machine has no desktop app (${app.reason}), so \`npm start\` here opens a ` +
      'Chromium kiosk window instead, and that window has NO PIN lock: Alt+F4 closes it (it ' +
      'reopens while the show runs). The PIN takes effect once the desktop app is installed.'
    );
  }
  return (
    "It locks the desktop app's kiosk window (`npm start`). It does not lock a browser showing " +
    'the display (a browser pointed at `npm run serve`): a browser has no PIN lock.'
  );
}

/** Returns the exit code: 0 done, 1 failed, 2 bad arguments or the two entries differ. */
export async function runSetPin(argv: readonly string[], io: SetPinIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        pin: { type: 'string' },
        data: { type: 'string' },
        clear: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${SET_PIN_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(SET_PIN_USAGE);
    return 0;
  }
  const dataDir = io.resolveDataDir(values.data ?? null);
  const file = settingsPath(dataDir);

  if (values.clear) {
    if (values.pin !== undefined) {
      io.err('Give either --pin or --clear, not both.');
      return 2;
    }
    await updateShellSettings(dataDir, (settings) => {
      const { pinHash: _removed, ...kiosk } = settings.kiosk ?? {};
      return { ...settings, kiosk };
    });
    io.out(`The kiosk PIN is removed from ${file}. Ctrl+Shift+Q now quits the kiosk at once.`);
    return 0;
  }

  let pin = values.pin;
  if (pin === undefined) {
    pin = await io.promptHidden('New kiosk PIN (4 to 12 digits): ');
    const problem = pinProblem(pin);
    if (problem) {
      io.err(problem);
      return 2;
    }
    const again = await io.promptHidden('The same PIN again: ');
    if (again !== pin) {
      io.err('The two PINs differ. Nothing was changed.');
      return 2;
    }
  }
  const problem = pinProblem(pin);
  if (problem) {
    io.err(problem);
    return 2;
  }
  const pinHash = await hashPin(pin);
  await updateShellSettings(dataDir, (settings) => ({
    ...settings,
    kiosk: { ...settings.kiosk, pinHash },
  }));
  io.out(
    `The kiosk PIN is set (stored as a salted scrypt hash in ${file}). A running app reads it at its next start.`,
  );
  io.out(whichLock(io));
  return 0;
}

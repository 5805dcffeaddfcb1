// The shell's part of <data folder>/settings.json: which monitor, the kiosk PIN's hash, and
// whether the app starts at login (Windows, macOS).
// Plain Node (no `electron`) so `npm run set-pin` writes the same file the app reads.
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from '../settings/atomic-file';
import { parsePinHash } from './pin';

export const SETTINGS_FILE = 'settings.json';

/**
 * Loose objects: other parts of the app may keep their own keys in the same file, and writing
 * the PIN must not drop them. A bad monitor id is only ignored (`catch`), so a hand-edit there
 * can never cost the file and with it the PIN.
 */
export const shellSettingsSchema = z.looseObject({
  display: z
    .looseObject({ monitorId: z.number().int().nonnegative().optional().catch(undefined) })
    .optional()
    .catch(undefined),
  // Bounded: an scrypt hash is about 100 characters. One too long is set aside with the
  // file, and the kiosk fails closed (no PIN unlocks it until set-pin runs again).
  kiosk: z.looseObject({ pinHash: z.string().max(1024).optional() }).optional(),
  // Windows and macOS only (src/main/electron/login-item.ts). Anything but `true` is off, and a
  // bad value never costs the file (and with it the PIN).
  startAtLogin: z.boolean().optional().catch(undefined),
});

export type ShellSettings = z.infer<typeof shellSettingsSchema>;

/**
 * What leaving the kiosk takes. `unusable` fails closed: a PIN hash that is there but cannot
 * be read must not quietly turn into "no PIN", so every PIN is refused until `set-pin` is run.
 */
export type PinState =
  { kind: 'none' } | { kind: 'set'; hash: string } | { kind: 'unusable'; problem: string };

export interface LoadedShellSettings {
  settings: ShellSettings;
  pin: PinState;
  /** Something the person starting the app should read (a file set aside, a bad hash). */
  warnings: string[];
}

export function settingsPath(dataDir: string): string {
  return path.join(dataDir, SETTINGS_FILE);
}

export function pinStateOf(settings: ShellSettings): PinState {
  const hash = settings.kiosk?.pinHash;
  if (hash === undefined) return { kind: 'none' };
  if (!parsePinHash(hash)) {
    return {
      kind: 'unusable',
      problem:
        'settings.json has a kiosk PIN hash that cannot be read; no PIN will unlock the kiosk until you run `npm run set-pin` again.',
    };
  }
  return { kind: 'set', hash };
}

export async function loadShellSettings(dataDir: string): Promise<LoadedShellSettings> {
  const read = await readJsonFile(settingsPath(dataDir), shellSettingsSchema);
  if (read.status === 'ok') {
    const pin = pinStateOf(read.value);
    return { settings: read.value, pin, warnings: pin.kind === 'unusable' ? [pin.problem] : [] };
  }
  if (read.status === 'missing') return { settings: {}, pin: { kind: 'none' }, warnings: [] };
  // We cannot tell whether the broken file held a PIN, so this run fails closed.
  return {
    settings: {},
    pin: { kind: 'unusable', problem: `${read.error}; set aside as ${read.movedTo}` },
    warnings: [
      `${read.error}. It was set aside as ${read.movedTo} and the defaults are used. Until you run \`npm run set-pin\`, no PIN unlocks the kiosk in this run.`,
    ],
  };
}

/**
 * Read, change, write back atomically, keeping every key we do not know. The file holds a
 * secret's hash, so it is written for its owner only.
 */
export async function updateShellSettings(
  dataDir: string,
  change: (settings: ShellSettings) => ShellSettings,
): Promise<ShellSettings> {
  const read = await readJsonFile(settingsPath(dataDir), shellSettingsSchema);
  const current = read.status === 'ok' ? read.value : {};
  const next = shellSettingsSchema.parse(change(current));
  await writeFileAtomic(settingsPath(dataDir), `${JSON.stringify(next, null, 2)}\n`, {
    mode: 0o600,
  });
  return next;
}

import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { coreText } from '../../shared/protocol/localized-text';
import { readJsonFile, writeFileAtomic } from '../settings/atomic-file';
import type { ObsConnectionConfig } from './bridge';

export const OBS_SETTINGS_FILE = 'obs.json';
/** Takes precedence over the file, so `serve` on a shared machine need not store a secret. */
export const OBS_PASSWORD_ENV = 'SOLIDARITY_OBS_PASSWORD';
/** What the console says when OBS refuses the password that came from the environment. */
export const ENV_PASSWORD_REFUSED = `OBS refused the password in the environment variable ${OBS_PASSWORD_ENV} (close code 4009). That variable wins over any password saved here, so typing one here will not help. Put the password from OBS (Tools → WebSocket Server Settings → Show Connect Info) into the variable, or unset it to use the one saved here, then restart the app.`;
/** What the console says when a password is typed while the environment's is in use. */
export const ENV_PASSWORD_WINS = coreText('obs.envPasswordWins', { variable: OBS_PASSWORD_ENV });
export const DEFAULT_OBS_HOST = '127.0.0.1';
/** obs-websocket 5's default port. */
export const DEFAULT_OBS_PORT = 4455;

export const obsSettingsSchema = z.strictObject({
  // The same bounds as the obsConfigure command's: a file read back is no more trusted.
  host: z.string().trim().min(1).max(253).default(DEFAULT_OBS_HOST),
  port: z.number().int().min(1).max(65535).default(DEFAULT_OBS_PORT),
  password: z.string().max(1024).optional(),
});
export type ObsSettings = z.infer<typeof obsSettingsSchema>;

export interface LoadedObsConfig {
  /** Null when OBS was never set up here: no file and no password in the environment. */
  config: ObsConnectionConfig | null;
  passwordSource: 'env' | 'file' | 'store' | 'none';
  warnings: string[];
}

/**
 * Where the OBS password is kept when not in `obs.json`: the Electron app keeps it with
 * safeStorage (src/main/electron/obs-password.ts). Without one, `serve` keeps it in the 0600
 * file (or takes it from SOLIDARITY_OBS_PASSWORD).
 */
export interface PasswordStore {
  /** Undefined when none is stored. */
  get(): Promise<string | undefined>;
  /** Undefined or '' removes it. */
  set(password: string | undefined): Promise<void>;
}

export function obsSettingsPath(dataDir: string): string {
  return path.join(dataDir, OBS_SETTINGS_FILE);
}

/**
 * Reads the OBS connection settings. Never throws for a bad file: a corrupt one is set aside
 * (readJsonFile) and reported, and a password file others can read is tightened to 0600.
 */
export async function loadObsConfig(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
  store?: PasswordStore,
): Promise<LoadedObsConfig> {
  const file = obsSettingsPath(dataDir);
  const warnings: string[] = [];
  let settings: ObsSettings | null = null;
  const read = await readJsonFile(file, obsSettingsSchema);
  if (read.status === 'ok') settings = read.value;
  if (read.status === 'corrupt') {
    warnings.push(
      `The OBS settings were unreadable (${read.error}); they were moved to ${path.basename(read.movedTo)}. Set them again.`,
    );
  }
  if (settings?.password && process.platform !== 'win32') {
    const mode = (await stat(file)).mode & 0o777;
    if (mode & 0o077) {
      await chmod(file, 0o600);
      warnings.push(
        `${OBS_SETTINGS_FILE} holds the OBS password but others could read it (mode ${mode.toString(8)}); it is now 0600.`,
      );
    }
  }

  const envPassword = env[OBS_PASSWORD_ENV];
  const passwordFromEnv = envPassword !== undefined && envPassword !== '';
  if (!settings && !passwordFromEnv) return { config: null, passwordSource: 'none', warnings };
  let stored: string | undefined;
  if (store && !passwordFromEnv) {
    try {
      stored = await store.get();
    } catch (error) {
      warnings.push(`The stored OBS password could not be read (${(error as Error).message}).`);
    }
  }

  const host = settings?.host ?? DEFAULT_OBS_HOST;
  const port = settings?.port ?? DEFAULT_OBS_PORT;
  if (passwordFromEnv) {
    return { config: { host, port, password: envPassword }, passwordSource: 'env', warnings };
  }
  if (stored) {
    return { config: { host, port, password: stored }, passwordSource: 'store', warnings };
  }
  if (settings?.password) {
    return {
      config: { host, port, password: settings.password },
      passwordSource: 'file',
      warnings,
    };
  }
  return { config: { host, port }, passwordSource: 'none', warnings };
}

export interface ObsSettingsUpdate {
  host: string;
  port: number;
  /** Undefined keeps the stored password (forms never echo it back); '' removes it. */
  password?: string;
}

/**
 * Saves the settings atomically with mode 0600, since the file may hold the password. With a
 * store the password goes there, and the file keeps only the host and port.
 */
export async function saveObsSettings(
  dataDir: string,
  update: ObsSettingsUpdate,
  store?: PasswordStore,
): Promise<void> {
  const file = obsSettingsPath(dataDir);
  if (store) {
    if (update.password !== undefined) {
      await store.set(update.password || undefined);
    } else {
      // A password saved in the file earlier (by `serve`) moves into the store.
      const previous = await readJsonFile(file, obsSettingsSchema);
      if (previous.status === 'ok' && previous.value.password && !(await store.get())) {
        await store.set(previous.value.password);
      }
    }
    const settings = obsSettingsSchema.parse({ host: update.host, port: update.port });
    await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
    return;
  }
  let password = update.password;
  if (password === undefined) {
    const previous = await readJsonFile(file, obsSettingsSchema);
    if (previous.status === 'ok') password = previous.value.password;
  }
  const settings = obsSettingsSchema.parse({
    host: update.host,
    port: update.port,
    ...(password ? { password } : {}),
  });
  await writeFileAtomic(file, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
}

import { chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { app, safeStorage } from 'electron';
import type { PasswordStore } from '../obs/config';
import { readTextBounded, writeFileAtomic } from '../settings/atomic-file';

/** The encrypted OBS password (base64 of safeStorage's ciphertext), in the data folder. */
export const OBS_PASSWORD_FILE = 'obs-password.enc';
/** Where it goes when this system offers no encryption: plain, but 0600 like obs.json. */
export const OBS_PASSWORD_PLAIN_FILE = 'obs-password.txt';

export interface SafeStoragePasswordOptions {
  dataDir: string;
  /** Told once when the password cannot be encrypted here; never given the password. */
  notice?: (message: string) => void;
  /** process.platform, except in tests. */
  platform?: NodeJS.Platform;
}

/** A password of 1024 characters, encrypted and in base64, is well under this. */
const MAX_PASSWORD_FILE_BYTES = 16 * 1024;

async function readText(file: string): Promise<string | undefined> {
  const read = await readTextBounded(file, MAX_PASSWORD_FILE_BYTES);
  if (read.status === 'missing') return undefined;
  if (read.status === 'refused') throw new Error(`${path.basename(file)} ${read.problem}`);
  return read.text;
}

/**
 * Whether safeStorage would really protect a secret here. On Linux with no secret service
 * (no GNOME keyring, no KWallet) Electron still says encryption is available, but its
 * `basic_text` backend encrypts with a key written into Chromium's source: anyone who copies
 * the file can read it. That counts as no encryption, so the 0600 file and its notice apply.
 */
async function protectsSecrets(platform: NodeJS.Platform): Promise<boolean> {
  // On Linux and Windows safeStorage answers only after the app is ready.
  await app.whenReady();
  if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/**
 * The OBS password in the app, kept with Electron's safeStorage (the OS keychain, DPAPI or
 * libsecret): only this user on this machine can read it back. Where the system has no real
 * encryption (a Linux session without a keyring), it falls back to a 0600 file and says so.
 * Only one of the two files exists at a time: writing either removes the other, so an old
 * password never outlives a new one.
 */
export function safeStoragePasswordStore(options: SafeStoragePasswordOptions): PasswordStore {
  const encrypted = path.join(options.dataDir, OBS_PASSWORD_FILE);
  const plain = path.join(options.dataDir, OBS_PASSWORD_PLAIN_FILE);
  const platform = options.platform ?? process.platform;
  let warned = false;
  const available = async (): Promise<boolean> => {
    const ok = await protectsSecrets(platform);
    if (!ok && !warned) {
      warned = true;
      options.notice?.(
        `This system offers no encryption for stored secrets (no keyring or secret service), so the OBS password is kept in ${OBS_PASSWORD_PLAIN_FILE} in the data folder, readable only by you (mode 0600).`,
      );
    }
    return ok;
  };
  const writePlain = async (password: string) => {
    await writeFileAtomic(plain, password, { mode: 0o600 });
    await rm(encrypted, { force: true });
  };
  const decrypt = async (stored: string) =>
    (await safeStorage.decryptStringAsync(Buffer.from(stored.trim(), 'base64'))).result;

  return {
    async get() {
      const stored = await readText(encrypted);
      const hasEncrypted = stored !== undefined && stored.trim() !== '';
      if (await available()) {
        if (hasEncrypted) return decrypt(stored);
      } else if (hasEncrypted && (await readText(plain)) === undefined) {
        // Written by an earlier version under Linux's hard-coded key: it can still be read,
        // and it moves to the 0600 file, which is what it really was.
        const password = await decrypt(stored);
        await writePlain(password);
        return password;
      }
      const fallback = await readText(plain);
      if (fallback === undefined || fallback === '') return undefined;
      if (process.platform !== 'win32') await chmod(plain, 0o600);
      return fallback;
    },
    async set(password) {
      if (!password) {
        await rm(encrypted, { force: true });
        await rm(plain, { force: true });
        return;
      }
      if (await available()) {
        const ciphertext = (await safeStorage.encryptStringAsync(password)).toString('base64');
        await writeFileAtomic(encrypted, `${ciphertext}\n`, { mode: 0o600 });
        await rm(plain, { force: true });
        return;
      }
      await writePlain(password);
    },
  };
}

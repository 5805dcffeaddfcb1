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
 * The OBS password in the app, kept with Electron's safeStorage (the OS keychain, DPAPI or
 * libsecret): only this user on this machine can read it back. Where the system has no
 * encryption (a Linux session without a keyring), it falls back to a 0600 file and says so.
 */
export function safeStoragePasswordStore(options: SafeStoragePasswordOptions): PasswordStore {
  const encrypted = path.join(options.dataDir, OBS_PASSWORD_FILE);
  const plain = path.join(options.dataDir, OBS_PASSWORD_PLAIN_FILE);
  let warned = false;
  const available = async (): Promise<boolean> => {
    // On Linux and Windows safeStorage answers only after the app is ready.
    await app.whenReady();
    const ok = safeStorage.isEncryptionAvailable();
    if (!ok && !warned) {
      warned = true;
      options.notice?.(
        `This system offers no encryption for stored secrets (no keyring), so the OBS password is kept in ${OBS_PASSWORD_PLAIN_FILE} in the data folder, readable only by you (mode 0600).`,
      );
    }
    return ok;
  };

  return {
    async get() {
      if (await available()) {
        const stored = await readText(encrypted);
        if (stored !== undefined && stored.trim() !== '') {
          return safeStorage.decryptString(Buffer.from(stored.trim(), 'base64'));
        }
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
        const ciphertext = safeStorage.encryptString(password).toString('base64');
        await writeFileAtomic(encrypted, `${ciphertext}\n`, { mode: 0o600 });
        await rm(plain, { force: true });
        return;
      }
      await writeFileAtomic(plain, password, { mode: 0o600 });
    },
  };
}

import { mkdtempSync, readFileSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../../mocks/electron')).electron);

import { electron, resetFakeElectron } from '../../../mocks/electron';
import {
  OBS_PASSWORD_FILE,
  OBS_PASSWORD_PLAIN_FILE,
  safeStoragePasswordStore,
} from '../../../../src/main/electron/obs-password';
import { loadObsConfig, saveObsSettings } from '../../../../src/main/obs/config';

let dir: string;
beforeEach(() => {
  resetFakeElectron({ ready: true });
  dir = mkdtempSync(path.join(tmpdir(), 'ss-obs-password-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the OBS password with safeStorage', () => {
  it('is stored encrypted (base64, 0600) and read back', async () => {
    const store = safeStoragePasswordStore({ dataDir: dir });
    await store.set('hunter2');
    const file = path.join(dir, OBS_PASSWORD_FILE);
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain('hunter2');
    expect(Buffer.from(stored.trim(), 'base64').toString()).toMatch(/^enc:/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get()).toBe('hunter2');
    await store.set('');
    expect(await store.get()).toBeUndefined();
    expect(existsSync(file)).toBe(false);
  });

  it('falls back to a 0600 file with a notice when the system has no encryption', async () => {
    electron.safeStorage.available = false;
    const notices: string[] = [];
    const store = safeStoragePasswordStore({ dataDir: dir, notice: (m) => notices.push(m) });
    await store.set('hunter2');
    const file = path.join(dir, OBS_PASSWORD_PLAIN_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get()).toBe('hunter2');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('no encryption');
    expect(notices[0]).not.toContain('hunter2');
  });

  it('with the store, obs.json keeps only host and port; an old file password moves over', async () => {
    await saveObsSettings(dir, { host: '10.0.0.5', port: 4455, password: 'old-from-serve' });
    const store = safeStoragePasswordStore({ dataDir: dir });
    await saveObsSettings(dir, { host: '10.0.0.6', port: 4456 }, store);
    expect(readFileSync(path.join(dir, 'obs.json'), 'utf8')).not.toContain('old-from-serve');
    expect(await store.get()).toBe('old-from-serve');
    await saveObsSettings(dir, { host: '10.0.0.6', port: 4456, password: 'new' }, store);
    const loaded = await loadObsConfig(dir, {}, store);
    expect(loaded.config).toEqual({ host: '10.0.0.6', port: 4456, password: 'new' });
    expect(loaded.passwordSource).toBe('store');
    // The environment still wins, as in serve.
    const env = await loadObsConfig(dir, { SOLIDARITY_OBS_PASSWORD: 'from-env' }, store);
    expect(env.passwordSource).toBe('env');
  });

  it('treats Linux without a secret service (basic_text) as no encryption: a 0600 file, a notice', async () => {
    // Electron says "available" here, but its key is written into Chromium's source.
    electron.safeStorage.backend = 'basic_text';
    const notices: string[] = [];
    const store = safeStoragePasswordStore({
      dataDir: dir,
      platform: 'linux',
      notice: (m) => notices.push(m),
    });
    await store.set('hunter2');
    expect(existsSync(path.join(dir, OBS_PASSWORD_FILE))).toBe(false);
    const file = path.join(dir, OBS_PASSWORD_PLAIN_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get()).toBe('hunter2');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('no encryption');
  });

  it('trusts a real keyring on Linux, and macOS and Windows without asking for a backend', async () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const store = safeStoragePasswordStore({ dataDir: dir, platform });
      await store.set(`pw-${platform}`);
      expect(existsSync(path.join(dir, OBS_PASSWORD_FILE))).toBe(true);
      expect(await store.get()).toBe(`pw-${platform}`);
    }
    electron.safeStorage.backend = 'basic_text';
    const mac = safeStoragePasswordStore({ dataDir: dir, platform: 'darwin' });
    await mac.set('keychain');
    expect(existsSync(path.join(dir, OBS_PASSWORD_PLAIN_FILE))).toBe(false);
  });

  it('writing the plain file removes a stale encrypted one, so the old password is gone', async () => {
    await safeStoragePasswordStore({ dataDir: dir }).set('old-secret');
    expect(existsSync(path.join(dir, OBS_PASSWORD_FILE))).toBe(true);
    // The keyring is gone (another session, a locked wallet): the new password goes plain.
    electron.safeStorage.available = false;
    const store = safeStoragePasswordStore({ dataDir: dir });
    await store.set('new-secret');
    expect(existsSync(path.join(dir, OBS_PASSWORD_FILE))).toBe(false);
    expect(await store.get()).toBe('new-secret');
    // The keyring comes back: the stale ciphertext must not win over the newer password.
    electron.safeStorage.available = true;
    expect(await safeStoragePasswordStore({ dataDir: dir }).get()).toBe('new-secret');
  });

  it('moves a password an earlier version encrypted under basic_text to the 0600 file', async () => {
    const ciphertext = Buffer.from('enc:terces-dlo').toString('base64');
    writeFileSync(path.join(dir, OBS_PASSWORD_FILE), `${ciphertext}\n`, { mode: 0o600 });
    electron.safeStorage.backend = 'basic_text';
    const store = safeStoragePasswordStore({ dataDir: dir, platform: 'linux' });
    expect(await store.get()).toBe('old-secret');
    expect(existsSync(path.join(dir, OBS_PASSWORD_FILE))).toBe(false);
    expect(readFileSync(path.join(dir, OBS_PASSWORD_PLAIN_FILE), 'utf8')).toBe('old-secret');
  });

  it("uses safeStorage's asynchronous calls (the synchronous ones are deprecated)", async () => {
    const store = safeStoragePasswordStore({ dataDir: dir });
    await store.set('hunter2');
    expect(await store.get()).toBe('hunter2');
    expect(electron.safeStorage.encryptStringAsync).toHaveBeenCalled();
    expect(electron.safeStorage.decryptStringAsync).toHaveBeenCalled();
    expect(electron.safeStorage.isEncryptionAvailable).not.toHaveBeenCalled();
    expect(electron.safeStorage.encryptString).not.toHaveBeenCalled();
    expect(electron.safeStorage.decryptString).not.toHaveBeenCalled();
  });

  it('waits for ready before asking safeStorage, which throws before it', async () => {
    resetFakeElectron();
    const store = safeStoragePasswordStore({ dataDir: dir });
    const setting = store.set('hunter2');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(existsSync(path.join(dir, OBS_PASSWORD_FILE))).toBe(false);
    electron.app.emitReady();
    await setting;
    expect(await store.get()).toBe('hunter2');
  });
});

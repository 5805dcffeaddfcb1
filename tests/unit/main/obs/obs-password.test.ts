import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
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
});

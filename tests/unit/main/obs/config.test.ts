import { chmodSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  OBS_PASSWORD_ENV,
  loadObsConfig,
  obsSettingsPath,
  saveObsSettings,
} from '../../../../src/main/obs/config';
import { tempDir } from '../../../helpers/temp-dir';

const dataDir = () => tempDir('obs-config-');
const posix = process.platform !== 'win32';

describe('OBS settings file', () => {
  it('is saved with mode 0600 and read back', async () => {
    const dir = dataDir();
    await saveObsSettings(dir, { host: 'obs.local', port: 4456, password: 'pw-1' });
    if (posix) expect(statSync(obsSettingsPath(dir)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(obsSettingsPath(dir), 'utf8'))).toEqual({
      host: 'obs.local',
      port: 4456,
      password: 'pw-1',
    });
    expect(await loadObsConfig(dir, {})).toEqual({
      config: { host: 'obs.local', port: 4456, password: 'pw-1' },
      passwordSource: 'file',
      warnings: [],
    });
  });

  it('keeps the stored password when a form saves without one, and removes it on ""', async () => {
    const dir = dataDir();
    await saveObsSettings(dir, { host: '127.0.0.1', port: 4455, password: 'keep-me' });
    await saveObsSettings(dir, { host: '10.0.0.2', port: 4455 });
    expect((await loadObsConfig(dir, {})).config).toEqual({
      host: '10.0.0.2',
      port: 4455,
      password: 'keep-me',
    });
    await saveObsSettings(dir, { host: '10.0.0.2', port: 4455, password: '' });
    expect(await loadObsConfig(dir, {})).toMatchObject({
      config: { host: '10.0.0.2', port: 4455 },
      passwordSource: 'none',
    });
    if (posix) expect(statSync(obsSettingsPath(dir)).mode & 0o777).toBe(0o600);
  });

  it('rejects a port out of range instead of saving it', async () => {
    await expect(saveObsSettings(dataDir(), { host: 'h', port: 70_000 })).rejects.toThrow();
  });

  it('takes the password from the environment first', async () => {
    const dir = dataDir();
    await saveObsSettings(dir, { host: 'obs.local', port: 4455, password: 'from-file' });
    expect(await loadObsConfig(dir, { [OBS_PASSWORD_ENV]: 'from-env' })).toMatchObject({
      config: { host: 'obs.local', port: 4455, password: 'from-env' },
      passwordSource: 'env',
    });
  });

  it('with only the environment variable, connects to the default address', async () => {
    expect(await loadObsConfig(dataDir(), { [OBS_PASSWORD_ENV]: 'from-env' })).toEqual({
      config: { host: '127.0.0.1', port: 4455, password: 'from-env' },
      passwordSource: 'env',
      warnings: [],
    });
  });

  it('is not set up when there is neither a file nor the variable', async () => {
    expect(await loadObsConfig(dataDir(), {})).toEqual({
      config: null,
      passwordSource: 'none',
      warnings: [],
    });
  });

  it.runIf(posix)('tightens a password file others can read to 0600, and says so', async () => {
    const dir = dataDir();
    writeFileSync(obsSettingsPath(dir), JSON.stringify({ password: 'loose' }));
    chmodSync(obsSettingsPath(dir), 0o644);
    const loaded = await loadObsConfig(dir, {});
    expect(loaded.config?.password).toBe('loose');
    expect(loaded.warnings).toEqual([
      'obs.json holds the OBS password but others could read it (mode 644); it is now 0600.',
    ]);
    expect(statSync(obsSettingsPath(dir)).mode & 0o777).toBe(0o600);
  });

  it('sets a corrupt file aside and reports it without the file’s content', async () => {
    const dir = dataDir();
    writeFileSync(obsSettingsPath(dir), '{"host": "x", "password": "half-writ');
    const loaded = await loadObsConfig(dir, {});
    expect(loaded.config).toBeNull();
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toMatch(/^The OBS settings were unreadable/);
    expect(loaded.warnings[0]).not.toContain('half-writ');
    expect(readdirSync(dir).some((name) => name.startsWith('obs.json.corrupt-'))).toBe(true);
  });
});

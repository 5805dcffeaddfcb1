import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createObsController } from '../../../../src/main/obs/controller';
import { loadObsConfig, obsSettingsPath } from '../../../../src/main/obs/config';
import {
  loadObsVideoSettings,
  obsVideoSettingsPath,
  saveObsVideoSettings,
} from '../../../../src/main/obs/video-settings';
import { commandPermissions, commandSchema } from '../../../../src/shared/protocol';
import { tempDir } from '../../../helpers/temp-dir';

const dataDir = () => tempDir('obs-video-settings-');

describe('where "Play on stream" puts the video', () => {
  it('is a scene of its own until chosen, and the choice is saved (0600) and read back', async () => {
    const dir = dataDir();
    expect(await loadObsVideoSettings(dir)).toEqual({
      settings: { placement: 'own-scene' },
      warnings: [],
    });
    await saveObsVideoSettings(dir, { placement: 'overlay-scene' });
    if (process.platform !== 'win32') {
      expect(statSync(obsVideoSettingsPath(dir)).mode & 0o777).toBe(0o600);
    }
    expect((await loadObsVideoSettings(dir)).settings.placement).toBe('overlay-scene');
  });

  it('choosing it does not make OBS "set up here" (no obs.json, no connection)', async () => {
    const dir = dataDir();
    await saveObsVideoSettings(dir, { placement: 'overlay-scene' });
    expect(existsSync(obsSettingsPath(dir))).toBe(false);
    expect((await loadObsConfig(dir, {})).config).toBeNull();
  });

  it('a file edited by hand with a bad value is set aside, named with its field, and not used', async () => {
    for (const bad of [
      { placement: 'over-the-top' },
      { placement: 'overlay-scene', extra: 1 },
      { placement: 7 },
    ]) {
      const dir = dataDir();
      writeFileSync(obsVideoSettingsPath(dir), JSON.stringify(bad));
      const loaded = await loadObsVideoSettings(dir);
      expect(loaded.settings.placement).toBe('own-scene');
      expect(loaded.warnings).toHaveLength(1);
      expect(loaded.warnings[0]).toContain('obs-video.json');
      expect(existsSync(obsVideoSettingsPath(dir))).toBe(false);
      expect(readdirSync(dir).some((name) => name.startsWith('obs-video.json.corrupt-'))).toBe(
        true,
      );
    }
    const dir = dataDir();
    writeFileSync(obsVideoSettingsPath(dir), '{"placement": "over-the-top"}');
    expect((await loadObsVideoSettings(dir)).warnings[0]).toContain('placement');
  });

  it('refuses a value outside the two choices when saving', async () => {
    const dir = dataDir();
    await expect(
      saveObsVideoSettings(dir, { placement: 'elsewhere' as 'own-scene' }),
    ).rejects.toThrow();
    expect(existsSync(obsVideoSettingsPath(dir))).toBe(false);
  });

  it('the controller saves the choice and a restarted app starts with it', async () => {
    const dir = dataDir();
    const first = createObsController({ dataDir: dir, overlayBaseUrl: 'http://x/', env: {} });
    expect(first.videoPlacement()).toBe('own-scene');
    expect(await first.setVideoPlacement('overlay-scene')).toEqual({ ok: true, value: undefined });
    expect(first.videoPlacement()).toBe('overlay-scene');
    expect(JSON.parse(readFileSync(obsVideoSettingsPath(dir), 'utf8'))).toEqual({
      placement: 'overlay-scene',
    });
    await first.stop();
    const second = createObsController({ dataDir: dir, overlayBaseUrl: 'http://x/', env: {} });
    await second.start();
    expect(second.videoPlacement()).toBe('overlay-scene');
    await second.stop();
  });

  it('is a set-up command: the console may send it, a show controller and a phone may not', () => {
    expect(
      commandSchema.safeParse({ name: 'obsVideoPlacement', placement: 'overlay-scene' }).success,
    ).toBe(true);
    expect(commandSchema.safeParse({ name: 'obsVideoPlacement', placement: 'both' }).success).toBe(
      false,
    );
    expect(commandPermissions.operator).toContain('obsVideoPlacement');
    expect(commandPermissions.control).not.toContain('obsVideoPlacement');
    expect(commandPermissions.remote).not.toContain('obsVideoPlacement');
  });
});

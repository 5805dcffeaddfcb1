import path from 'node:path';
import { z } from 'zod';
import { videoPlacementSchema, type VideoPlacement } from '../../shared/protocol/obs';
import { readJsonFile, writeFileAtomic } from '../settings/atomic-file';

/*
 * How "Play on stream" uses OBS, kept beside `obs.json` but in a file of its own: `obs.json`
 * existing means "OBS was set up here" (the app then connects), and choosing where videos go
 * must not set up a connection nobody asked for.
 */

export const OBS_VIDEO_SETTINGS_FILE = 'obs-video.json';
export const DEFAULT_VIDEO_PLACEMENT: VideoPlacement = 'own-scene';

export const obsVideoSettingsSchema = z.strictObject({
  placement: videoPlacementSchema.default(DEFAULT_VIDEO_PLACEMENT),
});
export type ObsVideoSettings = z.infer<typeof obsVideoSettingsSchema>;

export function obsVideoSettingsPath(dataDir: string): string {
  return path.join(dataDir, OBS_VIDEO_SETTINGS_FILE);
}

/**
 * The saved video settings, or the defaults. Never throws for a bad file: one that fails the
 * schema is set aside (readJsonFile) and the warning names it and the field.
 */
export async function loadObsVideoSettings(
  dataDir: string,
): Promise<{ settings: ObsVideoSettings; warnings: string[] }> {
  const read = await readJsonFile(obsVideoSettingsPath(dataDir), obsVideoSettingsSchema);
  if (read.status === 'ok') return { settings: read.value, warnings: [] };
  const settings = { placement: DEFAULT_VIDEO_PLACEMENT };
  if (read.status === 'missing') return { settings, warnings: [] };
  return {
    settings,
    warnings: [
      `The OBS video settings were unreadable (${read.error}); they were moved to ${path.basename(read.movedTo)}. Videos go to a scene of their own until you choose again.`,
    ],
  };
}

export async function saveObsVideoSettings(
  dataDir: string,
  settings: ObsVideoSettings,
): Promise<void> {
  const checked = obsVideoSettingsSchema.parse(settings);
  await writeFileAtomic(obsVideoSettingsPath(dataDir), `${JSON.stringify(checked, null, 2)}\n`, {
    mode: 0o600,
  });
}

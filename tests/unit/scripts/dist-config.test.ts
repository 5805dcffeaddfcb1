import type { Stats } from 'node:fs';
import path from 'node:path';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { getFileMatchers } from 'app-builder-lib/out/fileMatcher.js';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { REQUIRED_FUSES, checkFuses } from '../../../security/check-fuses.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const configFile = path.join(root, 'electron-builder.yml');

let config: Configuration;
beforeAll(async () => {
  // electron-builder's own loader (the one `npm run dist` goes through), not our YAML reading.
  config = await getConfig(root, configFile, null);
});

/** electron-builder's own `files` filter: would this file go into the asar? */
function packs(relative: string, isDirectory = false): boolean {
  const matchers = getFileMatchers(config, 'files', path.join(root, 'app'), {
    macroExpander: (pattern: string) => pattern,
    customBuildOptions: config,
    globalOutDir: path.join(root, 'dist'),
    defaultSrc: root,
  });
  if (!matchers) throw new Error('electron-builder.yml has no files');
  const stat = { isDirectory: () => isDirectory } as Stats;
  return matchers.some((m) => m.createFilter()(path.join(root, relative), stat));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check can fail: a wrong arch is refused by the same validation.
    await expect(
      validateConfiguration(
        {
          ...config,
          linux: { ...config.linux, target: [{ target: 'AppImage', arch: ['x65' as 'x64'] }] },
        },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/linux\.target/);
    // Loading electron-builder's schema validator is slow on a shared 2-core machine.
  }, 60_000);

  it('builds exactly AppImage and .deb, each for x64 and arm64 (Raspberry Pi 4/5)', () => {
    const targets = (config.linux?.target ?? []) as { target: string; arch: string[] }[];
    const pairs = targets.flatMap((t) => t.arch.map((arch) => `${t.target}/${arch}`)).sort();
    expect(pairs).toEqual(['AppImage/arm64', 'AppImage/x64', 'deb/arm64', 'deb/x64']);
    expect(config.appId).toBe('org.solidarity-screens.app');
    expect(config.productName).toBe('Solidarity Screens');
    expect(config.asar).toBe(true);
  });

  it('packs the built app, and no sources, tests or source maps', () => {
    expect(packs('out/main/index.js')).toBe(true);
    expect(packs('out/renderer/index.html')).toBe(true);
    expect(packs('package.json')).toBe(true);
    for (const file of [
      'out/main/index.js.map',
      'out/renderer/assets/app.js.map',
      'node_modules/zod/index.js.map',
      'src/main/index.ts',
      'tests/unit/scripts/dist-config.test.ts',
      'tests/e2e/editor.spec.ts',
      'bench/run.ts',
      'scripts/dist.mjs',
    ]) {
      expect(packs(file), file).toBe(false);
    }
  });

  it('ships the built-in pack beside the asar as resources/content', () => {
    expect(config.extraResources).toContainEqual({ from: 'content', to: 'content' });
  });

  it('sets every fuse exactly as the one list (security/check-fuses.mjs) says', () => {
    expect(config.electronFuses).toEqual(REQUIRED_FUSES);
    expect(checkFuses(configFile)).toMatchObject({ ok: true });
  });

  it('points the installers at the committed icons', () => {
    expect(config.directories?.buildResources).toBe('resources');
    expect(config.linux?.icon).toBe('resources/icons');
  });
});

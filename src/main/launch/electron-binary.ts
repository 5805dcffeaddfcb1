import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronLookup = { ok: true; path: string } | { ok: false; reason: string };

export interface ElectronFiles {
  /** The installed `electron` package's folder, or undefined when it is not installed. */
  packageDir: () => string | undefined;
  readText: (file: string) => string | undefined;
  exists: (file: string) => boolean;
  env: NodeJS.ProcessEnv;
}

const realFiles: ElectronFiles = {
  packageDir: () => {
    try {
      return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    } catch {
      return undefined;
    }
  },
  readText: (file) => {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch {
      return undefined;
    }
  },
  exists: existsSync,
  env: process.env,
};

/**
 * Where the Electron binary is, if it is installed, read from the package's files. We never
 * load the electron package to ask: since Electron 42 that starts a download of the missing binary,
 * an outbound connection this app must not make on its own.
 */
export function findElectronBinary(files: ElectronFiles = realFiles): ElectronLookup {
  const dir = files.packageDir();
  if (!dir) return { ok: false, reason: 'the electron package is not installed' };
  const relative = files.readText(path.join(dir, 'path.txt'));
  const distDir = files.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist');
  if (!relative) return { ok: false, reason: 'the Electron binary was never downloaded' };
  const binary = path.join(distDir, relative);
  return files.exists(binary)
    ? { ok: true, path: binary }
    : { ok: false, reason: `the Electron binary is missing (${binary})` };
}

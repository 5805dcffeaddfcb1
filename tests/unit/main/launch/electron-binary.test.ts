import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findElectronBinary,
  type ElectronFiles,
} from '../../../../src/main/launch/electron-binary';

function files(overrides: Partial<ElectronFiles>): ElectronFiles {
  return {
    packageDir: () => '/app/node_modules/electron',
    readText: () => 'electron',
    exists: () => true,
    env: {},
    ...overrides,
  };
}

describe('findElectronBinary', () => {
  it('finds the downloaded binary named by path.txt', () => {
    expect(findElectronBinary(files({}))).toEqual({
      ok: true,
      path: path.join('/app/node_modules/electron/dist', 'electron'),
    });
  });

  it('says the binary was never downloaded when path.txt is absent', () => {
    const lookup = findElectronBinary(files({ readText: () => undefined }));
    expect(lookup).toEqual({ ok: false, reason: 'the Electron binary was never downloaded' });
  });

  it('says the binary is missing when path.txt names a file that is not there', () => {
    const lookup = findElectronBinary(files({ exists: () => false }));
    expect(lookup.ok).toBe(false);
    expect(!lookup.ok && lookup.reason).toMatch(/binary is missing/);
  });

  it('says so when the electron package itself is not installed', () => {
    expect(findElectronBinary(files({ packageDir: () => undefined }))).toEqual({
      ok: false,
      reason: 'the electron package is not installed',
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const lookup = findElectronBinary(files({ env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/el' } }));
    expect(lookup).toEqual({ ok: true, path: path.join('/opt/el', 'electron') });
  });
});

import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../../src/main/settings/data-dir';

const linux = { platform: 'linux' as const, env: {}, home: '/home/ana', cwd: '/work' };

describe('defaultDataDir', () => {
  it('follows each OS’s convention', () => {
    expect(defaultDataDir(linux)).toBe('/home/ana/.local/share/solidarity-screens');
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: '/data/xdg' } })).toBe(
      '/data/xdg/solidarity-screens',
    );
    expect(defaultDataDir({ platform: 'darwin', env: {}, home: '/Users/ana' })).toBe(
      '/Users/ana/Library/Application Support/Solidarity Screens',
    );
    expect(
      defaultDataDir({
        platform: 'win32',
        env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' },
        home: 'C:\\Users\\ana',
      }),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Solidarity Screens');
  });

  it('falls back sensibly when the environment is thin', () => {
    // The XDG spec: a relative or empty XDG_DATA_HOME is ignored.
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: 'rel/dir' } })).toBe(
      '/home/ana/.local/share/solidarity-screens',
    );
    expect(defaultDataDir({ ...linux, env: { XDG_DATA_HOME: '' } })).toBe(
      '/home/ana/.local/share/solidarity-screens',
    );
    expect(defaultDataDir({ platform: 'win32', env: {}, home: 'C:\\Users\\ana' })).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Solidarity Screens',
    );
  });
});

describe('resolveDataDir', () => {
  it('takes --data, else SOLIDARITY_DATA_DIR, else the OS default', () => {
    const env = { SOLIDARITY_DATA_DIR: '/srv/show', XDG_DATA_HOME: '/data/xdg' };
    expect(resolveDataDir('/mnt/usb/show', { ...linux, env })).toBe('/mnt/usb/show');
    expect(resolveDataDir(null, { ...linux, env })).toBe('/srv/show');
    expect(resolveDataDir(undefined, { ...linux, env: { XDG_DATA_HOME: '/data/xdg' } })).toBe(
      '/data/xdg/solidarity-screens',
    );
  });

  it('reads relative folders from the current one, and ignores empty values', () => {
    expect(resolveDataDir('state', linux)).toBe('/work/state');
    expect(resolveDataDir(null, { ...linux, env: { SOLIDARITY_DATA_DIR: 'show' } })).toBe(
      '/work/show',
    );
    expect(resolveDataDir('', { ...linux, env: { SOLIDARITY_DATA_DIR: '' } })).toBe(
      '/home/ana/.local/share/solidarity-screens',
    );
  });
});

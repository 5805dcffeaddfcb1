import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  autostartStatus,
  installAutostart,
  removeAutostart,
} from '../../../../src/main/autostart/install';
import type { AutostartSetup } from '../../../../src/main/autostart/options';
import { autostartFiles } from '../../../../src/main/autostart/paths';
import type { SystemctlRunner } from '../../../../src/main/autostart/systemctl';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempHome(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'autostart-home-'));
  temps.push(dir);
  return dir;
}

function fakeSystemctl(active = 'active') {
  const calls: string[][] = [];
  const run: SystemctlRunner = async (args) => {
    calls.push([...args]);
    if (args[0] === 'is-active')
      return { code: active === 'active' ? 0 : 3, stdout: `${active}\n`, stderr: '' };
    return { code: 0, stdout: '', stderr: '' };
  };
  return { calls, run };
}

const setup = (home: string, cage = false): AutostartSetup => ({
  nodePath: '/usr/bin/node',
  cliPath: path.join(home, 'app', 'out', 'main', 'cli.js'),
  contentDir: path.join(home, 'content'),
  dataDir: path.join(home, 'data'),
  port: 8080,
  output: 'display',
  browserPath: '/usr/bin/chromium',
  cagePath: '/usr/bin/cage',
  cage,
});

describe('install', () => {
  it('writes the serve unit and a 0600 desktop entry, reloads, then enables and starts', async () => {
    const home = tempHome();
    const systemctl = fakeSystemctl();
    const result = await installAutostart(setup(home), { home, systemctl: systemctl.run });
    const files = autostartFiles(home);
    expect(result).toEqual({ ok: true, wrote: [files.serviceUnit, files.desktopEntry] });
    expect(systemctl.calls).toEqual([
      ['daemon-reload'],
      ['enable', '--now', 'solidarity-screens.service'],
    ]);
    for (const file of [files.serviceUnit, files.desktopEntry]) {
      expect(statSync(file).mode & 0o777).toBe(0o600);
    }
    expect(existsSync(files.cageUnit)).toBe(false);
  });

  it('with --cage writes the cage unit instead of the desktop entry and enables both units', async () => {
    const home = tempHome();
    await installAutostart(setup(home), { home, systemctl: fakeSystemctl().run });
    const systemctl = fakeSystemctl();
    await installAutostart(setup(home, true), { home, systemctl: systemctl.run });
    const files = autostartFiles(home);
    expect(existsSync(files.cageUnit)).toBe(true);
    expect(existsSync(files.desktopEntry)).toBe(false);
    expect(systemctl.calls.at(-1)).toEqual([
      'enable',
      '--now',
      'solidarity-screens.service',
      'solidarity-screens-kiosk.service',
    ]);
  });

  it('refuses a path with a newline, which would add a line of its own to the unit', async () => {
    const home = tempHome();
    const systemctl = fakeSystemctl();
    const result = await installAutostart(
      { ...setup(home), contentDir: `${home}/c\nExecStartPre=/bin/rm -rf ${home}` },
      { home, systemctl: systemctl.run },
    );
    expect(result.ok).toBe(false);
    expect(systemctl.calls).toEqual([]);
    expect(existsSync(autostartFiles(home).serviceUnit)).toBe(false);
  });

  it('reports a failing systemctl', async () => {
    const home = tempHome();
    const run: SystemctlRunner = async () => ({ code: 1, stdout: '', stderr: 'no user bus' });
    const result = await installAutostart(setup(home), { home, systemctl: run });
    expect(result).toEqual({
      ok: false,
      problem: 'systemctl --user daemon-reload failed (1): no user bus',
    });
  });
});

describe('remove', () => {
  it('removes exactly what install wrote, and leaves everything else in the folders', async () => {
    const home = tempHome();
    const files = autostartFiles(home);
    mkdirSync(path.dirname(files.desktopEntry), { recursive: true });
    const neighbour = path.join(path.dirname(files.desktopEntry), 'signal.desktop');
    writeFileSync(neighbour, '[Desktop Entry]\n');
    await installAutostart(setup(home), { home, systemctl: fakeSystemctl().run });
    const systemctl = fakeSystemctl();
    const { removed } = await removeAutostart({ home, systemctl: systemctl.run });
    expect(removed.sort()).toEqual([files.desktopEntry, files.serviceUnit].sort());
    expect(existsSync(files.serviceUnit)).toBe(false);
    expect(existsSync(files.desktopEntry)).toBe(false);
    expect(readFileSync(neighbour, 'utf8')).toBe('[Desktop Entry]\n');
    expect(systemctl.calls).toEqual([
      ['disable', '--now', 'solidarity-screens.service'],
      ['daemon-reload'],
    ]);
  });

  it('leaves a unit of the same name that install did not write', async () => {
    const home = tempHome();
    const files = autostartFiles(home);
    mkdirSync(path.dirname(files.serviceUnit), { recursive: true });
    writeFileSync(files.serviceUnit, '[Service]\nExecStart=/usr/bin/true\n');
    const systemctl = fakeSystemctl();
    const { removed } = await removeAutostart({ home, systemctl: systemctl.run });
    expect(removed).toEqual([]);
    expect(existsSync(files.serviceUnit)).toBe(true);
    expect(systemctl.calls).toEqual([]);
  });
});

describe('status', () => {
  it('says what is installed and whether the service runs', async () => {
    const home = tempHome();
    expect(await autostartStatus({ home, systemctl: fakeSystemctl().run })).toEqual({
      serviceUnit: null,
      cageUnit: null,
      desktopEntry: null,
      serviceState: null,
      cageState: null,
    });
    await installAutostart(setup(home), { home, systemctl: fakeSystemctl().run });
    const files = autostartFiles(home);
    expect(await autostartStatus({ home, systemctl: fakeSystemctl('failed').run })).toEqual({
      serviceUnit: files.serviceUnit,
      cageUnit: null,
      desktopEntry: files.desktopEntry,
      serviceState: 'failed',
      cageState: null,
    });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAutostart, type AutostartContext } from '../../../../src/main/cli/autostart';
import type { SystemctlRunner } from '../../../../src/main/autostart/systemctl';

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function run(argv: string[], overrides: Partial<AutostartContext> = {}) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'autostart-cli-'));
  temps.push(home);
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[][] = [];
  const systemctl: SystemctlRunner = async (args) => {
    calls.push([...args]);
    return { code: 0, stdout: 'active\n', stderr: '' };
  };
  const code = await runAutostart(argv, {
    cwd: home,
    home,
    env: { USER: 'stall', PATH: '' },
    platform: 'linux',
    nodePath: '/usr/bin/node',
    cliPath: '/opt/solidarity-screens/out/main/cli.js',
    systemctl,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...overrides,
  });
  return { code, out: out.join('\n'), err: err.join('\n'), calls };
}

describe('npm run autostart', () => {
  it('refuses on Windows and macOS and points to docs/install.md, touching nothing', async () => {
    for (const platform of ['win32', 'darwin'] as const) {
      const result = await run(['install'], { platform });
      expect(result.code).toBe(2);
      expect(result.err).toContain('docs/install.md');
      expect(result.calls).toEqual([]);
    }
  });

  it('installs, tells about enable-linger and labwc, then status and remove', async () => {
    const installed = await run(['install', '--browser', '/usr/bin/chromium']);
    expect(installed.code).toBe(0);
    expect(installed.out).toContain('sudo loginctl enable-linger stall');
    expect(installed.out).toContain('.config/labwc/autostart');
    expect(installed.out).toMatch(/cli\.js autostart launch --output display .* &$/m);
  });

  it('says in French when asked', async () => {
    const result = await run(['remove', '--lang', 'fr']);
    expect(result.out).toBe('Rien à retirer\u00a0: le démarrage automatique n’est pas installé.');
  });

  it('refuses bad arguments with the usage', async () => {
    expect((await run(['install', '--output', 'overlay'])).code).toBe(2);
    expect((await run(['install', '--port', '0'])).code).toBe(2);
    expect((await run(['start'])).err).toContain('Usage:');
  });

  it('refuses --cage when cage is not installed', async () => {
    const result = await run(['install', '--cage', '--browser', '/usr/bin/chromium']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('apt install cage');
    expect(result.calls).toEqual([]);
  });
});

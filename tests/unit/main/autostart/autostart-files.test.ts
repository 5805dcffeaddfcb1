import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { desktopEntryText } from '../../../../src/main/autostart/desktop-entry';
import { launcherArgs } from '../../../../src/main/autostart/launcher';
import type { AutostartSetup } from '../../../../src/main/autostart/options';
import { cageUnitText, serveUnitText } from '../../../../src/main/autostart/unit-file';

const temp = mkdtempSync(path.join(os.tmpdir(), 'autostart-files-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Real files, so systemd-analyze finds every executable it is pointed at.
const cliPath = path.join(temp, 'out', 'main', 'cli.js');
mkdirSync(path.dirname(cliPath), { recursive: true });
writeFileSync(cliPath, '');
const fakeCage = path.join(temp, 'bin', 'cage');
mkdirSync(path.dirname(fakeCage), { recursive: true });
writeFileSync(fakeCage, '#!/bin/sh\n');
chmodSync(fakeCage, 0o755);

// A folder name an activist might really use: spaces, an ampersand, a percent, quotes.
const awkward = path.join(temp, 'Kagarlitsky & Kots 100% "free" $HOME');

const setup: AutostartSetup = {
  nodePath: process.execPath,
  cliPath,
  contentDir: awkward,
  dataDir: path.join(temp, 'data dir'),
  port: 8080,
  output: 'display',
  browserPath: process.execPath,
  cagePath: fakeCage,
  cage: true,
};

function execStart(unit: string): string {
  return unit
    .split('\n')
    .find((line) => line.startsWith('ExecStart='))!
    .slice('ExecStart='.length);
}

describe('the serve unit', () => {
  const unit = serveUnitText(setup);

  it('restarts on failure, waits for no network and starts with the user manager', () => {
    expect(unit).toMatch(/^Restart=on-failure$/m);
    expect(unit).toMatch(/^RestartSec=\d+$/m);
    expect(unit).toMatch(/^WantedBy=default\.target$/m);
    expect(unit).not.toMatch(/network/i);
  });

  it('runs serve with absolute paths, the content folder and the data folder', () => {
    const exec = execStart(unit);
    expect(exec.startsWith(`${process.execPath} ${cliPath} serve `)).toBe(true);
    expect(exec).toContain('--data');
    expect(exec).toContain('--port 8080');
  });

  it('quotes a folder with spaces, quotes, % and $ so systemd passes it as one argument', () => {
    // `%%` is systemd's literal percent and `$$` its literal dollar.
    expect(execStart(unit)).toContain(
      '"' +
        awkward
          .replace(/"/g, '\\"')
          .replace('%', '%%')
          .replace('$', () => '$$') +
        '"',
    );
  });
});

const analyze = spawnSync('systemd-analyze', ['--version']);
describe.skipIf(analyze.status !== 0)('systemd-analyze verify', () => {
  function verify(name: string, text: string) {
    const dir = mkdtempSync(path.join(temp, 'units-'));
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const result = spawnSync('systemd-analyze', ['verify', '--man=no', file], {
      encoding: 'utf8',
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('accepts the serve unit with no warning', () => {
    const { code, output } = verify('solidarity-screens.service', serveUnitText(setup));
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('accepts the cage unit with no warning', () => {
    const unit = cageUnitText(setup, launcherArgs(setup));
    const { code, output } = verify('solidarity-screens-kiosk.service', unit);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('(the check can fail: a broken unit is reported)', () => {
    const { code, output } = verify('broken.service', '[Service]\nExecStart=relative\nOops\n');
    expect(code).not.toBe(0);
    expect(output).toMatch(/Missing '='/);
  });
});

describe('the desktop autostart entry', () => {
  const entry = desktopEntryText(launcherArgs({ ...setup, cage: false }));

  it('runs the launcher (which waits for serve), not the browser on a URL', () => {
    const exec = entry.split('\n').find((line) => line.startsWith('Exec='))!;
    expect(exec).toContain(' autostart launch --output display --port 8080 --data ');
    expect(exec).not.toMatch(/token|http/);
  });

  const validate = spawnSync('desktop-file-validate', ['--help']);
  it.skipIf(validate.error !== undefined)('passes desktop-file-validate', () => {
    const file = path.join(temp, 'solidarity-screens.desktop');
    writeFileSync(file, entry);
    expect(() => execFileSync('desktop-file-validate', [file])).not.toThrow();
  });
  if (validate.error !== undefined) {
    console.info('desktop-file-validate is not installed (desktop-file-utils): check skipped');
  }
});

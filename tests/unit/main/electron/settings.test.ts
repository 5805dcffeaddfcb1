import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPin } from '../../../../src/main/electron/pin';
import {
  loadShellSettings,
  settingsPath,
  updateShellSettings,
} from '../../../../src/main/electron/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shell-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const write = (value: unknown) =>
  writeFileSync(settingsPath(dir), typeof value === 'string' ? value : JSON.stringify(value));
const fastHash = () => hashPin('2468', { N: 1024, r: 8, p: 1 });

describe('loadShellSettings', () => {
  it('has no PIN and no monitor on a fresh install', async () => {
    expect(await loadShellSettings(dir)).toEqual({
      settings: {},
      pin: { kind: 'none' },
      warnings: [],
    });
  });

  it('reads the monitor and the PIN hash', async () => {
    const pinHash = await fastHash();
    write({ display: { monitorId: 2528732444 }, kiosk: { pinHash } });
    const loaded = await loadShellSettings(dir);
    expect(loaded.settings.display?.monitorId).toBe(2528732444);
    expect(loaded.pin).toEqual({ kind: 'set', hash: pinHash });
  });

  it('ignores a bad monitor id without losing the PIN', async () => {
    const pinHash = await fastHash();
    write({ display: { monitorId: 'the projector' }, kiosk: { pinHash } });
    const loaded = await loadShellSettings(dir);
    expect(loaded.settings.display?.monitorId).toBeUndefined();
    expect(loaded.pin.kind).toBe('set');
  });

  it('reads startAtLogin: off unless it is exactly true, and a bad value keeps the PIN', async () => {
    expect((await loadShellSettings(dir)).settings.startAtLogin).toBeUndefined();
    write({ startAtLogin: true });
    expect((await loadShellSettings(dir)).settings.startAtLogin).toBe(true);
    const pinHash = await fastHash();
    write({ startAtLogin: 'yes', kiosk: { pinHash } });
    const loaded = await loadShellSettings(dir);
    expect(loaded.settings.startAtLogin).toBeUndefined();
    expect(loaded.pin).toEqual({ kind: 'set', hash: pinHash });
  });

  it('fails closed on a PIN hash it cannot read', async () => {
    write({ kiosk: { pinHash: '2468' } });
    const loaded = await loadShellSettings(dir);
    expect(loaded.pin.kind).toBe('unusable');
    expect(loaded.warnings.join()).toContain('npm run set-pin');
  });

  it('sets a broken file aside and fails closed for this run', async () => {
    write('{"kiosk": {"pinHash": ');
    const loaded = await loadShellSettings(dir);
    expect(loaded.pin.kind).toBe('unusable');
    expect(loaded.warnings[0]).toMatch(/set aside as .*settings\.json\.corrupt-/);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });
});

describe('updateShellSettings', () => {
  it('keeps keys that belong to other parts of the app, and writes for the owner only', async () => {
    write({ obs: { port: 4455 }, kiosk: { note: 'merch table' } });
    await updateShellSettings(dir, (s) => ({ ...s, kiosk: { ...s.kiosk, pinHash: 'x' } }));
    expect(JSON.parse(readFileSync(settingsPath(dir), 'utf8'))).toEqual({
      obs: { port: 4455 },
      kiosk: { note: 'merch table', pinHash: 'x' },
    });
    if (process.platform !== 'win32') {
      expect(statSync(settingsPath(dir)).mode & 0o777).toBe(0o600);
    }
  });
});

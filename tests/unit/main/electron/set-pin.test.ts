import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyPin } from '../../../../src/main/electron/pin';
import { runSetPin, type SetPinIo } from '../../../../src/main/electron/set-pin';
import { loadShellSettings, settingsPath } from '../../../../src/main/electron/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'set-pin-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(answers: string[] = [], desktopApp: SetPinIo['desktopApp'] = () => ({ ok: true })) {
  const out: string[] = [];
  const err: string[] = [];
  const promptHidden = vi.fn(async () => answers.shift() ?? '');
  const value: SetPinIo = {
    promptHidden,
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    resolveDataDir: (flag) => flag ?? dir,
    desktopApp,
  };
  return { io: value, out, err, promptHidden };
}

const storedHash = () =>
  (JSON.parse(readFileSync(settingsPath(dir), 'utf8')) as { kiosk?: { pinHash?: string } }).kiosk
    ?.pinHash;

describe('runSetPin', () => {
  it('asks twice without echo and stores a salted hash, never the PIN', async () => {
    const t = io(['2468', '2468']);
    expect(await runSetPin([], t.io)).toBe(0);
    expect(t.promptHidden).toHaveBeenCalledTimes(2);
    const hash = storedHash() as string;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(readFileSync(settingsPath(dir), 'utf8')).not.toContain('2468');
    expect(await verifyPin('2468', hash)).toBe(true);
    expect((await loadShellSettings(dir)).pin.kind).toBe('set');
    expect(t.out.join()).toContain('The kiosk PIN is set');
  });

  it('says plainly which lock the PIN is: the desktop app’s, never a browser kiosk’s', async () => {
    const t = io(['2468', '2468']);
    expect(await runSetPin([], t.io)).toBe(0);
    expect(t.out.join('\n')).toMatch(/locks the desktop app's kiosk window/);
    expect(t.out.join('\n')).toMatch(/does not lock a browser/);
  });

  it('warns that a machine without the desktop app has no PIN lock at all', async () => {
    const t = io([], () => ({ ok: false, reason: 'the Electron binary was never downloaded' }));
    expect(await runSetPin(['--pin', '2468'], t.io)).toBe(0);
    const said = t.out.join('\n');
    expect(said).toContain('no desktop app (the Electron binary was never downloaded)');
    expect(said).toMatch(/NO PIN lock: Alt\+F4 closes it/);
  });

  it('changes nothing when the two entries differ', async () => {
    const t = io(['2468', '2469']);
    expect(await runSetPin([], t.io)).toBe(2);
    expect(t.err.join()).toContain('differ');
    expect(() => readFileSync(settingsPath(dir))).toThrow();
  });

  it('refuses a PIN that is not 4 to 12 digits', async () => {
    const t = io(['12']);
    expect(await runSetPin([], t.io)).toBe(2);
    expect(t.promptHidden).toHaveBeenCalledTimes(1);
    expect(await runSetPin(['--pin', 'abcd'], io().io)).toBe(2);
  });

  it('takes --pin and --data, keeping the rest of the file', async () => {
    const other = path.join(dir, 'other');
    writeFileSync(path.join(dir, 'x'), '');
    const t = io();
    await runSetPin(['--data', other, '--pin', '97531'], t.io);
    await expect(loadShellSettings(other)).resolves.toMatchObject({ pin: { kind: 'set' } });
    expect(t.promptHidden).not.toHaveBeenCalled();
  });

  it('removes the PIN with --clear', async () => {
    writeFileSync(settingsPath(dir), JSON.stringify({ display: { monitorId: 2 } }));
    await runSetPin(['--pin', '2468'], io().io);
    const t = io();
    expect(await runSetPin(['--clear'], t.io)).toBe(0);
    expect(JSON.parse(readFileSync(settingsPath(dir), 'utf8'))).toEqual({
      display: { monitorId: 2 },
      kiosk: {},
    });
    expect(t.out.join()).toContain('quits the kiosk at once');
  });

  it('explains its options, and refuses unknown ones', async () => {
    const help = io();
    expect(await runSetPin(['--help'], help.io)).toBe(0);
    expect(help.out.join()).toContain('--data DIR');
    const bad = io();
    expect(await runSetPin(['--pn', '1234'], bad.io)).toBe(2);
    expect(await runSetPin(['--pin', '1234', '--clear'], io().io)).toBe(2);
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEVICES_FILE, hashToken, openDeviceStore } from '../../../../src/main/remote/devices';

const dirs: string[] = [];
const dir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'ss-devices-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('device store', () => {
  it('keeps only a hash of each token, in a private file, across a restart', async () => {
    const d = dir();
    const store = await openDeviceStore(d, () => {});
    const { device, token } = await store.add('Chrome on Android', 42);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const text = readFileSync(path.join(d, DEVICES_FILE), 'utf8');
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual({
      devices: [
        { id: device.id, name: 'Chrome on Android', pairedAt: 42, tokenHash: hashToken(token) },
      ],
    });
    if (process.platform !== 'win32') {
      expect(statSync(path.join(d, DEVICES_FILE)).mode & 0o777).toBe(0o600);
    }
    const again = await openDeviceStore(d, () => {});
    expect(again.find(token)?.id).toBe(device.id);
    expect(again.find(`${token}x`)).toBeNull();
  });

  it('forgets a removed phone at once, and in the file', async () => {
    const d = dir();
    const store = await openDeviceStore(d, () => {});
    const one = await store.add('one', 1);
    const two = await store.add('two', 2);
    const removing = store.remove(one.device.id);
    // Before the write finishes, the token no longer works.
    expect(store.find(one.token)).toBeNull();
    expect(await removing).toBe(true);
    expect(await store.remove(one.device.id)).toBe(false);
    const again = await openDeviceStore(d, () => {});
    expect(again.list().map((x) => x.id)).toEqual([two.device.id]);
  });

  it('sets a corrupt file aside and says so; in memory when there is no data folder', async () => {
    const d = dir();
    writeFileSync(path.join(d, DEVICES_FILE), '{"devices": "yes"}');
    const notices: string[] = [];
    const store = await openDeviceStore(d, (m) => notices.push(m.message));
    expect(store.list()).toEqual([]);
    expect(notices).toEqual([expect.stringContaining('phones must pair again')]);
    expect(readdirSync(d).some((f) => f.startsWith(`${DEVICES_FILE}.corrupt-`))).toBe(true);

    const memory = await openDeviceStore(null, () => {});
    const { token } = await memory.add('x', 1);
    expect(memory.find(token)).not.toBeNull();
  });
});

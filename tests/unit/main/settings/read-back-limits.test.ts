/**
 * Issue 11: every file the app reads back is bounded in size and in each field, and a bad one
 * is set aside and reported, failing toward safety. Before, a 100 MB token was read, kept and
 * printed to the terminal with the view links.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadShellSettings, settingsPath } from '../../../../src/main/electron/settings';
import { loadObsConfig, obsSettingsPath } from '../../../../src/main/obs/config';
import { DEVICES_FILE, openDeviceStore } from '../../../../src/main/remote/devices';
import { makeTokens } from '../../../../src/main/settings/tokens';
import { readTextBounded } from '../../../../src/main/settings/atomic-file';
import {
  SAFE_START,
  SHOW_POSITION_FILE,
  readShowPosition,
  showPositionPath,
} from '../../../../src/main/settings/show-position';
import { loadTokens, tokensPath } from '../../../../src/main/settings/tokens-file';
import { viewRoles } from '../../../../src/shared/protocol';
import { tempDir } from '../../../helpers/temp-dir';

const dir = () => tempDir('ss-limits-');
const setAside = (d: string, name: string) =>
  readdirSync(d).filter((f) => f.startsWith(`${name}.corrupt-`));
const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

/** A file of `bytes` that costs no disk: `{"display":"xxxx…` with a hole after it. */
function hugeFile(file: string, bytes: number, head = '{"display":"'): void {
  writeFileSync(file, head);
  truncateSync(file, bytes);
}

describe('tokens.json', () => {
  const good = (roleToken: string) => ({ display: roleToken, operator: 'o'.repeat(32) });

  it.each([
    ['a 100 MB file', (file: string) => hugeFile(file, 100 * 1024 * 1024)],
    [
      'a token of 300 characters',
      (file: string) => writeFileSync(file, JSON.stringify(good('t'.repeat(300)))),
    ],
    [
      'a token with terminal escapes',
      (file: string) =>
        writeFileSync(file, JSON.stringify(good(`\u001b[2J\u001b[31m${'e'.repeat(20)}`))),
    ],
    [
      'a token with a newline',
      (file: string) => writeFileSync(file, JSON.stringify(good(`${'a'.repeat(20)}\nfake line`))),
    ],
    [
      'JSON nested 100,000 levels deep',
      (file: string) => writeFileSync(file, `{"display":${deep(100_000)}}`),
    ],
  ])('%s is set aside, reported, and replaced by fresh tokens', async (_case, write) => {
    const d = dir();
    write(tokensPath(d));
    const loaded = await loadTokens(d);
    expect(setAside(d, 'tokens.json')).toHaveLength(1);
    expect(loaded.notices.map((n) => n.message).join()).toMatch(
      /could not be read \(tokens\.json /,
    );
    for (const role of viewRoles) expect(loaded.tokens[role]).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // The notice names the file and the problem, and quotes nothing of the content.
    expect(loaded.notices.map((n) => n.message).join().length).toBeLessThan(600);
    expect(loaded.notices.map((n) => n.message).join()).not.toMatch(/tttttttt|fake line/);
    expect(loaded.notices.map((n) => n.message).join()).not.toContain('\u001b');
  });

  it('a FIFO in its place is set aside instead of stalling the start', async () => {
    if (process.platform === 'win32') return;
    const d = dir();
    execFileSync('mkfifo', [tokensPath(d)]);
    const loaded = await loadTokens(d);
    expect(loaded.notices.map((n) => n.message).join()).toMatch(/not a regular file/);
    expect(setAside(d, 'tokens.json')).toHaveLength(1);
  });

  it('a token given to the server is held to the same rule', () => {
    expect(() => makeTokens({ display: 'x'.repeat(300) })).toThrow(/display token is too long/);
    expect(() => makeTokens({ display: `${'x'.repeat(20)}\u001b[2J` })).toThrow(/only letters/);
    expect(makeTokens({ display: 'x'.repeat(256) }).display).toHaveLength(256);
  });
});

describe('the other files read back', () => {
  it('remote-devices.json over its size, with too many phones or a huge name, is set aside', async () => {
    const device = (name: string, i = 0) => ({
      id: `id-${i}`,
      name,
      pairedAt: 1,
      tokenHash: 'a'.repeat(64),
    });
    const cases = [
      (file: string) => hugeFile(file, 10 * 1024 * 1024, '{"devices":[{"name":"'),
      (file: string) =>
        writeFileSync(
          file,
          JSON.stringify({ devices: Array.from({ length: 500 }, (_, i) => device('p', i)) }),
        ),
      (file: string) =>
        writeFileSync(file, JSON.stringify({ devices: [device('n'.repeat(10_000))] })),
      (file: string) => writeFileSync(file, `{"devices":${deep(100_000)}}`),
    ];
    for (const write of cases) {
      const d = dir();
      write(path.join(d, DEVICES_FILE));
      const notices: string[] = [];
      const store = await openDeviceStore(d, (m) => notices.push(m.message));
      expect(store.list()).toEqual([]);
      expect(notices.join()).toMatch(/remote-devices\.json/);
      expect(notices.join().length).toBeLessThan(600);
      expect(setAside(d, DEVICES_FILE)).toHaveLength(1);
    }
  });

  it('show-position.json with a garbled or huge id is set aside, and the show starts in safe mode', async () => {
    const d = dir();
    writeFileSync(
      showPositionPath(d),
      JSON.stringify({
        playlistId: 'p'.repeat(10_000),
        itemId: 'i'.repeat(10_000),
        position: 1e300,
        paused: false,
        remainingMs: -5,
        blackout: true,
        safeMode: false,
        savedAt: 's'.repeat(10_000),
      }),
    );
    const read = await readShowPosition(d);
    expect(read.position).toEqual(SAFE_START);
    expect(read.notice?.message).toMatch(/started in safe mode/);
    // Named, not quoted: the notice stays short whatever the file held.
    expect(read.notice!.message.length).toBeLessThan(600);
    expect(setAside(d, SHOW_POSITION_FILE)).toHaveLength(1);
  });

  it('show-position.json of 100 MB is set aside unread, and the show starts in safe mode', async () => {
    const d = dir();
    hugeFile(showPositionPath(d), 100 * 1024 * 1024, '{"safeMode":false,"x":"');
    const read = await readShowPosition(d);
    expect(read.position).toEqual(SAFE_START);
    expect(read.notice?.message).toMatch(/show-position\.json is 104857600 bytes/);
  });

  it('settings.json of 100 MB or with a huge PIN hash is set aside, and the kiosk fails closed', async () => {
    for (const write of [
      (file: string) => hugeFile(file, 100 * 1024 * 1024, '{"kiosk":{"pinHash":"'),
      (file: string) =>
        writeFileSync(file, JSON.stringify({ kiosk: { pinHash: 'h'.repeat(100_000) } })),
    ]) {
      const d = dir();
      write(settingsPath(d));
      const loaded = await loadShellSettings(d);
      expect(loaded.pin.kind).toBe('unusable');
      expect(loaded.warnings.join().length).toBeLessThan(600);
      expect(setAside(d, 'settings.json')).toHaveLength(1);
    }
  });

  it('obs.json with a huge host or password is set aside', async () => {
    for (const settings of [{ host: 'h'.repeat(100_000) }, { password: 'p'.repeat(100_000) }]) {
      const d = dir();
      writeFileSync(obsSettingsPath(d), JSON.stringify(settings));
      const loaded = await loadObsConfig(d, {});
      expect(loaded.warnings.join()).toMatch(/unreadable/);
      expect(loaded.warnings.join().length).toBeLessThan(600);
      expect(existsSync(obsSettingsPath(d))).toBe(false);
    }
  });
});

describe('readTextBounded', () => {
  it('reads a file at the limit and refuses one byte more, without reading it', async () => {
    const d = dir();
    const file = path.join(d, 'f');
    writeFileSync(file, 'x'.repeat(10));
    expect(await readTextBounded(file, 10)).toEqual({ status: 'ok', text: 'x'.repeat(10) });
    expect(await readTextBounded(file, 9)).toEqual({
      status: 'refused',
      problem: 'is 10 bytes; at most 9 are read',
    });
    expect(await readTextBounded(path.join(d, 'none'), 9)).toEqual({ status: 'missing' });
    expect(await readTextBounded(d, 9)).toEqual({
      status: 'refused',
      problem: 'is not a regular file',
    });
  });
});

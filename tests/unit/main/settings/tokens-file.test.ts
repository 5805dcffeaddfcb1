import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTokens, tokensPath } from '../../../../src/main/settings/tokens-file';
import { viewRoles } from '../../../../src/shared/protocol';
import { tempDir } from '../../../helpers/temp-dir';

const dir = () => tempDir('ss-tokens-');
const stored = (d: string) =>
  JSON.parse(readFileSync(tokensPath(d), 'utf8')) as Record<string, string>;

describe('tokens file', () => {
  it('makes one token per role once, stores it owner-only, and keeps it', async () => {
    const d = dir();
    const first = await loadTokens(d);
    expect(first.notices).toEqual([]);
    expect(Object.keys(first.tokens).sort()).toEqual([...viewRoles].sort());
    expect(new Set(Object.values(first.tokens)).size).toBe(viewRoles.length);
    expect(stored(d)).toEqual(first.tokens);
    if (process.platform !== 'win32') expect(statSync(tokensPath(d)).mode & 0o777).toBe(0o600);
    const second = await loadTokens(d);
    expect(second).toEqual({ tokens: first.tokens, notices: [] });
  });

  it('regenerates every token on request, and says that old links stop working', async () => {
    const d = dir();
    const first = await loadTokens(d);
    const renewed = await loadTokens(d, { regenerate: true });
    for (const role of viewRoles) expect(renewed.tokens[role]).not.toBe(first.tokens[role]);
    expect(renewed.notices.map((n) => n.message).join()).toMatch(/stopped working/);
    expect(stored(d)).toEqual(renewed.tokens);
    expect((await loadTokens(d)).tokens).toEqual(renewed.tokens);
  });

  it('adds a token for a role the file does not have yet, keeping the others', async () => {
    const d = dir();
    const old = { display: 'd'.repeat(32), operator: 'o'.repeat(32), overlay: 'v'.repeat(32) };
    writeFileSync(tokensPath(d), JSON.stringify(old));
    const loaded = await loadTokens(d);
    expect(loaded.tokens).toMatchObject(old);
    expect(loaded.tokens.kiosk).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(stored(d)).toEqual(loaded.tokens);
  });

  it('sets a broken file aside, makes new tokens and tells the operator', async () => {
    const d = dir();
    writeFileSync(tokensPath(d), JSON.stringify({ display: 'short' }));
    const loaded = await loadTokens(d, { now: () => new Date('2026-11-27T10:00:00Z') });
    expect(loaded.notices).toHaveLength(1);
    expect(loaded.notices[0]?.message).toMatch(/tokens\.json display: .*new tokens were made/);
    expect(existsSync(`${tokensPath(d)}.corrupt-2026-11-27T10-00-00-000Z`)).toBe(true);
    expect(stored(d)).toEqual(loaded.tokens);
  });

  it.skipIf(process.platform === 'win32')('tightens a tokens file anyone could read', async () => {
    const d = dir();
    const first = await loadTokens(d);
    writeFileSync(tokensPath(d), JSON.stringify(first.tokens), { mode: 0o644 });
    expect((await loadTokens(d)).tokens).toEqual(first.tokens);
    expect(statSync(tokensPath(d)).mode & 0o777).toBe(0o600);
  });
});

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultJob,
  jobRefusal,
  OUTPUTS_FILE,
  openOutputRegistry,
} from '../../../../src/main/screens/output-registry';
import type { LocalizedText } from '../../../../src/shared/protocol';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'outputs-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the output registry', () => {
  it('keeps outputs and their jobs across a restart, with only the hash of each token', async () => {
    const dir = tempDir();
    const first = await openOutputRegistry(dir, () => {});
    const { output, token } = await first.add(defaultJob('merch TV'), 5);
    await first.configure(output.id, { playlist: 'merch', orientation: 'portrait' });
    const text = readFileSync(path.join(dir, OUTPUTS_FILE), 'utf8');
    expect(text).not.toContain(token);
    expect(statSync(path.join(dir, OUTPUTS_FILE)).mode & 0o777).toBe(0o600);

    const again = await openOutputRegistry(dir, () => {});
    expect(again.findByToken(token)).toMatchObject({
      id: output.id,
      name: 'merch TV',
      playlist: 'merch',
      orientation: 'portrait',
      followLyrics: true,
    });
    expect(again.findByToken(`${token}x`)).toBeNull();
  });

  it('drops a revoked output at once, before the file is written', async () => {
    const registry = await openOutputRegistry(tempDir(), () => {});
    const { output, token } = await registry.add(defaultJob('TV'), 0);
    const removing = registry.remove(output.id);
    expect(registry.findByToken(token)).toBeNull();
    await removing;
    expect(await registry.remove(output.id)).toBe(false);
  });

  it('sets a tampered file aside and says so, naming what is wrong', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, OUTPUTS_FILE),
      JSON.stringify({ outputs: [{ id: 'x', name: 'TV', tokenHash: 'not-a-hash' }] }),
    );
    const notices: LocalizedText[] = [];
    const registry = await openOutputRegistry(dir, (text) => notices.push(text));
    expect(registry.list()).toEqual([]);
    expect(notices[0]?.key).toBe('core:screens.fileCorrupt');
  });
});

describe('jobRefusal', () => {
  const choices = { languages: ['en', 'ru'], playlistIds: ['main-loop', 'merch'] };
  it('takes the main show, a playlist of the pack, and the pack languages', () => {
    expect(jobRefusal({ playlist: 'main', languages: ['ru'] }, choices)).toBeNull();
    expect(jobRefusal({ playlist: 'merch' }, choices)).toBeNull();
  });
  it('refuses a playlist or a language the pack does not have, naming it', () => {
    expect(jobRefusal({ playlist: 'nope' }, choices)?.params).toMatchObject({ id: 'nope' });
    expect(jobRefusal({ languages: ['fr'] }, choices)?.params).toMatchObject({ names: 'fr' });
  });
});

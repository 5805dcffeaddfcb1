import { fork } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonFile, writeFileAtomic } from '../../../../src/main/settings/atomic-file';
import { tempDir } from '../../../helpers/temp-dir';

const dir = () => tempDir('atomic-');
const schema = z.strictObject({ volume: z.number().int() });

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temp files behind', async () => {
    const d = dir();
    const file = path.join(d, 'settings.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['settings.json']);
  });

  it('creates secrets with the mode asked for', async () => {
    const file = path.join(dir(), 'nested', 'obs.json');
    await writeFileAtomic(file, '{}', { mode: 0o600 });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  // A real crash: a child process writes with a hook that kills itself between two steps.
  // Whatever step it dies at, the file holds either the old text or the new, never a mix.
  for (const step of ['temp-written', 'temp-synced', 'renamed'] as const) {
    it(`leaves the old or the new file when the process dies after "${step}"`, async () => {
      const d = dir();
      const file = path.join(d, 'settings.json');
      writeFileSync(file, JSON.stringify({ volume: 1 }));
      const child = fork(
        path.join(import.meta.dirname, 'crash-mid-write.ts'),
        [file, JSON.stringify({ volume: 2 }), step],
        { execArgv: ['--import', 'tsx'], stdio: 'ignore' },
      );
      const exit = await new Promise<NodeJS.Signals | number | null>((resolve) =>
        child.on('exit', (code, signal) => resolve(signal ?? code)),
      );
      expect(exit).toBe('SIGKILL');
      const text = readFileSync(file, 'utf8');
      expect([JSON.stringify({ volume: 1 }), JSON.stringify({ volume: 2 })]).toContain(text);
      if (step === 'renamed') expect(text).toBe(JSON.stringify({ volume: 2 }));
      else expect(text).toBe(JSON.stringify({ volume: 1 }));
    });
  }
});

describe('readJsonFile', () => {
  it('reads a valid file through its schema', async () => {
    const file = path.join(dir(), 's.json');
    writeFileSync(file, '{"volume": 3}');
    expect(await readJsonFile(file, schema)).toEqual({ status: 'ok', value: { volume: 3 } });
  });

  it('says missing for a file that is not there', async () => {
    expect(await readJsonFile(path.join(dir(), 'none.json'), schema)).toEqual({
      status: 'missing',
    });
  });

  it('sets a broken file aside with a timestamp and names the problem', async () => {
    const d = dir();
    const file = path.join(d, 's.json');
    writeFileSync(file, '{"volume": "loud"}');
    const read = await readJsonFile(file, schema, () => new Date('2026-11-27T10:00:00Z'));
    expect(read.status).toBe('corrupt');
    if (read.status !== 'corrupt') return;
    expect(read.error).toMatch(/^s\.json volume: /);
    expect(read.movedTo).toBe(`${file}.corrupt-2026-11-27T10-00-00-000Z`);
    expect(existsSync(file)).toBe(false);
    expect(readFileSync(read.movedTo, 'utf8')).toBe('{"volume": "loud"}');
  });

  it('treats a torn JSON file as corrupt, not as a crash', async () => {
    const file = path.join(dir(), 's.json');
    writeFileSync(file, '{"volu');
    const read = await readJsonFile(file, schema);
    expect(read.status).toBe('corrupt');
    expect(read.status === 'corrupt' && read.error).toMatch(/not valid JSON/);
  });
});

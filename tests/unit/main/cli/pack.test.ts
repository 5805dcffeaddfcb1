import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../../src/main/cli/main';
import { parsePackArgs } from '../../../../src/main/cli/pack';
import {
  builtInPack,
  manifestFor,
  repo,
  removeTempDirs,
  tempDir,
  zipWith,
} from '../packs/pack-zips';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    cwd: repo,
    entryUrl: 'file:///nowhere/src/main/cli.ts',
    waitForStop: () => new Promise(() => {}),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

afterAll(removeTempDirs);

describe('npm run pack', () => {
  it('export prints the pack, its item count and the size of each kind', async () => {
    const zip = path.join(tempDir('cli'), 'merch.zip');
    const result = await run([
      'pack',
      'export',
      '--content',
      builtInPack,
      '--out',
      zip,
      '--playlist',
      'merch-table',
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`Pack written: ${zip}`);
    expect(result.out).toMatch(/6 items, .+ in all:/);
    expect(result.out).toMatch(/^ {2}cases: [\d.]+ kB$/m);
    expect(result.out).toMatch(/^ {2}font licences: /m);
  });

  it('import of a hostile zip prints why, names the entry, exits 1 and writes nothing', async () => {
    const parent = tempDir('cli-target');
    const zip = path.join(tempDir('cli-zip'), 'slip.zip');
    writeFileSync(zip, zipWith({ '../evil.yaml': Buffer.from('x') }, manifestFor({})));
    const result = await run(['pack', 'import', zip, '--to', path.join(parent, 'content')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`Not imported (${zip}):`);
    expect(result.err).toContain('“../evil.yaml”: “..” would lead out of the pack.');
    expect(readdirSync(parent)).toEqual([]);
    expect(existsSync(path.join(parent, '..', 'evil.yaml'))).toBe(false);
  });

  it('speaks the --lang language: a refusal in Russian', async () => {
    const zip = path.join(tempDir('cli-zip'), 'none.zip');
    writeFileSync(zip, zipWith({ 'statements/x.yaml': Buffer.from('x') }, null));
    const result = await run(['pack', 'import', zip, '--to', tempDir('cli-t'), '--lang', 'ru']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('нет manifest.json');
  });

  it('a folder that is not a content pack is refused, exit 1', async () => {
    const result = await run([
      'pack',
      'export',
      '--content',
      path.join(repo, 'tests/fixtures/packs/does-not-exist'),
      '--out',
      path.join(tempDir('cli'), 'x.zip'),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Not exported:');
  });

  it('bad arguments exit 2 with the usage', async () => {
    expect((await run(['pack', 'export'])).code).toBe(2);
    expect((await run(['pack', 'import', 'a.zip'])).err).toContain('--to DIR');
    expect((await run(['pack', 'frobnicate'])).code).toBe(2);
  });
});

describe('parsePackArgs', () => {
  it('takes several --playlist and resolves paths against the working folder', () => {
    expect(
      parsePackArgs(
        ['export', '--out', 'p.zip', '--playlist', 'a', '--playlist', 'b', '--force'],
        '/w',
      ),
    ).toEqual({
      command: 'export',
      contentDir: '/w/content',
      out: '/w/p.zip',
      playlists: ['a', 'b'],
      force: true,
      language: 'en',
    });
    expect(parsePackArgs(['import', 'p.zip', '--to', 'show'], '/w')).toEqual({
      command: 'import',
      zipFile: '/w/p.zip',
      to: '/w/show',
      language: 'en',
    });
    expect(parsePackArgs(['import', 'p.zip', '--to', 'x', '--force'], '/w').command).toBe('error');
  });
});

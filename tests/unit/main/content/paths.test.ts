import { mkdir, readFile, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveInsidePack } from '../../../../src/main/content';
import { loadPack } from '../../../../src/main/content/load-pack';
import { copyPack, goodPack, english } from './helpers';

let pack: string;
let root: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ pack, dir: root, cleanup } = await copyPack(goodPack));
  await writeFile(path.join(root, 'outside.png'), 'secret');
  await mkdir(path.join(root, 'elsewhere'));
  await writeFile(path.join(root, 'elsewhere/photo.png'), 'secret');
  await mkdir(path.join(pack, 'media/nested/deeper'), { recursive: true });
  await writeFile(path.join(pack, 'media/nested/deeper/ok.png'), 'fine');
  await writeFile(path.join(pack, '.env'), 'TOKEN=1');
});

afterEach(() => cleanup());

async function refused(rel: string): Promise<string> {
  const result = await resolveInsidePack(pack, rel);
  if (result.ok) throw new Error(`${rel} was accepted as ${result.path}`);
  return result.error.message;
}

describe('resolveInsidePack', () => {
  it('accepts a nested path and returns the real path', async () => {
    const result = await resolveInsidePack(pack, 'media/nested/deeper/ok.png');
    expect(result).toMatchObject({
      ok: true,
      path: await realpath(path.join(pack, 'media/nested/deeper/ok.png')),
    });
    expect(result.ok && result.info.isFile()).toBe(true);
  });

  it('gives the same answer when the caller passes the real pack path it resolved', async () => {
    const real = await realpath(pack);
    for (const rel of ['media/anna.png', 'media/../../outside.png', 'media/missing.png']) {
      const once = await resolveInsidePack(pack, rel, real);
      const fresh = await resolveInsidePack(pack, rel);
      expect(once.ok).toBe(fresh.ok);
      expect(once.ok ? once.path : once.error).toEqual(fresh.ok ? fresh.path : fresh.error);
    }
  });

  it('accepts ./ and backslash separators that stay inside', async () => {
    expect((await resolveInsidePack(pack, './media/anna.png')).ok).toBe(true);
    expect((await resolveInsidePack(pack, 'media\\anna.png')).ok).toBe(true);
  });

  it.each([
    '../outside.png',
    'media/../../outside.png',
    'media/../media/anna.png',
    '..',
    '..\\outside.png',
    'media/..\\..\\outside.png',
  ])('refuses the .. trick %s', async (rel) => {
    expect(await refused(rel)).toContain('uses .. to leave the folder');
  });

  it.each(['/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\x.png', 'c:x.png'])(
    'refuses the absolute path %s',
    async (rel) => {
      expect(await refused(rel)).toContain('is an absolute path');
    },
  );

  it('refuses an absolute path even when it points into the pack', async () => {
    expect(await refused(path.join(pack, 'media/anna.png'))).toContain('is an absolute path');
  });

  it('refuses NUL bytes, empty paths, web links and hidden files', async () => {
    expect(await refused('media/anna.png\0.txt')).toBe('the path contains a NUL byte');
    expect(await refused('')).toBe('the path is empty');
    expect(await refused('./')).toBe('the path is empty');
    expect(await refused('https://example.org/a.png')).toContain('is a web link');
    expect(await refused('.env')).toContain('hidden file');
  });

  it('refuses missing files and folders', async () => {
    expect(await refused('media/nobody.png')).toBe('file not found: media/nobody.png');
    expect(await refused('media/anna.png/x')).toBe('file not found: media/anna.png/x');
    expect(await refused('media')).toBe('media is a folder, not a file');
  });

  it('refuses a symlink inside the pack that points outside', async () => {
    await symlink(path.join(root, 'outside.png'), path.join(pack, 'media/link.png'));
    expect(await refused('media/link.png')).toBe(
      'media/link.png is a link to a file outside the pack folder',
    );
  });

  it('refuses a file reached through a symlinked folder that points outside', async () => {
    await symlink(path.join(root, 'elsewhere'), path.join(pack, 'media/shared'));
    expect(await refused('media/shared/photo.png')).toBe(
      'media/shared/photo.png is a link to a file outside the pack folder',
    );
  });

  it('accepts a symlink that stays inside the pack', async () => {
    await symlink(path.join(pack, 'media/anna.png'), path.join(pack, 'media/alias.png'));
    expect(await resolveInsidePack(pack, 'media/alias.png')).toMatchObject({
      ok: true,
      path: await realpath(path.join(pack, 'media/anna.png')),
    });
  });

  it('works when the pack folder itself is reached through a symlink', async () => {
    const linkedPack = path.join(root, 'linked-pack');
    await symlink(pack, linkedPack);
    expect((await resolveInsidePack(linkedPack, 'media/anna.png')).ok).toBe(true);
    await symlink(path.join(root, 'outside.png'), path.join(pack, 'media/out.png'));
    expect((await resolveInsidePack(linkedPack, 'media/out.png')).ok).toBe(false);
  });

  it('refuses a dangling or looping symlink', async () => {
    await symlink(path.join(pack, 'media/gone.png'), path.join(pack, 'media/dangling.png'));
    expect(await refused('media/dangling.png')).toBe('file not found: media/dangling.png');
    await symlink(path.join(pack, 'media/loop-b.png'), path.join(pack, 'media/loop-a.png'));
    await symlink(path.join(pack, 'media/loop-a.png'), path.join(pack, 'media/loop-b.png'));
    expect(await refused('media/loop-a.png')).toBe('media/loop-a.png is a link that loops');
  });
});

describe('links to hidden files inside the pack', () => {
  beforeEach(async () => {
    await mkdir(path.join(pack, '.git'));
    await writeFile(path.join(pack, '.git/config'), '[remote "origin"] url = secret');
  });

  it('refuses a media path that is a link to a hidden file, whatever the link is called', async () => {
    await symlink(path.join(pack, '.git/config'), path.join(pack, 'media/logo.png'));
    expect(await refused('media/logo.png')).toBe(
      'media/logo.png is a link to a hidden file or folder',
    );
    await symlink(path.join(pack, '.env'), path.join(pack, 'media/env.png'));
    expect(await refused('media/env.png')).toBe(
      'media/env.png is a link to a hidden file or folder',
    );
  });

  it('refuses a file reached through a link to a hidden folder', async () => {
    await symlink(path.join(pack, '.git'), path.join(pack, 'media/git'));
    expect(await refused('media/git/config')).toBe(
      'media/git/config is a link to a hidden file or folder',
    );
  });

  it('reports links under media/ that no item uses, once each, in validate', async () => {
    await symlink(path.join(pack, '.git/config'), path.join(pack, 'media/logo.png'));
    await symlink(path.join(root, 'outside.png'), path.join(pack, 'media/nested/out.png'));
    await symlink(path.join(root, 'elsewhere'), path.join(pack, 'media/elsewhere'));
    await symlink(path.join(pack, 'media/loop-b.png'), path.join(pack, 'media/loop-a.png'));
    await symlink(path.join(pack, 'media/loop-a.png'), path.join(pack, 'media/loop-b.png'));
    const result = await loadPack(pack);
    expect(result.errors.map((e) => [e.file, e.message])).toEqual([
      ['media/elsewhere', 'is a link to a folder outside the pack folder; it was skipped'],
      ['media/logo.png', 'is a link to a hidden file; it was skipped'],
      ['media/loop-a.png', 'is a link that loops; it was skipped'],
      ['media/loop-b.png', 'is a link that loops; it was skipped'],
      ['media/nested/out.png', 'is a link to a file outside the pack folder; it was skipped'],
    ]);
    // The good pack's own media, which are plain files, are not reported.
    expect(result.items).toHaveLength(7);
  });

  it('skips an item file that is a link to a hidden file', async () => {
    await writeFile(path.join(pack, '.git/item.yaml'), 'kind: statement\ntext: hidden\n');
    await symlink(path.join(pack, '.git/item.yaml'), path.join(pack, 'statements/hidden.yaml'));
    const result = await loadPack(pack);
    expect(result.items.map((i) => i.id)).not.toContain('hidden');
    expect(result.errors.map((e) => [e.file, e.message])).toEqual([
      ['statements/hidden.yaml', 'is a link to a hidden file; it was skipped'],
    ]);
  });
});

describe('the loader and links', () => {
  it('does not follow a symlinked folder out of the pack, and says so', async () => {
    await symlink(path.join(root, 'elsewhere'), path.join(pack, 'cases-elsewhere'));
    await writeFile(
      path.join(root, 'elsewhere/intruder.yaml'),
      'kind: statement\ntext: I live outside the pack\n',
    );
    const result = await loadPack(pack);
    expect(result.items.map((i) => i.id)).not.toContain('intruder');
    expect(english(result.errors)).toEqual([
      {
        file: 'cases-elsewhere',
        field: '',
        message: 'is a link to a folder outside the pack folder; it was skipped',
      },
    ]);
  });

  it('refuses an item file that links outside the pack', async () => {
    await writeFile(path.join(root, 'outside.yaml'), 'kind: statement\ntext: outside\n');
    await symlink(path.join(root, 'outside.yaml'), path.join(pack, 'statements/outside.yaml'));
    const result = await loadPack(pack);
    expect(result.items.map((i) => i.id)).not.toContain('outside');
    expect(result.errors.map((e) => [e.file, e.message])).toEqual([
      ['statements/outside.yaml', 'is a link to a file outside the pack folder; it was skipped'],
    ]);
  });

  it('survives a symlink loop between folders', async () => {
    await symlink(pack, path.join(pack, 'cases/loop'));
    const result = await loadPack(pack);
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(7);
  });

  it('refuses a case photo that is a symlink to a file outside', async () => {
    await symlink(path.join(root, 'outside.png'), path.join(pack, 'media/anna-link.png'));
    const md = path.join(pack, 'cases/anna-example.md');
    await writeFile(
      md,
      (await readFile(md, 'utf8')).replace('media/anna.png', 'media/anna-link.png'),
    );
    const result = await loadPack(pack);
    expect(english(result.errors)).toEqual([
      {
        file: 'cases/anna-example.md',
        line: 7,
        field: 'photo.file',
        message: 'media/anna-link.png is a link to a file outside the pack folder',
      },
    ]);
    expect(result.items.map((i) => i.id)).not.toContain('anna-example');
  });
});

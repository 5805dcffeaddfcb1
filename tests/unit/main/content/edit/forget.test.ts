import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentEditor } from '../../../../../src/main/content/edit/editor';
import { builtInPackInFolder } from '../../../../helpers/pack-copy';

const BUILT_IN_PACK = path.resolve(import.meta.dirname, '../../../../../content');
const SVG = path.join(BUILT_IN_PACK, 'media/drawings/raised-fist.svg');

let root: string;
let packDir: string;

const at = (rel: string) => path.join(packDir, ...rel.split('/'));
const exists = (rel: string) => existsSync(at(rel));

function put(rel: string, text: string): void {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  writeFileSync(at(rel), text);
}

function image(rel: string): void {
  mkdirSync(path.dirname(at(rel)), { recursive: true });
  copyFileSync(SVG, at(rel));
}

/** A drawing that names `image`; the rest of a valid drawing is copied from the built-in one. */
function drawing(id: string, imagePath: string): string {
  return readFileSync(at('drawings/placeholder-raised-fist.yaml'), 'utf8')
    .replace('id: placeholder-raised-fist', `id: ${id}`)
    .replace('image: media/drawings/raised-fist.svg', `image: ${imagePath}`);
}

beforeEach(() => {
  ({ root, packDir } = builtInPackInFolder('ss-forget-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('forget: an item removed for someone’s safety', () => {
  it('unlinks the file, its history, its trash copies and the media only it used', async () => {
    for (const name of ['first', 'now', 'trashed-only', 'shared', 'renamed-only']) {
      image(`media/drawings/${name}.svg`);
    }
    put('drawings/vera.yaml', drawing('vera', 'media/drawings/first.svg'));
    // Someone else still shows this one: it stays.
    put('drawings/other.yaml', drawing('other', 'media/drawings/shared.svg'));
    const editor = createContentEditor({ packDir });
    // A save keeps the version that named first.svg in .history/vera/.
    const record = (await editor.read('vera'))!;
    const saved = await editor.write(
      'vera',
      { ...record.item, image: 'media/drawings/now.svg' },
      record.version,
    );
    expect(saved.status).toBe('saved');
    // Trash copies: one named after the id, one renamed but claiming it, one of another item.
    put(
      '.trash/2026-01-02T03-04-05.000Z-vera.yaml',
      drawing('vera', 'media\\drawings\\trashed-only.svg'),
    );
    put(
      '.trash/2026-01-03T03-04-05.000Z-old-name.yaml',
      drawing('vera', 'media/drawings/renamed-only.svg'),
    );
    put(
      '.trash/2026-01-04T03-04-05.000Z-shared.yaml',
      drawing('vera', 'media/drawings/shared.svg'),
    );
    put('.trash/2026-01-05T03-04-05.000Z-call-to-action.yaml', 'kind: statement\ntitle: x\n');

    const outcome = await editor.remove('vera', { removeReferences: false, forget: true });

    expect(outcome.status).toBe('forgotten');
    if (outcome.status !== 'forgotten') return;
    const history = outcome.forgotten.filter((f) => f.startsWith('.history/'));
    expect(history).toHaveLength(1);
    expect(history[0]).toMatch(/^\.history\/vera\/.+\.yaml$/);
    expect([...outcome.forgotten].sort()).toEqual(
      [
        'drawings/vera.yaml',
        history[0]!,
        '.trash/2026-01-02T03-04-05.000Z-vera.yaml',
        '.trash/2026-01-03T03-04-05.000Z-old-name.yaml',
        '.trash/2026-01-04T03-04-05.000Z-shared.yaml',
        'media/drawings/first.svg',
        'media/drawings/now.svg',
        'media/drawings/renamed-only.svg',
        'media/drawings/trashed-only.svg',
      ].sort(),
    );
    for (const file of outcome.forgotten) expect(exists(file), file).toBe(false);
    expect(exists('.history/vera')).toBe(false);
    // Nothing of anyone else's.
    expect(exists('media/drawings/shared.svg')).toBe(true);
    expect(exists('drawings/other.yaml')).toBe(true);
    expect(exists('.trash/2026-01-05T03-04-05.000Z-call-to-action.yaml')).toBe(true);
    expect(exists('media/drawings/raised-fist.svg')).toBe(true);
  });

  it('keeps a media file another item’s current file names, even a broken one', async () => {
    image('media/drawings/both.svg');
    put('drawings/vera.yaml', drawing('vera', 'media/drawings/both.svg'));
    // Broken (no title, unknown field), but it still names the picture.
    put(
      'drawings/draft.yaml',
      'kind: drawing\nid: draft\nimage: ./media/drawings/both.svg\nx: 1\n',
    );
    const outcome = await createContentEditor({ packDir }).remove('vera', {
      removeReferences: false,
      forget: true,
    });
    expect(outcome).toEqual({
      status: 'forgotten',
      forgotten: ['drawings/vera.yaml'],
      removedFrom: [],
    });
    expect(exists('media/drawings/both.svg')).toBe(true);
  });

  it('refuses while a playlist uses the item, and changes nothing; with removeReferences it forgets', async () => {
    put('.history/boris-kagarlitsky/2026-01-01T00-00-00.000Z-0123456789abcdef.yaml', 'old\n');
    put('.trash/2026-01-01T00-00-00.000Z-boris-kagarlitsky.yaml', 'kind: case\n');
    const editor = createContentEditor({ packDir });
    const refused = await editor.remove('boris-kagarlitsky', {
      removeReferences: false,
      forget: true,
    });
    expect(refused.status).toBe('in-use');
    expect(exists('cases/boris-kagarlitsky.yaml')).toBe(true);
    expect(exists('.history/boris-kagarlitsky')).toBe(true);
    expect(exists('.trash/2026-01-01T00-00-00.000Z-boris-kagarlitsky.yaml')).toBe(true);

    const forgotten = await editor.remove('boris-kagarlitsky', {
      removeReferences: true,
      forget: true,
    });
    expect(forgotten.status).toBe('forgotten');
    expect(exists('cases/boris-kagarlitsky.yaml')).toBe(false);
    expect(exists('.history/boris-kagarlitsky')).toBe(false);
    expect(exists('.trash/2026-01-01T00-00-00.000Z-boris-kagarlitsky.yaml')).toBe(false);
    expect(readFileSync(at('playlists/main.yaml'), 'utf8')).not.toMatch(
      /^\s*- boris-kagarlitsky$/m,
    );
  });

  it('follows no link out of the pack: a linked media folder, trash or history stays whole', async () => {
    const outside = path.join(root, 'outside');
    mkdirSync(path.join(outside, 'photos'), { recursive: true });
    copyFileSync(SVG, path.join(outside, 'photos', 'face.svg'));
    mkdirSync(path.join(outside, 'trash'));
    writeFileSync(path.join(outside, 'trash', '2026-01-01T00-00-00.000Z-vera.yaml'), 'id: vera\n');
    mkdirSync(path.join(outside, 'history', 'vera'), { recursive: true });
    writeFileSync(path.join(outside, 'history', 'vera', 'kept.yaml'), 'id: vera\n');
    symlinkSync(path.join(outside, 'photos'), at('media/private'), 'dir');
    symlinkSync(path.join(outside, 'trash'), at('.trash'), 'dir');
    symlinkSync(path.join(outside, 'history'), at('.history'), 'dir');
    // Also a link to a single outside file, named directly.
    symlinkSync(path.join(outside, 'photos', 'face.svg'), at('media/drawings/linked.svg'));
    put('drawings/vera.yaml', drawing('vera', 'media/private/face.svg'));
    put('drawings/vera-2.yaml', drawing('vera-2', 'media/drawings/linked.svg'));
    const editor = createContentEditor({ packDir });

    const outcome = await editor.remove('vera', { removeReferences: false, forget: true });
    const second = await editor.remove('vera-2', { removeReferences: false, forget: true });

    expect(outcome).toMatchObject({ status: 'forgotten', forgotten: ['drawings/vera.yaml'] });
    expect(second).toMatchObject({ status: 'forgotten', forgotten: ['drawings/vera-2.yaml'] });
    expect(existsSync(path.join(outside, 'photos', 'face.svg'))).toBe(true);
    expect(existsSync(path.join(outside, 'trash', '2026-01-01T00-00-00.000Z-vera.yaml'))).toBe(
      true,
    );
    expect(existsSync(path.join(outside, 'history', 'vera', 'kept.yaml'))).toBe(true);
  });

  it('refuses a path-like id and forgets nothing', async () => {
    const outcome = await createContentEditor({ packDir }).remove('../pack', {
      removeReferences: true,
      forget: true,
    });
    expect(outcome.status).toBe('not-found');
    expect(exists('pack.yaml')).toBe(true);
  });
});

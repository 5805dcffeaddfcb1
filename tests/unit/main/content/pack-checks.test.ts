import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../src/main/content';
import { copyPack, goodPack, english } from './helpers';

let pack: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ pack, cleanup } = await copyPack(goodPack));
});
afterEach(() => cleanup());

async function edit(rel: string, change: (text: string) => string): Promise<void> {
  const file = path.join(pack, rel);
  await writeFile(file, change(await readFile(file, 'utf8')));
}

describe('pack.yaml checks', () => {
  it('says to rename a pack.yml, and does not read it as an item', async () => {
    await rename(path.join(pack, 'pack.yaml'), path.join(pack, 'pack.yml'));
    const result = await loadPack(pack);
    expect(result.pack).toBeNull();
    expect(english(result.errors)).toEqual([
      { file: 'pack.yaml', field: '', message: 'missing; rename pack.yml to pack.yaml' },
    ]);
    expect(result.items).toHaveLength(7);
  });

  it('reports a default language that is not one of the languages', async () => {
    await edit('pack.yaml', (t) => t.replace('defaultLanguage: en', 'defaultLanguage: de'));
    expect(english((await loadPack(pack)).errors)).toEqual([
      {
        file: 'pack.yaml',
        line: 6,
        field: 'defaultLanguage',
        message: '"de" is not one of the pack\'s languages (en, ru)',
      },
    ]);
  });

  it('reports a default playlist that is not a playlist, and a playlist as safe slide', async () => {
    await edit('pack.yaml', (t) =>
      t
        .replace('defaultPlaylist: main', 'defaultPlaylist: vigil')
        .replace('safeSlide: solidarity', 'safeSlide: main'),
    );
    expect(english((await loadPack(pack)).errors)).toEqual([
      {
        file: 'pack.yaml',
        line: 9,
        field: 'defaultPlaylist',
        message: '"vigil" is an event, not a playlist',
      },
      {
        file: 'pack.yaml',
        line: 10,
        field: 'safeSlide',
        message: '"main" is a playlist; the safe slide must be a single slide',
      },
    ]);
  });

  it('names unknown pack fields with their line', async () => {
    await edit('pack.yaml', (t) => `${t}colour: red\n`);
    expect(english((await loadPack(pack)).errors)).toEqual([
      { file: 'pack.yaml', line: 11, field: 'colour', message: 'unknown field "colour"' },
    ]);
  });
});

describe('item details', () => {
  it('stores media paths with / whatever the author typed', async () => {
    await edit('drawings/ship.yaml', (t) =>
      t.replace('image: media/ship.png', 'image: .\\media\\ship.png'),
    );
    const { items, errors } = await loadPack(pack);
    expect(errors).toEqual([]);
    const ship = items.find((i) => i.id === 'ship');
    expect(ship?.kind === 'drawing' && ship.image).toBe('media/ship.png');
  });

  it('takes an explicit id over the file name', async () => {
    await edit('events/vigil.yaml', (t) => `id: evening-vigil\n${t}`);
    const { items, errors } = await loadPack(pack);
    expect(items.map((i) => i.id)).toContain('evening-vigil');
    expect(english(errors)).toEqual([
      {
        file: 'playlists/main.yaml',
        line: 9,
        field: 'items.5',
        message: 'no item with id "vigil"',
      },
    ]);
  });

  it('refuses a body given both in front matter and below it', async () => {
    await edit('statements/solidarity.md', (t) =>
      t.replace('kind: statement', 'kind: statement\ntext: Above'),
    );
    const { errors } = await loadPack(pack);
    expect(english(errors)).toEqual([
      {
        file: 'statements/solidarity.md',
        line: 7,
        field: 'text',
        message: 'is written both in the front matter and below it; keep one',
      },
    ]);
  });

  it('accepts a Markdown case with nothing below the front matter', async () => {
    await edit('cases/anna-example.md', (t) => t.replace(/---\n\n[\s\S]*$/, '---\n\n\n'));
    expect((await loadPack(pack)).errors).toEqual([]);
  });

  it('ignores hidden files, editor backups and READMEs, and leaves media/ alone', async () => {
    await writeFile(path.join(pack, '.DS_Store'), 'x');
    await writeFile(path.join(pack, 'cases/anna-example.md~'), 'x');
    await writeFile(path.join(pack, 'README.md'), '# How to edit this pack\n');
    await writeFile(path.join(pack, 'media/notes.txt'), 'not an item');
    await writeFile(path.join(pack, 'media/stray.yaml'), 'kind: poem\n');
    const result = await loadPack(pack);
    expect(result.errors).toEqual([]);
    expect(result.items).toHaveLength(7);
  });

  it('accepts a photo outside media/ that an item uses, and flags an unused one', async () => {
    await writeFile(
      path.join(pack, 'cases/anna.png'),
      await readFile(path.join(pack, 'media/anna.png')),
    );
    await writeFile(
      path.join(pack, 'cases/unused.png'),
      await readFile(path.join(pack, 'media/anna.png')),
    );
    await edit('cases/anna-example.md', (t) =>
      t.replace('file: media/anna.png', 'file: cases/anna.png'),
    );
    expect(english((await loadPack(pack)).errors)).toEqual([
      {
        file: 'cases/unused.png',
        field: '',
        message:
          'is not used by any item; put images in media/ (item files are .yaml, .yml or .md)',
      },
    ]);
  });

  it('reports a misspelt nested field with a suggestion', async () => {
    await edit('cases/anna-example.md', (t) => t.replace('consent: true', 'concent: true'));
    expect(english((await loadPack(pack)).errors)).toEqual([
      {
        file: 'cases/anna-example.md',
        line: 6,
        field: 'photo.consent',
        message: 'missing; expected true or false',
      },
      {
        file: 'cases/anna-example.md',
        line: 8,
        field: 'photo.concent',
        message: 'unknown field "concent"; did you mean "consent"?',
      },
    ]);
  });
});

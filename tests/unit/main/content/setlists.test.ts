import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../../src/main/content';
import { copyPack, fixturesDir, english } from './helpers';

const setlistPack = path.join(fixturesDir, 'packs/setlists');

describe('setlists in a pack', () => {
  it('loads a setlist with its songs in order and its interlude', async () => {
    const { items } = await loadPack(setlistPack);
    expect(items.find((i) => i.id === 'concert')).toMatchObject({
      kind: 'setlist',
      title: 'Paris, 1 October',
      songs: ['internationale', 'galeone', 'internationale'],
      interlude: 'interlude',
      source: 'setlists/concert.yaml',
    });
  });

  it('reports every reference that does not work, in the style of playlist entries', async () => {
    const { errors, items } = await loadPack(setlistPack);
    expect(english(errors)).toEqual([
      {
        file: 'playlists/with-setlist.yaml',
        line: 5,
        field: 'items.2',
        message: '"concert" is a setlist; a playlist can only list slides, not setlists',
      },
      {
        file: 'setlists/missing-interlude.yaml',
        line: 4,
        field: 'interlude',
        message: 'no playlist with id "nowhere"',
      },
      {
        file: 'setlists/no-songs.yaml',
        line: 3,
        field: 'songs',
        message: 'none of the listed songs can be played, so the setlist is left out',
      },
      {
        file: 'setlists/no-songs.yaml',
        line: 3,
        field: 'songs.1',
        message: 'no song with id "nobody-at-all"',
      },
      {
        file: 'setlists/wrong-refs.yaml',
        line: 5,
        field: 'songs.2',
        message: 'no song with id "nobody"',
      },
      {
        file: 'setlists/wrong-refs.yaml',
        line: 6,
        field: 'songs.3',
        message: '"calm" is a statement, not a song',
      },
      {
        file: 'setlists/wrong-refs.yaml',
        line: 7,
        field: 'songs.4',
        message: '"main" is a playlist, not a song',
      },
      {
        file: 'setlists/wrong-refs.yaml',
        line: 8,
        field: 'interlude',
        message: '"calm" is a statement, not a playlist',
      },
    ]);
    // What reaches the show has only working references.
    const byId = new Map(items.map((i) => [i.id, i]));
    expect(byId.get('wrong-refs')).toMatchObject({ songs: ['internationale'] });
    expect(byId.get('wrong-refs')).not.toHaveProperty('interlude');
    expect(byId.get('missing-interlude')).not.toHaveProperty('interlude');
    expect(byId.has('no-songs')).toBe(false);
    expect(byId.get('with-setlist')).toMatchObject({ items: ['calm'] });
  });

  it('says nothing more about a reference to a broken file, and clears the errors once fixed', async () => {
    const { pack, cleanup } = await copyPack(setlistPack);
    try {
      const interlude = path.join(pack, 'playlists/interlude.yaml');
      await writeFile(
        interlude,
        'kind: playlist\ntitle: Between songs\nitems: [calm, anna]\nshufle: true\n',
      );
      const broken = await loadPack(pack);
      const onConcert = broken.errors.filter((e) => e.file === 'setlists/concert.yaml');
      expect(onConcert).toEqual([]);
      expect(broken.errors.filter((e) => e.file === 'playlists/interlude.yaml')).toHaveLength(1);
      expect(broken.items.find((i) => i.id === 'concert')).not.toHaveProperty('interlude');

      await writeFile(interlude, 'kind: playlist\ntitle: Between songs\nitems: [calm, anna]\n');
      const fixed = await loadPack(pack);
      expect(fixed.errors.filter((e) => e.file === 'playlists/interlude.yaml')).toEqual([]);
      expect(fixed.items.find((i) => i.id === 'concert')).toMatchObject({ interlude: 'interlude' });
    } finally {
      await cleanup();
    }
  });

  it('refuses a setlist as the safe slide', async () => {
    const { pack, cleanup } = await copyPack(setlistPack);
    try {
      await writeFile(
        path.join(pack, 'pack.yaml'),
        'title: Setlist tests\nlanguages: [ru, en, fr]\ndefaultLanguage: ru\nsafeSlide: concert\n',
      );
      expect(english((await loadPack(pack)).errors)).toContainEqual({
        file: 'pack.yaml',
        line: 4,
        field: 'safeSlide',
        message: '"concert" is a setlist; the safe slide must be a single slide',
      });
    } finally {
      await cleanup();
    }
  });
});

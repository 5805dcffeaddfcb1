import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../../../src/main/content';
import { formatContentError } from '../../../../src/shared/content';
import { copyPack, goodPack } from './helpers';

/* Problems that tell a new author what to do: every problem of a file at once, "did you mean"
   for values, fields, kinds, ids and image paths. Each case is written the way a volunteer
   mistypes a file mid-show. */

let pack: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ pack, cleanup } = await copyPack(goodPack));
});
afterEach(() => cleanup());

async function put(rel: string, lines: string[]): Promise<void> {
  await mkdir(path.dirname(path.join(pack, rel)), { recursive: true });
  await writeFile(path.join(pack, rel), `${lines.join('\n')}\n`);
}

async function edit(rel: string, change: (text: string) => string): Promise<void> {
  const file = path.join(pack, rel);
  await writeFile(file, change(await readFile(file, 'utf8')));
}

async function problemsOf(file: string): Promise<string[]> {
  const { errors } = await loadPack(pack);
  return errors.filter((e) => e.file === file).map((e) => formatContentError(e));
}

const drawing = (extra: string[]) => [
  'kind: drawing',
  'image: media/ship.png',
  'artist: Test Artist',
  'consent: true',
  'licence: CC0',
  ...extra,
];

describe('every problem of a file at once', () => {
  it('checks the image path of a drawing that has other problems', async () => {
    await put('drawings/sun.yaml', [
      'kind: drawing',
      'image: media/sun.png',
      'artist: Test Artist',
      'consent: yes',
      'licence: CC0',
      'credit: Someone',
    ]);
    expect(await problemsOf('drawings/sun.yaml')).toEqual([
      'drawings/sun.yaml:2 image: file not found: media/sun.png; paths start at the pack folder, like media/photo.jpg',
      'drawings/sun.yaml:4 consent: expected true or false, got "yes"',
      'drawings/sun.yaml:6 credit: unknown field "credit"; did you mean "artist" or "licence"?',
    ]);
  });

  it("runs a song's whole-song checks although another field is wrong", async () => {
    await put('songs/hymn.yaml', [
      'kind: song',
      'title: Hymn',
      'artist: Choir',
      'lyrcs: oops',
      'video: 12',
      'sections:',
      '  - lines:',
      '      - { ru: Вставай }',
    ]);
    const problems = await problemsOf('songs/hymn.yaml');
    expect(problems).toContainEqual(expect.stringMatching(/:4 lyrcs: unknown field "lyrcs"/));
    expect(problems).toContainEqual(expect.stringMatching(/:5 video: /));
    expect(problems).toContainEqual(
      expect.stringMatching(/ language: missing; say which language/),
    );
  });

  it("runs a case's custody checks although another field is wrong", async () => {
    await edit('cases/anna-example.md', (t) =>
      t
        .replace('arrested: 2023-07-25', 'arrested: 2023-07-25\nreleased: 2023-01-02')
        .replace('age: 34', 'age: thirty'),
    );
    const problems = await problemsOf('cases/anna-example.md');
    expect(problems).toContainEqual(expect.stringMatching(/ age: expected a number/));
    expect(problems).toContainEqual(
      expect.stringMatching(/ released: is before the start \(2023-07-25\)/),
    );
  });

  it('checks the ids a broken playlist names', async () => {
    await edit('playlists/main.yaml', (t) =>
      t.replace('  - vigil', '  - vigill').replace('duration: 12', 'duration: 12\nshufle: true'),
    );
    const problems = await problemsOf('playlists/main.yaml');
    expect(problems).toContainEqual(
      expect.stringMatching(/ shufle: unknown field "shufle"; did you mean "shuffle"\?/),
    );
    expect(problems).toContainEqual(
      'playlists/main.yaml:10 items.5: no item with id "vigill"; did you mean "vigil"?',
    );
  });

  it('checks the ids a broken pack.yaml names', async () => {
    await edit('pack.yaml', (t) =>
      t.replace('defaultPlaylist: main', 'defaultPlaylist: mian\ncolour: red'),
    );
    const problems = await problemsOf('pack.yaml');
    expect(problems).toContainEqual(
      expect.stringMatching(/ defaultPlaylist: no playlist with id "mian"; did you mean "main"\?$/),
    );
  });
});

describe('did you mean', () => {
  it('finds the choice a value meant, whatever its case or spacing', async () => {
    await edit('actions/write-a-letter.yaml', (t) => t.replace('type: letter', 'type: Petition'));
    expect(await problemsOf('actions/write-a-letter.yaml')).toEqual([
      'actions/write-a-letter.yaml:2 type: expected one of petition, site, donation, letter, got "Petition"; did you mean "petition"?',
    ]);
    await edit('actions/write-a-letter.yaml', (t) =>
      t.replace('type: Petition', "type: ' Dona tion'"),
    );
    expect(await problemsOf('actions/write-a-letter.yaml')).toEqual([
      expect.stringMatching(/did you mean "donation"\?$/),
    ]);
  });

  it('says nothing about a value nowhere near a choice', async () => {
    await edit('actions/write-a-letter.yaml', (t) => t.replace('type: letter', 'type: banana'));
    expect(await problemsOf('actions/write-a-letter.yaml')).toEqual([
      'actions/write-a-letter.yaml:2 type: expected one of petition, site, donation, letter, got "banana"',
    ]);
  });

  it('finds the kind a file meant', async () => {
    await put(
      'drawings/sun.yaml',
      drawing([]).map((l) => (l === 'kind: drawing' ? 'kind: Drawings' : l)),
    );
    expect(await problemsOf('drawings/sun.yaml')).toEqual([
      expect.stringMatching(
        /^drawings\/sun\.yaml:1 kind: unknown kind "Drawings"; did you mean "drawing"\?/,
      ),
    ]);
  });

  it.each([
    [
      'drawing',
      'drawings/sun.yaml',
      drawing(['credit: Someone']),
      'credit: unknown field "credit"; did you mean "artist" or "licence"?',
    ],
    [
      'event',
      'events/rally.yaml',
      ['kind: event', 'title: Rally', 'date: 2024-05-01', 'timeZone: Europe/Paris'],
      'date: unknown field "date"; did you mean "start"?',
    ],
    [
      'event',
      'events/rally.yaml',
      [
        'kind: event',
        'title: Rally',
        'start: 2024-05-01',
        'timeZone: Europe/Paris',
        'location: Square',
      ],
      'location: unknown field "location"; did you mean "venue"?',
    ],
    [
      'song',
      'songs/hymn.yaml',
      ['kind: song', 'title: Hymn', 'artist: Choir', 'lyrics: la la'],
      'lyrics: unknown field "lyrics"; did you mean "sections"?',
    ],
    [
      'case',
      'cases/anna-example.md',
      null,
      'credit: unknown field "credit"; did you mean "photo.credit"?',
    ],
  ])(
    'names the field a %s uses for what the author meant',
    async (_kind, file, lines, expected) => {
      if (lines) await put(file, lines);
      else await edit(file, (t) => t.replace('age: 34', 'age: 34\ncredit: Family photo'));
      expect(await problemsOf(file)).toContainEqual(expect.stringContaining(expected));
    },
  );

  it('finds the id a playlist meant, and says when its file is broken too', async () => {
    await edit('playlists/main.yaml', (t) => t.replace('  - ship', '  - shipp'));
    expect(await problemsOf('playlists/main.yaml')).toEqual([
      'playlists/main.yaml:7 items.3: no item with id "shipp"; did you mean "ship"?',
    ]);
    await edit('drawings/ship.yaml', (t) => t.replace('consent: true', 'consent: yes'));
    expect(await problemsOf('playlists/main.yaml')).toEqual([
      'playlists/main.yaml:7 items.3: no item with id "shipp"; did you mean "ship"? Its file drawings/ship.yaml has problems of its own (listed with that file), so it is not shown either',
    ]);
  });

  it('finds the song a setlist meant', async () => {
    await put('setlists/gig.yaml', [
      'kind: setlist',
      'title: Gig',
      'songs: [internationale-refrian]',
    ]);
    expect(await problemsOf('setlists/gig.yaml')).toContainEqual(
      'setlists/gig.yaml:3 songs.1: no song with id "internationale-refrian"; did you mean "internationale-refrain"?',
    );
  });
});

describe('an image path that leads nowhere', () => {
  it.each([
    ['ship.png', 'there is media/ship.png'],
    ['media/ship.jpg', 'there is media/ship.png'],
    ['media/Ship.PNG', 'there is media/ship.png'],
  ])('suggests the file %s most likely meant', async (written, hint) => {
    await edit('drawings/ship.yaml', (t) =>
      t.replace('image: media/ship.png', `image: ${written}`),
    );
    expect(await problemsOf('drawings/ship.yaml')).toEqual([
      `drawings/ship.yaml:2 image: file not found: ${written}; paths start at the pack folder, like media/photo.jpg; ${hint}`,
    ]);
  });

  it('says where paths start when no file is close', async () => {
    await edit('drawings/ship.yaml', (t) =>
      t.replace('image: media/ship.png', 'image: media/zz/unrelated-name.png'),
    );
    expect(await problemsOf('drawings/ship.yaml')).toEqual([
      'drawings/ship.yaml:2 image: file not found: media/zz/unrelated-name.png; paths start at the pack folder, like media/photo.jpg',
    ]);
  });
});

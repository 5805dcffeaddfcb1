import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatContentError, type ContentError } from '../../../../src/shared/content';
import { loadPack } from '../../../../src/main/content';
import { brokenPack, copyPack, goodPack, english } from './helpers';

const kinds = 'case, song, drawing, action, event, statement, playlist, setlist';

describe('loadPack on the good pack', () => {
  it('loads every item with no errors', async () => {
    const result = await loadPack(goodPack);
    expect(result.errors).toEqual([]);
    expect(result.pack?.title).toEqual({ en: 'Free Them All', ru: 'Свободу всем' });
    expect(result.pack?.theme).toEqual({
      background: '#111111',
      foreground: '#ffffff',
      accent: '#e10600',
    });
    expect(result.items.map((i) => [i.source, i.kind, i.id])).toEqual([
      ['actions/write-a-letter.yaml', 'action', 'write-a-letter'],
      ['cases/anna-example.md', 'case', 'anna-example'],
      ['drawings/ship.yaml', 'drawing', 'ship'],
      ['events/vigil.yaml', 'event', 'vigil'],
      ['playlists/main.yaml', 'playlist', 'main'],
      ['songs/internationale-refrain.yaml', 'song', 'internationale-refrain'],
      ['statements/solidarity.md', 'statement', 'solidarity'],
    ]);
  });

  it('takes a Markdown body as the case body or the statement text, and keeps dates as text', async () => {
    const { items } = await loadPack(goodPack);
    const anna = items.find((i) => i.id === 'anna-example');
    expect(anna?.kind === 'case' && anna.body).toBe(
      'Anna is a fictional teacher. This paragraph is the Markdown body of the case.\n\nIt has two paragraphs.',
    );
    // The one-period shorthand (`arrested:`) arrives as a custody period, its date as written.
    expect(anna?.kind === 'case' && anna.custody).toEqual([{ from: '2023-07-25' }]);
    const statement = items.find((i) => i.id === 'solidarity');
    expect(statement?.kind === 'statement' && statement.text).toBe(
      'Nobody should be in prison for what they said.',
    );
  });

  it('applies schema defaults', async () => {
    const { items } = await loadPack(goodPack);
    const main = items.find((i) => i.id === 'main');
    expect(main?.kind === 'playlist' && [main.shuffle, main.pastEvents, main.sensitive]).toEqual([
      false,
      'show',
      false,
    ]);
  });

  it('gives the same result twice', async () => {
    expect(await loadPack(goodPack)).toEqual(await loadPack(goodPack));
  });
});

interface Expected {
  mistake: string;
  file: string;
  field: string;
  line?: number;
  /** The whole message, or with `contains`, a part of it. */
  message: string;
  contains?: boolean;
}

const brokenExpectations: Expected[] = [
  {
    mistake: 'a date written in words',
    file: 'cases/boris.yaml',
    field: 'arrested',
    line: 7,
    message: 'expected a date like 2023-07-25 (or 2023-07 when the day is not known), got "July"',
  },
  {
    mistake: 'a missing required field',
    file: 'cases/missing-charge.yaml',
    field: 'charge',
    line: 1,
    message: 'missing; expected text, or a map of language to text like { en: …, ru: … }',
  },
  {
    mistake: 'a number where text belongs',
    file: 'drawings/number-licence.yaml',
    field: 'licence',
    line: 5,
    message: 'expected text, got a number (4); put it in quotes to make it text',
  },
  {
    mistake: 'a number where (localised) text belongs',
    file: 'songs/number-title.yaml',
    field: 'title',
    line: 2,
    message:
      'expected text, or a map of language to text like { en: …, ru: … }, got a number (1984); put it in quotes to make it text',
  },
  {
    mistake: 'a misspelt field',
    file: 'statements/typo.yaml',
    field: 'autor',
    line: 3,
    message: 'unknown field "autor"; did you mean "author"?',
  },
  {
    mistake: 'an unknown kind',
    file: 'misc/poem.yaml',
    field: 'kind',
    line: 1,
    message: `unknown kind "poem"; expected one of ${kinds}`,
  },
  {
    mistake: 'no kind',
    file: 'misc/no-kind.yaml',
    field: 'kind',
    line: 2,
    message: `missing; expected one of ${kinds}`,
  },
  {
    mistake: 'an unclosed quote (reported where it opens)',
    file: 'misc/syntax.yaml',
    field: '',
    line: 2,
    message: 'not valid YAML: a "quoted text" is not closed (column 7)',
  },
  {
    mistake: 'bad indentation',
    file: 'misc/bad-indent.yaml',
    field: '',
    line: 2,
    message: 'not valid YAML: a value contains ": " or ends with ":"',
    contains: true,
  },
  {
    mistake: 'a duplicate id (reported on the second file)',
    file: 'actions/second-petition.yaml',
    field: 'id',
    line: 2,
    message: 'duplicate id "petition"; already used by actions/petition.yaml',
  },
  {
    mistake: 'a playlist entry naming nothing',
    file: 'playlists/main.yaml',
    field: 'items.4',
    line: 7,
    message: 'no item with id "nobody"',
  },
  {
    mistake: 'a playlist inside a playlist',
    file: 'playlists/nested.yaml',
    field: 'items.2',
    line: 5,
    message: '"main" is a playlist; a playlist can only list slides, not other playlists',
  },
  {
    mistake: 'a missing photo',
    file: 'cases/no-photo.yaml',
    field: 'photo.file',
    line: 4,
    message:
      'file not found: media/nobody.png; paths start at the pack folder, like media/photo.jpg',
  },
  {
    mistake: 'a media path leaving the pack with ../',
    file: 'drawings/escape.yaml',
    field: 'image',
    line: 2,
    message: '"../secret.png" uses .. to leave the folder; media must be inside the pack folder',
  },
  {
    mistake: 'an absolute media path',
    file: 'drawings/absolute.yaml',
    field: 'image',
    line: 5,
    message:
      '"/etc/passwd" is an absolute path; write it relative to the pack folder, like media/photo.jpg',
  },
  {
    mistake: 'a JPEG named .png',
    file: 'drawings/liar.yaml',
    field: 'image',
    line: 2,
    message: 'media/liar.png is not a PNG image: it is a JPEG; rename it to .jpg',
  },
  {
    mistake: 'a text file named .png',
    file: 'drawings/not-an-image.yaml',
    field: 'image',
    line: 2,
    message: 'media/notes.png is not a PNG image (not an image at all)',
  },
  {
    mistake: 'a truncated PNG',
    file: 'drawings/truncated.yaml',
    field: 'image',
    line: 2,
    message: 'media/truncated.png: the image is truncated or cannot be decoded',
  },
  {
    mistake: 'a .txt file among the items',
    file: 'cases/boris.txt',
    field: '',
    message: 'unsupported file type .txt; item files are .yaml, .yml or .md',
  },
  {
    mistake: 'a .json file among the items',
    file: 'cases/x.json',
    field: '',
    message: 'unsupported file type .json; item files are .yaml, .yml or .md',
  },
  {
    mistake: 'a javascript: link',
    file: 'actions/js-link.yaml',
    field: 'url',
    line: 3,
    message: 'expected a web link starting with https://, got "javascript:alert(1)"',
  },
  {
    mistake: 'an unknown time zone',
    file: 'events/bad-zone.yaml',
    field: 'timeZone',
    line: 4,
    message: 'expected a time zone like Europe/Paris, got "Mars/Olympus"',
  },
  {
    mistake: 'a language name instead of a code in a text map',
    file: 'statements/bad-language.yaml',
    field: 'title.english',
    line: 4,
    message: 'expected a language code like "en" or "ru", got "english"',
  },
  {
    mistake: 'broken YAML in Markdown front matter (line counted in the .md file)',
    file: 'cases/bad-front.md',
    field: '',
    line: 4,
    message: 'not valid YAML: a [list is not closed with ] (column 22)',
  },
  {
    mistake: 'a .md file with no front matter',
    file: 'statements/no-front.md',
    field: '',
    line: 1,
    message: 'a .md item must start with front matter',
    contains: true,
  },
  {
    mistake: 'a .md file whose front matter is never closed',
    file: 'statements/unclosed-front.md',
    field: '',
    line: 1,
    message: 'the front matter starts with --- but has no closing --- line',
  },
  {
    mistake: 'body text below the front matter of a kind that has none',
    file: 'actions/with-body.md',
    field: '',
    line: 8,
    message:
      'an action has no text below the front matter; move the text into a field above the closing --- line',
  },
  {
    mistake: 'an empty lyric line (nested path and line)',
    file: 'songs/empty-line.yaml',
    field: 'sections.1.lines.2',
    line: 8,
    message: 'a lyric line needs at least the original text',
  },
  {
    mistake: 'a file name that is not a valid id, and no id field',
    file: 'cases/Anna Example.yaml',
    field: 'id',
    line: 1,
    message:
      'the file name "Anna Example" cannot be used as an id (only lower-case letters, digits and dashes); add a line like "id: anna-example"',
  },
  {
    mistake: 'an alias bomb',
    file: 'misc/bomb.yaml',
    field: '',
    message: 'too many aliases (*name); the file looks like an "alias bomb" and was not read',
  },
  {
    mistake: 'a pack reference to a missing item',
    file: 'pack.yaml',
    field: 'safeSlide',
    line: 6,
    message: 'no item with id "nowhere"',
  },
];

describe('loadPack on the broken pack', () => {
  const loaded = loadPack(brokenPack);

  it.each(brokenExpectations)('reports $mistake in $file', async (expected) => {
    const { errors } = await loaded;
    const inFile = errors.filter((e) => e.file === expected.file);
    // One mistake per file: exactly one error, so nothing cascades into noise.
    expect(inFile).toHaveLength(1);
    const error = inFile[0]!;
    expect(error.field).toBe(expected.field);
    expect(error.line).toBe(expected.line);
    if (expected.contains) expect(error.message).toContain(expected.message);
    else expect(error.message).toBe(expected.message);
  });

  it('reports nothing it was not asked to', async () => {
    const { errors } = await loaded;
    expect(errors.map((e) => e.file).sort()).toEqual(brokenExpectations.map((e) => e.file).sort());
  });

  it('formats the date error exactly as volunteers see it', async () => {
    const { errors } = await loaded;
    const boris = errors.find((e) => e.file === 'cases/boris.yaml')!;
    expect(formatContentError(boris)).toBe(
      'cases/boris.yaml:7 arrested: expected a date like 2023-07-25 (or 2023-07 when the day is not known), got "July"',
    );
  });

  it('still loads the good items, and the playlists without their bad entries', async () => {
    const { pack, items } = await loaded;
    expect(pack?.title).toBe('Broken on purpose');
    expect(items.map((i) => i.id)).toEqual([
      'petition',
      'good-case',
      'good-drawing',
      'good-event',
      'main',
      'nested',
      'good-song',
      'good-statement',
    ]);
    const main = items.find((i) => i.id === 'main');
    // "nobody" is reported; "boris" is dropped quietly because its own file has the error.
    expect(main?.kind === 'playlist' && main.items).toEqual([
      'good-case',
      'good-song',
      'good-drawing',
      'petition',
      'good-event',
      'good-statement',
    ]);
    const nested = items.find((i) => i.id === 'nested');
    expect(nested?.kind === 'playlist' && nested.items).toEqual(['good-song']);
  });

  it('sorts errors by file, then line', async () => {
    const { errors } = await loaded;
    const keys = errors.map((e: ContentError) => [e.file, e.line ?? 0] as const);
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    expect(keys).toEqual(sorted);
  });
});

describe('loadPack on a missing folder', () => {
  it('reports the folder instead of throwing', async () => {
    const result = await loadPack('/nonexistent/solidarity-pack');
    expect(result.pack).toBeNull();
    expect(result.items).toEqual([]);
    expect(english(result.errors)).toEqual([
      {
        file: '.',
        field: '',
        message: 'the pack folder /nonexistent/solidarity-pack does not exist',
      },
    ]);
  });
});

describe('loadPack on item files that are not text', () => {
  async function loadWith(files: Record<string, Buffer | string>) {
    const copy = await copyPack(goodPack);
    try {
      for (const [name, bytes] of Object.entries(files)) {
        await writeFile(path.join(copy.pack, name), bytes);
      }
      return await loadPack(copy.pack);
    } finally {
      await copy.cleanup();
    }
  }

  it('names a binary file (an image saved as .yaml) without printing its bytes', async () => {
    const png = await readFile(path.join(goodPack, 'media/anna.png'));
    const result = await loadWith({ 'statements/photo.yaml': png, 'cases/exe.md': png });
    expect(english(result.errors)).toEqual([
      {
        file: 'cases/exe.md',
        field: '',
        message:
          'is not a text file (it contains binary data, like an image or a program); item files are YAML or Markdown text',
      },
      {
        file: 'statements/photo.yaml',
        field: '',
        message:
          'is not a text file (it contains binary data, like an image or a program); item files are YAML or Markdown text',
      },
    ]);
    expect(result.items).toHaveLength(7);
  });

  it('names a file in another encoding instead of quoting mojibake', async () => {
    // "Свобода" in Windows-1251: no NUL byte, but not UTF-8 either.
    const cp1251 = Buffer.from([0xd1, 0xe2, 0xee, 0xe1, 0xee, 0xe4, 0xe0]);
    const result = await loadWith({
      'statements/cyrillic.yaml': Buffer.concat([Buffer.from('kind: statement\ntext: '), cp1251]),
    });
    expect(english(result.errors)).toEqual([
      {
        file: 'statements/cyrillic.yaml',
        field: '',
        message: 'is not UTF-8 text; save it as UTF-8 in your editor',
      },
    ]);
  });

  it('quotes what an author wrote short, with control and bidi characters made visible', async () => {
    const result = await loadWith({
      // YAML escapes: the file is plain text, the values are not.
      'statements/odd.yaml': `kind: statement\ntext: ok\nsensitive: "\\u202Eeurt\\a${'x'.repeat(100)}"\n"bad\\x01key": 1\n`,
    });
    const messages = result.errors.map((e) => formatContentError(e));
    for (const message of messages) {
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      expect(message).not.toMatch(/[\u0000-\u001f\u202e]/);
      expect(message.length).toBeLessThan(200);
    }
    expect(messages.join('\n')).toContain('\\u{202e}eurt\\u{7}');
  });
});

describe('loadPack: times of day in playlists', () => {
  it('loads a day or a local time, and the pack’s time zone', async () => {
    const { pack, cleanup } = await copyPack(goodPack);
    try {
      const packFile = path.join(pack, 'pack.yaml');
      await writeFile(packFile, `${await readFile(packFile, 'utf8')}\ntimeZone: Europe/Paris\n`);
      await writeFile(
        path.join(pack, 'playlists/evening.yaml'),
        'kind: playlist\ntitle: Evening\nfrom: 2026-12-12T19:00\nuntil: 2026-12-13\nitems:\n  - item: solidarity\n    until: 2026-12-12T21:30\n',
      );
      const result = await loadPack(pack);
      expect(result.errors).toEqual([]);
      expect(result.pack?.timeZone).toBe('Europe/Paris');
      expect(result.items.find((i) => i.id === 'evening')).toMatchObject({
        from: '2026-12-12T19:00',
        until: '2026-12-13',
        items: [{ item: 'solidarity', until: '2026-12-12T21:30' }],
      });
    } finally {
      await cleanup();
    }
  });

  it('names a bad time and a bad time zone with their file and field', async () => {
    const { pack, cleanup } = await copyPack(goodPack);
    try {
      const packFile = path.join(pack, 'pack.yaml');
      await writeFile(packFile, `${await readFile(packFile, 'utf8')}\ntimeZone: Mars/Olympus\n`);
      await writeFile(
        path.join(pack, 'playlists/evening.yaml'),
        'kind: playlist\ntitle: Evening\nfrom: 2026-12-12T25:00\nitems:\n  - solidarity\n  - item: solidarity\n    until: 2026-12-12 19:00\n',
      );
      const result = await loadPack(pack);
      const found = result.errors.map((e) => [e.file, e.field, e.message]);
      expect(found).toEqual(
        expect.arrayContaining([
          ['pack.yaml', 'timeZone', expect.stringContaining('Mars/Olympus')],
          ['playlists/evening.yaml', 'from', expect.stringContaining('2026-12-12T25:00')],
          ['playlists/evening.yaml', 'items.2.until', expect.stringContaining('2026-12-12 19:00')],
        ]),
      );
    } finally {
      await cleanup();
    }
  });
});

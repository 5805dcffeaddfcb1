import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { slideGlyphCoverage } from '../../../../src/main/content/glyphs/coverage';
import { loadPack } from '../../../../src/main/content/load-pack';
import {
  missingGlyphProblem,
  missingGlyphs,
  type LoadedItem,
  type Pack,
} from '../../../../src/shared/content';
import { repoRoot } from '../../../helpers/serve';

/*
 * The glyph check, against the app's real bundled fonts: characters put where an author or
 * a translator would paste them (a case's French text, a song's translated lyric line, a
 * drawing's licence and a photo credit), each named by file, field, language and code point.
 */

const builtIn = path.join(repoRoot, 'content');
let pack: Pack;
let items: LoadedItem[];

beforeAll(async () => {
  const loaded = await loadPack(builtIn);
  if (!loaded.pack) throw new Error('the built-in pack does not load');
  pack = loaded.pack;
  items = loaded.items;
});

// The edits reach into fields of one kind or another, as an author's hand would.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseItem = Record<string, any>;

/** A deep copy of the built-in items with `edit` applied to item `id`. */
function withEdit(id: string, edit: (item: LooseItem) => void): LoadedItem[] {
  return items.map((item) => {
    const copy = structuredClone(item);
    if (item.id === id) edit(copy as LooseItem);
    return copy;
  });
}

describe('missingGlyphs', () => {
  it('the built-in pack has no character the bundled fonts lack', () => {
    expect(missingGlyphs(pack, items, slideGlyphCoverage())).toEqual([]);
  });

  it('names a Georgian letter in a case’s French summary', () => {
    const edited = withEdit('boris-kagarlitsky', (item) => {
      item.summary.fr = `${item.summary.fr} გ`;
    });
    expect(missingGlyphs(pack, edited, slideGlyphCoverage())).toEqual([
      {
        file: 'cases/boris-kagarlitsky.yaml',
        item: 'boris-kagarlitsky',
        field: 'summary',
        language: 'fr',
        character: 'გ',
        codePoint: 'U+10D2',
      },
    ]);
  });

  it('names an Armenian letter and a CJK ideograph in a translated lyric line, by position', () => {
    const edited = withEdit('internationale', (item) => {
      item.sections[0].lines[1].en = 'The whole world Ա of the hungry 人';
    });
    expect(missingGlyphs(pack, edited, slideGlyphCoverage())).toEqual([
      expect.objectContaining({
        file: 'songs/internationale.yaml',
        field: 'sections.1.lines.2',
        language: 'en',
        character: 'Ա',
        codePoint: 'U+0531',
      }),
      expect.objectContaining({
        field: 'sections.1.lines.2',
        character: '人',
        codePoint: 'U+4EBA',
      }),
    ]);
  });

  it('names an emoji (no bundled emoji font) in a drawing’s licence, as one code point', () => {
    const edited = withEdit('placeholder-sailing-ship', (item) => {
      item.licence = 'CC BY 4.0 ✊🏽';
    });
    const found = missingGlyphs(pack, edited, slideGlyphCoverage());
    expect(
      found.map(({ file, field, language, codePoint }) => ({ file, field, language, codePoint })),
    ).toEqual([
      {
        file: 'drawings/placeholder-sailing-ship.yaml',
        field: 'licence',
        language: undefined,
        codePoint: 'U+270A',
      },
      {
        file: 'drawings/placeholder-sailing-ship.yaml',
        field: 'licence',
        language: undefined,
        codePoint: 'U+1F3FD',
      },
    ]);
  });

  it('names a character in a photo credit and in pack.yaml’s title', () => {
    const edited = withEdit('azat-miftakhov', (item) => {
      item.photo = {
        ...(item.photo ?? { file: 'x.jpg', consent: true }),
        credit: { ru: 'Фото: 김' },
      };
    });
    const found = missingGlyphs({ ...pack, title: 'Solidarity ☭' }, edited, slideGlyphCoverage());
    expect(
      found.map((glyph) => [glyph.file, glyph.field, glyph.language, glyph.codePoint]),
    ).toEqual([
      ['pack.yaml', 'title', undefined, 'U+262D'],
      ['cases/azat-miftakhov.yaml', 'photo.credit', 'ru', 'U+AE40'],
    ]);
  });

  it('leaves line breaks, tabs and format marks alone, and skips ids and URLs', () => {
    const edited = withEdit('boris-kagarlitsky', (item) => {
      item.summary.en = `${item.summary.en}\n\tsoft\u00ad-hyphen\u200d`;
      item.links = [{ label: 'Site', url: 'https://例え.jp/' }];
    });
    expect(missingGlyphs(pack, edited, slideGlyphCoverage())).toEqual([]);
  });

  it('becomes a content problem with the problems key, file and field', () => {
    const [glyph] = missingGlyphs(
      pack,
      withEdit('boris-kagarlitsky', (item) => {
        item.summary.fr = 'ქ';
      }),
      slideGlyphCoverage(),
    );
    expect(missingGlyphProblem(glyph!)).toEqual({
      file: 'cases/boris-kagarlitsky.yaml',
      field: 'summary',
      message:
        '“ქ” (U+10E5) in the fr text is not in the app’s fonts: screens would show an empty box or a stray font. Replace or remove it',
      key: 'problems:warning.missingGlyphIn',
      params: { character: 'ქ', codePoint: 'U+10E5', language: 'fr' },
    });
  });
});

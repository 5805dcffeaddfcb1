import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runValidate } from '../../../../src/main/content';
import { brokenPack, copyPack, goodPack } from './helpers';

async function run(dir: string): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runValidate(dir, (line) => lines.push(line));
  return { code, lines };
}

describe('runValidate', () => {
  it('exits 0 on a clean pack with a one-line summary', async () => {
    const { code, lines } = await run(goodPack);
    expect(code).toBe(0);
    // Its one case still writes `asOf` as words: it loads, and is named as undated.
    expect(lines).toEqual([
      'cases/anna-example.md: the facts have no date (asOf: "September 2023"); check them and write asOf as a date like 2024-06-05',
      `${goodPack}/: 7 items, no problems, 1 warning`,
    ]);
  });

  it('exits 1 on the broken pack and prints every problem, formatted', async () => {
    const { code, lines } = await run(`${brokenPack}/`);
    expect(code).toBe(1);
    expect(lines).toContain(
      'cases/boris.yaml:7 arrested: expected a date like 2023-07-25 (or 2023-07 when the day is not known), got "July"',
    );
    expect(lines).toContain('playlists/main.yaml:7 items.4: no item with id "nobody"');
    expect(lines).toContain(
      'cases/boris.txt: unsupported file type .txt; item files are .yaml, .yml or .md',
    );
    const warnings = lines.filter((l) => l.includes('the facts have no date')).length;
    expect(warnings).toBe(1);
    expect(lines.at(-1)).toBe(
      `${brokenPack}/: 8 items, ${lines.length - 1 - warnings} problems, 1 warning`,
    );
  });

  it('counts in the singular', async () => {
    const { code, lines } = await run('/nonexistent/pack');
    expect(code).toBe(1);
    expect(lines).toEqual([
      '.: the pack folder /nonexistent/pack does not exist',
      '/nonexistent/pack/: 0 items, 1 problem',
    ]);
  });
});

describe('runValidate: items that name a sensitive person', () => {
  /** The good pack plus a sensitive case for Boris and `files` (name → YAML). */
  async function packWith(files: Record<string, string>): Promise<string> {
    const { pack } = await copyPack(goodPack);
    const write = (name: string, text: string) => writeFile(path.join(pack, name), text);
    await write(
      'cases/boris.yaml',
      [
        'kind: case',
        'name: { en: Boris Kagarlitsky, ru: Борис Кагарлицкий }',
        'arrested: 2023-07-25',
        'charge: c',
        'status: s',
        'asOf: 2023-09',
        'summary: s',
      ].join('\n'),
    );
    for (const [name, text] of Object.entries(files)) await write(name, text);
    return pack;
  }

  // Each names Boris without being sensitive: in full, by surname, declined in Russian, in capitals.
  const naming = {
    'statements/quote.yaml': 'kind: statement\ntext: "We stand with Boris Kagarlitsky"',
    'statements/possessive.yaml': "kind: statement\ntext: Read Kagarlitsky's letters",
    'events/rally.yaml':
      'kind: event\ntitle: { ru: Митинг за Кагарлицкого }\nstart: 2024-01-01\ntimeZone: Europe/Paris',
    'actions/banner.yaml':
      'kind: action\ntitle: FREE KAGARLITSKY\nurl: https://example.org/\ncallToAction: Sign',
    'songs/song.yaml': 'kind: song\ntitle: A song\nartist: For boris kagarlitsky',
  };

  it('warns about each one, names the file and the case, and still exits 0', async () => {
    const pack = await packWith(naming);
    const { code, lines } = await run(pack);
    expect(code).toBe(0);
    for (const file of Object.keys(naming)) {
      expect(lines).toContain(
        `${file}: warning: names Boris Kagarlitsky from the sensitive case cases/boris.yaml, ` +
          'but is not sensitive, so safe mode shows it. Add `sensitive: true` to hide it in safe mode.',
      );
    }
    // Five names, and the two cases' old facts.
    // The Russian-only event title is also a text missing the pack's English.
    expect(lines).toContain(
      'events/rally.yaml: warning: no English for title; the screens show another language there',
    );
    expect(lines.at(-1)).toBe(`${pack}/: 13 items, no problems, 8 warnings`);
  });

  it('is quiet when the item is sensitive, or names no one from a sensitive case', async () => {
    const pack = await packWith({
      'statements/quote.yaml':
        'kind: statement\nsensitive: true\ntext: "We stand with Boris Kagarlitsky"',
      // A first name alone, or a word that only starts like the surname, names no one.
      'statements/other.yaml': 'kind: statement\ntext: Boris Johnson was here; kagarlitskyite',
    });
    const { lines } = await run(pack);
    expect(lines.filter((l) => !l.includes(': the facts '))).toEqual([
      `${pack}/: 10 items, no problems, 2 warnings`,
    ]);
  });

  it('does not warn for a case its file marks sensitive: false', async () => {
    const pack = await packWith({
      'statements/quote.yaml': 'kind: statement\ntext: Freed, thanks to Anna Example',
      'cases/anna-example.md': (
        await readFile(path.join(goodPack, 'cases/anna-example.md'), 'utf8')
      ).replace('kind: case', 'kind: case\nsensitive: false'),
    });
    const { lines } = await run(pack);
    expect(lines.filter((l) => l.includes('warning:'))).toEqual([]);
  });
});

describe('runValidate: case facts that show their age', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The good pack with one case whose facts are from `asOf`, and `pack.yaml` lines added. */
  async function packWithCase(asOf: string, packLines: string[] = []): Promise<string> {
    const { pack } = await copyPack(goodPack);
    await writeFile(
      path.join(pack, 'cases/azat-miftakhov.yaml'),
      [
        'kind: case',
        'name: Azat Miftakhov',
        'custody:',
        '  - from: 2019-02',
        'charge: c',
        'status: s',
        `asOf: ${asOf}`,
        'summary: s',
      ].join('\n'),
    );
    const anna = path.join(pack, 'cases/anna-example.md');
    await writeFile(
      anna,
      (await readFile(anna, 'utf8')).replace('asOf: September 2023', `asOf: ${asOf}`),
    );
    if (packLines.length > 0) {
      const file = path.join(pack, 'pack.yaml');
      await writeFile(file, `${await readFile(file, 'utf8')}\n${packLines.join('\n')}\n`);
    }
    return pack;
  }

  it('warns, by file and date, once the facts are older than 90 days, and still exits 0', async () => {
    const pack = await packWithCase('2024-03');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-06-30T12:00:00Z') });
    const { code, lines } = await run(pack);
    expect(code).toBe(0);
    expect(lines).toContain(
      'cases/azat-miftakhov.yaml: the facts are from 2024-03; check them before the show',
    );
    expect(lines.at(-1)).toBe(`${pack}/: 8 items, no problems, 2 warnings`);
  });

  it('is quiet while the facts are within the limit (a month counts from its 1st)', async () => {
    const pack = await packWithCase('2024-03');
    // 2024-03-01 + 90 days = 2024-05-30: the last quiet day.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-05-30T12:00:00Z') });
    const { lines } = await run(pack);
    expect(lines).toEqual([`${pack}/: 8 items, no problems`]);
  });

  it('takes the limit from the pack: cases.factsMaxAgeDays', async () => {
    const pack = await packWithCase('2024-03-10', ['cases:', '  factsMaxAgeDays: 7']);
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2024-03-18T12:00:00Z') });
    const { lines } = await run(pack);
    expect(lines).toContain(
      'cases/azat-miftakhov.yaml: the facts are from 2024-03-10; check them before the show',
    );
  });
});

describe('runValidate: a new author’s broken pack', () => {
  let cleanupCopy: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanupCopy?.();
    cleanupCopy = undefined;
  });

  it('prints file:line field, the hint, positions counted from 1, and the missing-language warnings', async () => {
    const copy = await copyPack(goodPack);
    cleanupCopy = copy.cleanup;
    const change = async (rel: string, from: string, to: string) => {
      const file = path.join(copy.pack, rel);
      await writeFile(file, (await readFile(file, 'utf8')).replace(from, to));
    };
    await change('actions/write-a-letter.yaml', 'type: letter', 'type: Petition');
    await change('drawings/ship.yaml', 'image: media/ship.png', 'image: ship.png\ncredit: Someone');
    await change('playlists/main.yaml', '  - ship', '  - shipp');
    await change('events/vigil.yaml', 'title: Vigil', 'title: { en: Vigil }');
    const { code, lines } = await run(copy.pack);
    expect(code).toBe(1);
    expect(lines).toEqual(
      expect.arrayContaining([
        'actions/write-a-letter.yaml:2 type: expected one of petition, site, donation, letter, got "Petition"; did you mean "petition"?',
        'drawings/ship.yaml:2 image: file not found: ship.png; paths start at the pack folder, like media/photo.jpg; there is media/ship.png',
        'drawings/ship.yaml:3 credit: unknown field "credit"; did you mean "artist" or "licence"?',
        'playlists/main.yaml:7 items.3: no item with id "shipp"; did you mean "ship"? Its file drawings/ship.yaml has problems of its own (listed with that file), so it is not shown either',
        'events/vigil.yaml: warning: no Russian for title; the screens show another language there',
      ]),
    );
  });
});

describe('runValidate: characters the bundled fonts cannot draw', () => {
  it('names each by file, field, language and code point, as a warning (exit 0)', async () => {
    const { pack, cleanup } = await copyPack(goodPack);
    try {
      await writeFile(
        path.join(pack, 'statements/glyphs.yaml'),
        [
          'kind: statement',
          'title: { en: Free them, fr: Libérez-les 🕊 }',
          'text: { en: "Solidarity", ru: "Солидарность ს" }',
          'author: Ա',
        ].join('\n'),
      );
      const lines: string[] = [];
      const code = await runValidate(pack, (line) => lines.push(line));
      expect(code).toBe(0);
      expect(lines.filter((line) => line.includes('app’s fonts'))).toEqual([
        'statements/glyphs.yaml: warning: title: “🕊” (U+1F54A) in the fr text is not in the app’s fonts: screens would show an empty box or a stray font. Replace or remove it',
        'statements/glyphs.yaml: warning: text: “ს” (U+10E1) in the ru text is not in the app’s fonts: screens would show an empty box or a stray font. Replace or remove it',
        'statements/glyphs.yaml: warning: author: “Ա” (U+0531) is not in the app’s fonts: screens would show an empty box or a stray font. Replace or remove it',
      ]);
      // The three, the good pack's undated case, and the statement's missing languages.
      expect(lines.at(-1)).toMatch(/5 warnings$/);
    } finally {
      await cleanup();
    }
  });

  it('says it in the reader’s language', async () => {
    const { pack, cleanup } = await copyPack(goodPack);
    try {
      await writeFile(path.join(pack, 'statements/glyphs.yaml'), 'kind: statement\ntext: ☭\n');
      const lines: string[] = [];
      await runValidate(pack, (line) => lines.push(line), 'fr');
      expect(lines).toContain(
        'statements/glyphs.yaml: avertissement: text: «\u00a0☭\u00a0» (U+262D) n’est pas dans les polices de l’application\u00a0: les écrans afficheraient un carré vide ou une autre police. Remplacez-le ou supprimez-le',
      );
    } finally {
      await cleanup();
    }
  });
});

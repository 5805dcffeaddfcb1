import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
    expect(lines).toEqual([`${goodPack}/: 7 items, no problems`]);
  });

  it('exits 1 on the broken pack and prints every problem, formatted', async () => {
    const { code, lines } = await run(`${brokenPack}/`);
    expect(code).toBe(1);
    expect(lines).toContain(
      'cases/boris.yaml:7 arrested: expected a date like 2023-07-25, got "July"',
    );
    expect(lines).toContain('playlists/main.yaml:7 items.3: no item with id "nobody"');
    expect(lines).toContain(
      'cases/boris.txt: unsupported file type .txt; item files are .yaml, .yml or .md',
    );
    expect(lines.at(-1)).toBe(`${brokenPack}/: 8 items, ${lines.length - 1} problems`);
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
        'asOf: now',
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
    expect(lines.at(-1)).toBe(`${pack}/: 13 items, no problems, 5 warnings`);
  });

  it('is quiet when the item is sensitive, or names no one from a sensitive case', async () => {
    const pack = await packWith({
      'statements/quote.yaml':
        'kind: statement\nsensitive: true\ntext: "We stand with Boris Kagarlitsky"',
      // A first name alone, or a word that only starts like the surname, names no one.
      'statements/other.yaml': 'kind: statement\ntext: Boris Johnson was here; kagarlitskyite',
    });
    const { lines } = await run(pack);
    expect(lines).toEqual([`${pack}/: 10 items, no problems`]);
  });

  it('does not warn for a case its file marks sensitive: false', async () => {
    const pack = await packWith({
      'statements/quote.yaml': 'kind: statement\ntext: Freed, thanks to Anna Example',
      'cases/anna-example.md': (
        await readFile(path.join(goodPack, 'cases/anna-example.md'), 'utf8')
      ).replace('kind: case', 'kind: case\nsensitive: false'),
    });
    const { lines } = await run(pack);
    expect(lines.filter((l) => l.includes('warning'))).toEqual([]);
  });
});

// Writes a large synthetic pack for benchmarks: the same shapes as the built-in pack, many times.
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export interface GeneratedPackSize {
  cases: number;
  songs: number;
  drawings: number;
  statements: number;
}

export interface GeneratePackOptions {
  /** The drawings' image (written once, then linked); a tiny PNG when left out. */
  drawing?: { data: Buffer; extension: '.png' | '.jpg' };
  /**
   * `interleaved` mixes the kinds through the playlist, starting with a drawing, the way a
   * real show alternates them; `grouped` lists all cases, then songs, drawings, statements.
   */
  order?: 'grouped' | 'interleaved';
}

function tinyPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(200);
  return PNG.sync.write(png);
}

/** Round robin over the groups, so every few slides is a drawing. */
function interleave(groups: string[][]): string[] {
  const result: string[] = [];
  const longest = Math.max(...groups.map((g) => g.length));
  for (let i = 0; i < longest; i++) {
    for (const group of groups) if (i < group.length) result.push(group[i] as string);
  }
  return result;
}

export function generatePack(
  dir: string,
  size: GeneratedPackSize,
  options: GeneratePackOptions = {},
): number {
  for (const sub of ['cases', 'songs', 'drawings', 'statements', 'playlists', 'media/drawings']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  writeFileSync(
    path.join(dir, 'pack.yaml'),
    'title: { en: Bench, ru: Бенч, fr: Banc }\nlanguages: [en, ru, fr]\ndefaultLanguage: en\ndefaultPlaylist: all\n',
  );
  const cases: string[] = [];
  for (let i = 0; i < size.cases; i++) {
    const id = `case-${i}`;
    cases.push(id);
    writeFileSync(
      path.join(dir, 'cases', `${id}.yaml`),
      `kind: case\nname: { en: Person ${i}, ru: Человек ${i}, fr: Personne ${i} }\narrested: 2023-07-25\n` +
        `charge: { en: A charge, ru: Обвинение, fr: Une accusation }\nstatus: { en: In prison, ru: В заключении, fr: En prison }\n` +
        `asOf: September 2023\nsummary: { en: A summary of the case, ru: Краткое описание, fr: Un résumé }\n` +
        `links:\n  - { label: Site, url: 'https://example.org/${i}' }\n`,
    );
  }
  const lines = Array.from(
    { length: 8 },
    (_, n) => `      - { ru: Строка ${n}, en: Line ${n}, fr: Ligne ${n} }`,
  ).join('\n');
  const songs: string[] = [];
  for (let i = 0; i < size.songs; i++) {
    const id = `song-${i}`;
    songs.push(id);
    writeFileSync(
      path.join(dir, 'songs', `${id}.yaml`),
      `kind: song\ntitle: Song ${i}\nartist: Band\nlanguage: ru\nsections:\n  - lines:\n${lines}\n  - lines:\n${lines}\n`,
    );
  }
  const image = options.drawing ?? { data: tinyPng(64, 48), extension: '.png' as const };
  const original = path.join(dir, 'media/drawings', `original${image.extension}`);
  if (size.drawings > 0) writeFileSync(original, image.data);
  const drawings: string[] = [];
  for (let i = 0; i < size.drawings; i++) {
    const id = `drawing-${i}`;
    drawings.push(id);
    const file = `${id}${image.extension}`;
    // Hard links: 200 names for one 4000×3000 file cost no disk, yet the browser fetches and
    // decodes each URL on its own.
    const target = path.join(dir, 'media/drawings', file);
    try {
      linkSync(original, target);
    } catch {
      copyFileSync(original, target);
    }
    writeFileSync(
      path.join(dir, 'drawings', `${id}.yaml`),
      `kind: drawing\nimage: media/drawings/${file}\nartist: Artist ${i}\nconsent: true\nlicence: CC0-1.0\n`,
    );
  }
  const statements: string[] = [];
  for (let i = 0; i < size.statements; i++) {
    const id = `statement-${i}`;
    statements.push(id);
    writeFileSync(
      path.join(dir, 'statements', `${id}.yaml`),
      `kind: statement\ntext: { en: Free them all ${i}, ru: Свободу всем ${i}, fr: Libérez-les ${i} }\n`,
    );
  }
  const ids =
    options.order === 'interleaved'
      ? interleave([drawings, cases, songs, statements])
      : [...cases, ...songs, ...drawings, ...statements];
  writeFileSync(
    path.join(dir, 'playlists', 'all.yaml'),
    `kind: playlist\ntitle: All\nitems:\n${ids.map((id) => `  - ${id}`).join('\n')}\n`,
  );
  return ids.length;
}

// Writes a large synthetic pack for benchmarks: the same shapes as the built-in pack, many times.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export interface GeneratedPackSize {
  cases: number;
  songs: number;
  drawings: number;
  statements: number;
}

function tinyPng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(200);
  return PNG.sync.write(png);
}

export function generatePack(dir: string, size: GeneratedPackSize): number {
  for (const sub of ['cases', 'songs', 'drawings', 'statements', 'playlists', 'media/drawings']) {
    mkdirSync(path.join(dir, sub), { recursive: true });
  }
  writeFileSync(
    path.join(dir, 'pack.yaml'),
    'title: { en: Bench, ru: Бенч, fr: Banc }\nlanguages: [en, ru, fr]\ndefaultLanguage: en\ndefaultPlaylist: all\n',
  );
  const ids: string[] = [];
  for (let i = 0; i < size.cases; i++) {
    const id = `case-${i}`;
    ids.push(id);
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
  for (let i = 0; i < size.songs; i++) {
    const id = `song-${i}`;
    ids.push(id);
    writeFileSync(
      path.join(dir, 'songs', `${id}.yaml`),
      `kind: song\ntitle: Song ${i}\nartist: Band\nlanguage: ru\nsections:\n  - lines:\n${lines}\n  - lines:\n${lines}\n`,
    );
  }
  const png = tinyPng(64, 48);
  for (let i = 0; i < size.drawings; i++) {
    const id = `drawing-${i}`;
    ids.push(id);
    writeFileSync(path.join(dir, 'media/drawings', `${id}.png`), png);
    writeFileSync(
      path.join(dir, 'drawings', `${id}.yaml`),
      `kind: drawing\nimage: media/drawings/${id}.png\nartist: Artist ${i}\nconsent: true\nlicence: CC0-1.0\n`,
    );
  }
  for (let i = 0; i < size.statements; i++) {
    const id = `statement-${i}`;
    ids.push(id);
    writeFileSync(
      path.join(dir, 'statements', `${id}.yaml`),
      `kind: statement\ntext: { en: Free them all ${i}, ru: Свободу всем ${i}, fr: Libérez-les ${i} }\n`,
    );
  }
  writeFileSync(
    path.join(dir, 'playlists', 'all.yaml'),
    `kind: playlist\ntitle: All\nitems:\n${ids.map((id) => `  - ${id}`).join('\n')}\n`,
  );
  return ids.length;
}

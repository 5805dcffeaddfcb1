// Checks the built-in campaign pack in content/ against the shared schemas, without the loader
// (src/main/content), so the pack can be trusted on its own. It also pins the facts taken from
// the Arkadiy Kots Band's open letter, so an edit that changes one of them fails loudly.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  itemSchemas,
  packSchema,
  type ContentItem,
  type ItemKind,
  type Pack,
} from '../../../src/shared/content/schema';
import type { LocalizedText } from '../../../src/shared/content/text';
import { asOfDate, custodyOf, type SourceRef } from '../../../src/shared/content/case-record';
import { custodyDays } from '../../../src/shared/time';

const sourceUrlOf = (source: SourceRef): string =>
  typeof source === 'string' ? source : source.url;

const packDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../content');
const LANGUAGES = ['en', 'ru', 'fr'];
const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp', '.gif', '.svg'];

/** The folder each kind lives in. */
const folderOf: Record<ItemKind, string> = {
  case: 'cases',
  song: 'songs',
  drawing: 'drawings',
  action: 'actions',
  event: 'events',
  statement: 'statements',
  video: 'videos',
  playlist: 'playlists',
  setlist: 'setlists',
};

/** Fields that are not human-readable text, so they are single values, not `{ en, ru, fr }`. */
const NOT_TEXT = new Set([
  'kind',
  'id',
  'file',
  'image',
  'url',
  'video',
  'shortUrl',
  'arrested',
  'released',
  'date',
  'asOf',
  'regime',
  'published',
  'start',
  'end',
  'timeZone',
  'address',
  'licence',
  'type',
  'language',
  'made',
  'items',
  'item',
  'songs',
  'interlude',
  'lrc',
  'from',
  'until',
  'pastEvents',
  'languages',
  'defaultLanguage',
  'defaultPlaylist',
  'safeSlide',
  'background',
  'foreground',
  'accent',
  'source',
  'medium',
  'campaign',
]);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

interface ParsedFile {
  file: string; // relative to the pack, with forward slashes
  raw: Record<string, unknown>;
  /** The YAML syntax error, if the file does not parse. */
  error?: string;
}

function rel(file: string): string {
  return relative(packDir, file).split(sep).join('/');
}

const yamlFiles = filesUnder(packDir).filter((f) => /\.ya?ml$/.test(f));
const parsed: ParsedFile[] = yamlFiles.map((file) => {
  try {
    const raw = parse(readFileSync(file, 'utf8'), { uniqueKeys: true }) as unknown;
    return { file: rel(file), raw: (raw ?? {}) as Record<string, unknown> };
  } catch (error) {
    return { file: rel(file), raw: {}, error: (error as Error).message };
  }
});

const packFile = parsed.find((p) => p.file === 'pack.yaml');
const itemFiles = parsed.filter((p) => p.file !== 'pack.yaml');
/** Every item id the pack declares, by file name: also those whose file is broken. */
const declaredIds = new Map(
  itemFiles.map((p) => [basename(p.file, extname(p.file)), p.file.split('/')[0]] as const),
);

function validateItem({ file, raw, error }: ParsedFile): ContentItem {
  if (error) throw new Error(`${file}: ${error}`);
  const withId = { id: basename(file, extname(file)), ...raw };
  const kind = raw.kind as ItemKind;
  const schema = itemSchemas[kind];
  if (!schema) throw new Error(`${file}: unknown kind ${JSON.stringify(raw.kind)}`);
  const result = schema.safeParse(withId);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${file}:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** Every valid item, by id. Broken files are reported once, by the "matches its kind" tests. */
const items = new Map<string, ContentItem>();
for (const p of itemFiles) {
  try {
    const item = validateItem(p);
    items.set(item.id, item);
  } catch {
    // Reported by the per-file test below.
  }
}
const packResult = packSchema.safeParse(packFile?.raw);
const pack: Pack | undefined = packResult.success ? packResult.data : undefined;

function get<K extends ItemKind>(id: string, kind: K): Extract<ContentItem, { kind: K }> {
  const item = items.get(id);
  expect(item, `item ${id}`).toBeDefined();
  expect(item!.kind).toBe(kind);
  return item as Extract<ContentItem, { kind: K }>;
}

function inAll(text: LocalizedText | undefined): Record<string, string> {
  expect(typeof text).toBe('object');
  return text as Record<string, string>;
}

describe('built-in content pack: format', () => {
  it('has a pack.yaml that matches the pack schema', () => {
    expect(packFile, 'content/pack.yaml').toBeDefined();
    expect(packResult.error?.issues ?? []).toEqual([]);
  });

  it.each(itemFiles.map((p) => [p.file, p] as const))('%s matches its kind', (_file, p) => {
    let problem = '';
    try {
      validateItem(p);
    } catch (error) {
      problem = (error as Error).message;
    }
    expect(problem).toBe('');
  });

  it('keeps each kind in its folder, with the id equal to the file name', () => {
    for (const { file, raw, error } of itemFiles) {
      if (error) continue; // reported by "matches its kind"
      const kind = raw.kind as ItemKind;
      expect(file.split('/')[0], `${file} kind ${kind}`).toBe(folderOf[kind]);
      expect(raw.id, `${file} declares its id`).toBe(basename(file, extname(file)));
      expect(raw.id as string).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }
  });

  it('has no two items with the same id', () => {
    const ids = itemFiles.filter((p) => !p.error).map((p) => p.raw.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('writes every text field in English, Russian and French', () => {
    const problems: string[] = [];
    const walk = (value: unknown, path: string[], file: string): void => {
      const key = path.at(-1) ?? '';
      const parentKey = path.at(-2) ?? '';
      if (typeof value === 'string') {
        if (!NOT_TEXT.has(key) && !NOT_TEXT.has(parentKey)) {
          problems.push(`${file} ${path.join('.')}: one string, expected { en, ru, fr }`);
        }
      } else if (Array.isArray(value)) {
        value.forEach((v, i) => walk(v, [...path, String(i)], file));
      } else if (value && typeof value === 'object') {
        const keys = Object.keys(value);
        if (keys.length > 0 && keys.every((k) => /^[a-z]{2}$/.test(k))) {
          const missing = LANGUAGES.filter((l) => !(value as Record<string, unknown>)[l]);
          if (missing.length) problems.push(`${file} ${path.join('.')}: missing ${missing}`);
        } else {
          for (const [k, v] of Object.entries(value)) walk(v, [...path, k], file);
        }
      }
    };
    for (const p of parsed) walk(p.raw, [], p.file);
    expect(problems).toEqual([]);
  });

  it('uses French spacing: a no-break space before ! ? ; : » and after «', () => {
    const problems: string[] = [];
    const walk = (value: unknown, path: string[], file: string): void => {
      if (typeof value === 'string') {
        if (path.at(-1) === 'fr' && /( [!?;:»]|« )/.test(value)) {
          problems.push(`${file} ${path.join('.')}`);
        }
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, [...path, k], file);
      }
    };
    for (const p of parsed) {
      if (p.file !== 'songs/internationale.yaml') walk(p.raw, [], p.file);
    }
    expect(problems).toEqual([]);
  });
});

describe('docs/content-format.md', () => {
  const docs = readFileSync(resolve(packDir, '../docs/content-format.md'), 'utf8');
  const blocks = [...docs.matchAll(/^```(yaml|markdown)\n([\s\S]*?)^```$/gm)].map(
    ([, lang, text]) => ({ lang: lang!, text: text! }),
  );

  it('has complete examples that match the schemas', () => {
    let checked = 0;
    for (const { lang, text } of blocks) {
      let data: Record<string, unknown>;
      if (lang === 'markdown') {
        const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
        expect(m, 'a Markdown example has front matter').not.toBeNull();
        data = parse(m![1]!) as Record<string, unknown>;
        data[data.kind === 'case' ? 'body' : 'text'] = m![2]!.trim();
      } else {
        data = parse(text) as Record<string, unknown>;
      }
      const schema =
        'kind' in data
          ? itemSchemas[data.kind as ItemKind]
          : 'languages' in data
            ? packSchema
            : null;
      if (!schema) continue; // a fragment, e.g. one field
      const result = schema.safeParse(data);
      expect(result.error?.issues ?? [], text.slice(0, 80)).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(11); // the pack, every kind, a song with LRC
  });
});

describe('built-in content pack: references', () => {
  const playlists = [...items.values()].filter((i) => i.kind === 'playlist');
  const entryIds = (id: string): string[] =>
    get(id, 'playlist').items.map((e) => (typeof e === 'string' ? e : e.item));

  it('points defaultPlaylist at a playlist and safeSlide at a neutral statement', () => {
    expect(pack?.defaultPlaylist).toBe('main');
    get(pack!.defaultPlaylist!, 'playlist');
    const safe = get(pack!.safeSlide!, 'statement');
    expect(safe.sensitive).toBe(false);
    const text = JSON.stringify(safe);
    for (const name of ['Kagarlitsky', 'Miftakhov', 'Кагарлицк', 'Мифтахов', 'Boris', 'Azat']) {
      expect(text).not.toContain(name);
    }
  });

  it('lists only existing show items in every playlist', () => {
    expect(playlists.length).toBe(3);
    for (const playlist of playlists) {
      for (const id of entryIds(playlist.id)) {
        expect(declaredIds.get(id), `${playlist.id} → ${id}`).toBeDefined();
        expect(declaredIds.get(id), `${playlist.id} → ${id}`).not.toBe('playlists');
        expect(declaredIds.get(id), `${playlist.id} → ${id}`).not.toBe('setlists');
      }
    }
  });

  it('lists only songs in every setlist, with a playlist as its interlude', () => {
    for (const setlist of [...items.values()].filter((i) => i.kind === 'setlist')) {
      for (const id of setlist.songs) get(id, 'song');
      if (setlist.interlude !== undefined) get(setlist.interlude, 'playlist');
    }
  });

  it('starts the main playlist with Boris Kagarlitsky and plays every show item', () => {
    const main = entryIds('main');
    expect(main[0]).toBe('boris-kagarlitsky');
    const showItems = [...declaredIds].filter(
      ([, folder]) => folder !== 'playlists' && folder !== 'setlists',
    );
    expect([...main].sort()).toEqual(showItems.map(([id]) => id).sort());
  });

  it('keeps the merch table to cases and actions, the interlude to those and the call', () => {
    const folders = (id: string) => new Set(entryIds(id).map((e) => declaredIds.get(e)));
    expect(folders('merch-table')).toEqual(new Set(['cases', 'actions']));
    expect(folders('concert-interlude')).toEqual(new Set(['cases', 'actions', 'statements']));
    expect(entryIds('concert-interlude')).toContain('call-to-action');
  });

  it('finds every media file inside the pack, as an image the show can display', () => {
    const media: string[] = [];
    for (const item of items.values()) {
      if (item.kind === 'drawing') media.push(item.image);
      if (item.kind === 'case' && item.photo) media.push(item.photo.file);
    }
    expect(media.length).toBeGreaterThan(0);
    for (const path of media) {
      const full = resolve(packDir, path);
      expect(full.startsWith(packDir + sep), `${path} stays in the pack`).toBe(true);
      expect(existsSync(full), `${path} exists`).toBe(true);
      expect(IMAGE_EXTENSIONS).toContain(extname(path).toLowerCase());
    }
  });

  it('loads nothing from the internet at display time', () => {
    for (const item of items.values()) {
      const paths = [
        item.kind === 'drawing' ? item.image : undefined,
        item.kind === 'case' ? item.photo?.file : undefined,
      ];
      for (const path of paths) if (path) expect(path).not.toMatch(/^[a-z]+:/i);
    }
  });
});

describe('built-in content pack: placeholder drawings', () => {
  const drawings = [...items.values()].filter((i) => i.kind === 'drawing');
  const svgs = filesUnder(join(packDir, 'media/drawings')).filter((f) => f.endsWith('.svg'));

  it('says on every drawing that it is a placeholder, not a prisoner’s drawing', () => {
    expect(drawings.length).toBe(3);
    for (const d of drawings) {
      const artist = inAll(d.artist);
      expect(artist.en).toBe("Placeholder — not a prisoner's drawing");
      expect(artist.ru).toMatch(/Заглушка/);
      expect(artist.fr).toMatch(/provisoire/);
      expect(inAll(d.caption).en).toMatch(/not a drawing by a prisoner/);
      expect(d).toMatchObject({ licence: 'CC0-1.0', consent: true, made: 2026 });
    }
  });

  it.each(svgs.map((f) => [rel(f), f] as const))(
    '%s is small, self-contained, well-formed SVG',
    (_name, file) => {
      const svg = readFileSync(file, 'utf8');
      expect(Buffer.byteLength(svg)).toBeLessThan(10 * 1024);
      const root = svg.match(/^<svg\b[^>]*>/)?.[0] ?? '';
      expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
      expect(root).toMatch(/\swidth="\d+"/);
      expect(root).toMatch(/\sheight="\d+"/);
      expect(root).toMatch(/\sviewBox="[\d.]+ [\d.]+ [\d.]+ [\d.]+"/);
      // No scripts, event handlers, links, embedded or external resources, text or fonts.
      expect(svg).not.toMatch(/<(script|foreignObject|image|use|a|text|style|font)\b/i);
      expect(svg).not.toMatch(/\son[a-z]+=|href=|url\(|@import|font-family/i);
      expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
      // Tags balance: every opened element is closed, in order.
      const stack: string[] = [];
      for (const [, close, name, selfClose] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
        if (close) expect(stack.pop(), `</${name}>`).toBe(name);
        else if (!selfClose) stack.push(name!);
      }
      expect(stack).toEqual([]);
    },
  );

  it('uses every SVG in media/drawings', () => {
    const used = new Set(drawings.map((d) => d.image));
    for (const f of svgs) expect(used.has(rel(f)), rel(f)).toBe(true);
  });
});

describe('built-in content pack: case records after the letter (case-facts.md)', () => {
  const today = '2026-12-06';

  it('holds Boris Kagarlitsky for two periods, with the two months he was free left out', () => {
    const boris = get('boris-kagarlitsky', 'case');
    expect(boris.custody).toEqual([
      expect.objectContaining({ from: '2023-07-25', until: '2023-12-12' }),
      expect.objectContaining({ from: '2024-02-13' }),
    ]);
    expect(boris.custody?.[1]?.until).toBeUndefined();
    expect(boris.asOf).toBe('2024-06-05');
    expect(boris.sentences).toEqual([
      expect.objectContaining({ date: '2024-02-13', years: 5, regime: 'general' }),
    ]);
    // 141 days to the fine and release, then 1,028 since 2024-02-13: not 1,231 in one stretch.
    expect(custodyDays(custodyOf(boris), today)).toEqual({ days: 1169, atLeast: false });
  });

  it('holds Azat Miftakhov without a break from February 2019, with no day invented', () => {
    const azat = get('azat-miftakhov', 'case');
    expect(azat.custody).toEqual([expect.objectContaining({ from: '2019-02' })]);
    expect(azat.custody?.[0]?.until).toBeUndefined();
    expect(azat.age).toBeUndefined();
    expect(azat.asOf).toBe('2024-03');
    expect(azat.sentences.map((s) => [s.date, s.years])).toEqual([
      ['2021-01-18', 6],
      ['2024-03-28', 4],
    ]);
    // At least 2,839 days (from the last day of February 2019), not the 1,190 since 2023.
    expect(custodyDays(custodyOf(azat), today)).toEqual({ days: 2839, atLeast: true });
  });

  it('gives every event and sentence a source link, and dates none after asOf', () => {
    for (const id of ['boris-kagarlitsky', 'azat-miftakhov']) {
      const record = get(id, 'case');
      const asOf = asOfDate(record)!;
      expect(record.events.length).toBeGreaterThan(0);
      for (const fact of [...record.events, ...record.sentences]) {
        expect(sourceUrlOf(fact.source)).toMatch(/^https?:\/\//);
        expect(fact.date.slice(0, asOf.length) <= asOf).toBe(true);
      }
    }
  });
});

describe('built-in content pack: facts from the open letter', () => {
  it('sets up the pack as asked', () => {
    expect(pack).toMatchObject({
      languages: ['en', 'ru', 'fr'],
      defaultLanguage: 'en',
      campaignTag: { source: 'solidarity-screens', medium: 'kiosk', campaign: 'free-boris-azat' },
      defaultPlaylist: 'main',
      display: { languages: ['en', 'ru', 'fr'], cycleLanguages: true },
    });
  });

  it('gives Boris Kagarlitsky’s case as the letter does', () => {
    const boris = get('boris-kagarlitsky', 'case');
    expect(boris).toMatchObject({ age: 65, sensitive: true });
    expect(boris.photo).toBeUndefined();
    expect(inAll(boris.name)).toEqual({
      en: 'Boris Kagarlitsky',
      ru: 'Борис Кагарлицкий',
      fr: 'Boris Kagarlitsky',
    });
    expect(inAll(boris.charge).en).toContain('"justifying terrorism"');
    expect(inAll(boris.charge).ru).toContain('оправдании терроризма');
    expect(inAll(boris.charge).fr).toContain('apologie du terrorisme');
    const body = inAll(boris.body);
    for (const fact of [
      'Moscow',
      'July 25, 2023',
      'Rabkor',
      '1200',
      'Jeremy Corbyn',
      'Slavoj Žižek',
      'Alex Callinicos',
      'Jean-Luc Mélenchon',
      'Nadya Tolokonnikova',
      'Etienne Balibar',
    ]) {
      expect(body.en).toContain(fact);
    }
    expect(body.ru).toContain('Рабкор');
    expect(body.ru).toContain('1200');
    expect(body.fr).toContain('1200');
    expect(boris.links.map((l) => l.url)).toEqual(['https://freeboris.info/']);
  });

  it('gives Azat Miftakhov’s case as the letter does', () => {
    const azat = get('azat-miftakhov', 'case');
    expect(azat).toMatchObject({ sensitive: true });
    expect(azat.photo).toBeUndefined();
    expect(inAll(azat.name)).toEqual({
      en: 'Azat Miftakhov',
      ru: 'Азат Мифтахов',
      fr: 'Azat Miftakhov',
    });
    expect(inAll(azat.status).en).toMatch(/^Held without a break since February 2019/);
    expect(inAll(azat.charge).ru).toContain('«Единая Россия»');
    expect(inAll(azat.charge).fr).toContain('Russie unie');
    const body = inAll(azat.body);
    for (const fact of [
      'Tatar-Russian mathematician and anarchist',
      'United Russia',
      '6 years',
      'torture',
      'September 4, 2023',
      'FSB',
      'Scholars at Risk',
      'FMJH',
      'LMO',
      'Paris-Saclay',
      'SMF',
    ]) {
      expect(body.en).toContain(fact);
    }
    expect(azat.links.map((l) => l.url)).toEqual(['https://caseazatmiftakhov.org/']);
  });

  it('links the two videos exactly, with no lyrics', () => {
    const plea = get('a-plea-to-my-western-progressive-friends', 'song');
    const galeone = get('il-galeone', 'song');
    expect(plea.video).toBe('https://youtu.be/1bpJ_wMrilc?si=cYrmispAN15mVI5gl');
    expect(galeone.video).toBe('https://youtu.be/ahmUh7oj7Z8?si=rSWxGzt4_HtSuHXN');
    expect(inAll(plea.title).en).toBe('A plea to my Western progressive friends');
    expect(inAll(galeone.title).en).toBe('Галеон / Il Galeone');
    for (const song of [plea, galeone]) {
      expect(inAll(song.artist).en).toBe('Arkadiy Kots Band');
      expect(song.sections).toEqual([]);
    }
    expect(inAll(galeone.description).en).toContain('Belgrado Pedrini');
    expect(inAll(galeone.description).en).toContain('1968');
  });

  it('dates the two events as the letter does', () => {
    const day = get('solidarity-day-boris-2023', 'event');
    expect(day.start).toBe('2023-09-16');
    expect(day.end).toBeUndefined();
    expect(['UTC', 'Europe/Moscow']).toContain(day.timeZone);
    const concert = get('concert-paris-2023-10-01', 'event');
    expect(concert).toMatchObject({
      start: '2023-10-01T19:30',
      timeZone: 'Europe/Paris',
      address: '32 Rue Muller, Paris',
    });
    expect(concert.end).toBeUndefined();
    expect(inAll(concert.venue).fr).toBe('Au Soleil de la Butte');
  });

  it('links the two campaign sites exactly, untagged', () => {
    const sites = [...items.values()].filter((i) => i.kind === 'action');
    expect(sites.map((s) => s.url).sort()).toEqual([
      'https://caseazatmiftakhov.org/',
      'https://freeboris.info/',
    ]);
    for (const site of sites) expect(site).toMatchObject({ type: 'site', tagLink: false });
  });

  it('carries the band’s call to action', () => {
    const call = get('call-to-action', 'statement');
    expect(inAll(call.text).en).toContain('We call for the immediate release of Kagarlitsky');
    expect(inAll(call.text).en).toContain('in front of the Russian embassy');
    expect(inAll(call.author).en).toContain('Arkadiy Kots Band');
  });

  it('marks every item that names a prisoner as sensitive, so safe mode hides it', () => {
    const names = /Kagarlitsky|Miftakhov|Boris|Azat|Кагарлицк|Мифтахов/;
    for (const item of items.values()) {
      if (item.kind === 'playlist') continue;
      if (names.test(JSON.stringify(item))) expect(item.sensitive, item.id).toBe(true);
    }
  });
});

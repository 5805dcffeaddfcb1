import type { ContentSnapshot, LoadedItem } from '../../../../src/shared/content';
import { loadedItemSchema } from '../../../../src/shared/protocol';
import { packSchema } from '../../../../src/shared/content';

/** Builders that run the real schemas, so defaults (sensitive, shuffle, …) are what the store gives. */

export const caseItem = (id: string, extra: Record<string, unknown> = {}): unknown => ({
  kind: 'case',
  id,
  name: `Person ${id}`,
  arrested: '2023-01-01',
  charge: 'a charge',
  status: 'in custody',
  asOf: 'June 2024',
  summary: 'summary',
  ...extra,
});
export const statement = (id: string, extra: Record<string, unknown> = {}): unknown => ({
  kind: 'statement',
  id,
  text: 'text',
  ...extra,
});
export const drawing = (id: string, extra: Record<string, unknown> = {}): unknown => ({
  kind: 'drawing',
  id,
  image: 'media/a.png',
  artist: 'artist',
  consent: true,
  licence: 'CC0',
  ...extra,
});
export const action = (id: string, extra: Record<string, unknown> = {}): unknown => ({
  kind: 'action',
  id,
  title: 'Sign',
  url: 'https://example.org',
  callToAction: 'Sign now',
  ...extra,
});
export const song = (id: string, extra: Record<string, unknown> = {}): unknown => ({
  kind: 'song',
  id,
  title: 'Song',
  artist: 'artist',
  language: 'en',
  ...extra,
});
export const event = (id: string, start: string, extra: Record<string, unknown> = {}): unknown => ({
  kind: 'event',
  id,
  title: 'Rally',
  start,
  timeZone: 'UTC',
  ...extra,
});
export const playlist = (
  id: string,
  items: unknown[],
  extra: Record<string, unknown> = {},
): unknown => ({
  kind: 'playlist',
  id,
  title: `Playlist ${id}`,
  items,
  ...extra,
});

export function snapshot(
  items: unknown[],
  pack: Record<string, unknown> = {},
  revision = 1,
): ContentSnapshot {
  return {
    pack: packSchema.parse({
      title: 'Test pack',
      languages: ['en'],
      defaultLanguage: 'en',
      ...pack,
    }),
    items: items.map(
      (item) =>
        loadedItemSchema.parse({
          source: `${(item as { id: string }).id}.yaml`,
          ...(item as object),
        }) as LoadedItem,
    ),
    errors: [],
    revision,
  };
}

/** A small deterministic PRNG (mulberry32), so shuffles repeat from run to run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Local noon on a day, so `localDay` is that day in any time zone the tests run in. */
export const localNoon = (year: number, month: number, day: number): number =>
  new Date(year, month - 1, day, 12, 0, 0).getTime();

export const setlist = (
  id: string,
  songs: string[],
  extra: Record<string, unknown> = {},
): unknown => ({
  kind: 'setlist',
  id,
  title: `Setlist ${id}`,
  songs,
  ...extra,
});

/** Sections of one-language lines: `verses(['a1', 'a2'], ['b1'])`. */
export const verses = (...sections: string[][]): unknown[] =>
  sections.map((lines, s) => ({ label: `Section ${s + 1}`, lines: lines.map((en) => ({ en })) }));

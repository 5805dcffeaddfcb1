import {
  actionSchema,
  caseSchema,
  drawingSchema,
  eventSchema,
  packSchema,
  playlistSchema,
  songSchema,
  statementSchema,
  type ContentSnapshot,
  type LoadedItem,
} from '../../../src/shared/content';
import type { ShowState } from '../../../src/shared/protocol';
import type { SlideContext } from '../../../src/renderer/slides/context';
import { showOnAir } from '../../fixtures/state/show-state';

// Parsed through the real schemas, so defaults apply and a schema change breaks these tests
// instead of silently drifting from what the core sends.

export const pack = packSchema.parse({
  title: { en: 'Solidarity with political prisoners', ru: 'Солидарность с политзаключёнными' },
  languages: ['en', 'ru', 'fr'],
  defaultLanguage: 'en',
  theme: { background: '#0d0d0d', foreground: '#ffffff', accent: '#e10600' },
  safeSlide: 'safe-statement',
  defaultPlaylist: 'main',
});

export const caseItem = caseSchema.parse({
  kind: 'case',
  id: 'boris-kagarlitsky',
  sensitive: true,
  name: { en: 'Boris Kagarlitsky', ru: 'Борис Кагарлицкий' },
  arrested: '2023-07-25',
  charge: { en: 'Fabricated charges of "justifying terrorism"' },
  status: { en: 'Incarcerated after his arrest in Moscow' },
  asOf: { en: 'September 2023' },
  summary: { en: 'A prominent Russian socialist thinker.' },
  links: [{ label: { en: 'The campaign' }, url: 'https://freeboris.info/' }],
});

export const songWithLyrics = songSchema.parse({
  kind: 'song',
  id: 'internationale',
  title: { en: 'The Internationale', ru: 'Интернационал' },
  artist: 'Eugène Pottier, Arkady Kots',
  language: 'ru',
  sections: [
    {
      label: { en: 'Verse 1' },
      lines: [
        { ru: 'Вставай, проклятьем заклеймённый,', en: 'Arise, you who are branded with a curse,' },
        { ru: 'Весь мир голодных и рабов!', en: 'The whole world of the hungry and the slaves!' },
      ],
    },
  ],
});

export const songWithoutLyrics = songSchema.parse({
  kind: 'song',
  id: 'il-galeone',
  title: 'Галеон / Il Galeone',
  artist: { en: 'Arkadiy Kots Band' },
  language: 'ru',
  video: 'https://youtu.be/ahmUh7oj7Z8',
  description: { en: 'A version of an iconic Italian song.' },
});

export const drawingItem = drawingSchema.parse({
  kind: 'drawing',
  id: 'raised-fist',
  image: 'media/drawings/raised fist.svg',
  title: { en: 'Raised fist' },
  artist: { en: 'A. Artist' },
  place: { en: 'Penal colony No. 1' },
  made: 2022,
  caption: { en: 'Drawn in prison.' },
  licence: 'CC0-1.0',
  consent: true,
});

export const actionItem = actionSchema.parse({
  kind: 'action',
  id: 'free-boris-site',
  title: { en: 'The campaign for Boris Kagarlitsky' },
  url: 'https://freeboris.info/',
  shortUrl: 'freeboris.info',
  callToAction: { en: 'Sign a petition, come to an action!' },
});

export const eventItem = eventSchema.parse({
  kind: 'event',
  id: 'concert-paris',
  title: { en: 'Concert in solidarity with Azat Miftakhov' },
  start: '2023-10-01T19:30',
  timeZone: 'Europe/Paris',
  venue: { en: 'Au Soleil de la Butte' },
  address: '32 Rue Muller, Paris',
});

export const statementItem = statementSchema.parse({
  kind: 'statement',
  id: 'call-to-action',
  sensitive: true,
  title: { en: 'Take action!' },
  text: { en: 'We call for the immediate release of Kagarlitsky and Miftakhov.' },
  author: { en: 'Arkadiy Kots Band' },
});

export const safeStatement = statementSchema.parse({
  kind: 'statement',
  id: 'safe-statement',
  text: { en: 'Solidarity with all political prisoners' },
});

export const playlistItem = playlistSchema.parse({
  kind: 'playlist',
  id: 'main',
  title: 'Main',
  items: ['boris-kagarlitsky', 'free-boris-site'],
});

const withSource = <T extends object>(item: T) => ({ ...item, source: 'test.yaml' });

export function snapshot(items: object[] = allItems, revision = 1): ContentSnapshot {
  return { pack, items: items.map(withSource) as LoadedItem[], errors: [], revision };
}

export const allItems = [
  caseItem,
  songWithLyrics,
  songWithoutLyrics,
  drawingItem,
  actionItem,
  eventItem,
  statementItem,
  safeStatement,
  playlistItem,
];

export function showState(overrides: Partial<ShowState> = {}): ShowState {
  return showOnAir('boris-kagarlitsky', {
    playlistId: 'main',
    order: ['boris-kagarlitsky', 'free-boris-site'],
    startedAt: 1_700_000_000_000,
    durationMs: 15_000,
    serverTime: 1_700_000_000_000,
    ...overrides,
  });
}

/** 2023-10-10 12:00 UTC: after every sample date. */
export const NOW = Date.UTC(2023, 9, 10, 12, 0);

export function slideContext(overrides: Partial<SlideContext> = {}): SlideContext {
  return { pack, language: 'en', nowMs: NOW, ...overrides };
}

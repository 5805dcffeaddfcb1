// Content and show states for the kept first slide's tests: each plain kind, with pictures whose
// URLs carry a version, and the states whose first screen is something else.
import {
  actionSchema,
  caseSchema,
  playlistSchema,
  statementSchema,
  videoSchema,
  type ContentSnapshot,
  type LoadedItem,
} from '../../../../src/shared/content';
import type { ShowState } from '../../../../src/shared/protocol';
import {
  actionItem,
  allItems,
  caseItem,
  drawingItem,
  NOW,
  pack,
  playlistItem,
  showState,
} from '../fixtures';

export { NOW };

/** Characters a query string must escape, so the token's place in the URL is tested too. */
export const TOKEN = 'view+token/=1';

const SOURCE = 'https://example.org/report';

export const photoCase = caseSchema.parse({
  ...caseItem,
  id: 'case-with-photo',
  photo: { file: 'media/cases/boris photo.jpg', consent: true, alt: { en: 'Boris at his desk' } },
  age: 65,
  sentences: [{ date: '2023-09', years: 5, regime: 'general', source: SOURCE }],
  events: [
    { date: '2023-07-25', kind: 'arrest', text: { en: 'Arrested in Moscow' }, source: SOURCE },
    { date: '2023-09', kind: 'appeal', text: { en: 'Appeal lodged' }, source: SOURCE },
  ],
});

export const taggedAction = actionSchema.parse({
  ...actionItem,
  id: 'tagged-action',
  tagLink: true,
});

/** Text a page must never run or misread: markup, quotes, ampersands. */
export const HOSTILE = '<script>alert("x")</script> & "quoted" <b>bold</b>';

export const hostileStatement = statementSchema.parse({
  kind: 'statement',
  id: 'hostile',
  title: { en: `Title ${HOSTILE}` },
  text: { en: HOSTILE },
  author: { en: 'Tom & "Jerry"' },
});

export const video = videoSchema.parse({
  kind: 'video',
  id: 'film',
  file: 'media/videos/film.mp4',
  title: { en: 'A film' },
  licence: 'CC-BY-4.0',
});

const MEDIA = {
  'media/drawings/raised fist.svg': 'd1',
  'media/cases/boris photo.jpg': 'p2',
};

/** The playing playlist's own tag, which wins over the pack's (`effectiveCampaignTag`). */
const taggedPlaylist = playlistSchema.parse({
  ...playlistItem,
  campaignTag: { source: 'screen', campaign: 'main-playlist' },
});

/**
 * The fixtures' content, with the extra items, checked media versions, `pack` changes, and
 * `replaced` items instead of those with their ids.
 */
export function content(
  packChanges: Partial<typeof pack> = {},
  replaced: readonly { id: string }[] = [],
): ContentSnapshot {
  const items = [...allItems, photoCase, taggedAction, hostileStatement, video].map(
    (item) => replaced.find((other) => other.id === item.id) ?? item,
  );
  return {
    pack: { ...pack, ...packChanges },
    items: items.map((item) => ({ ...item, source: 'test.yaml' })) as LoadedItem[],
    errors: [],
    media: MEDIA,
    revision: 3,
  };
}

/** A show with `itemId` on air, sent with `serverTime` NOW (a zero clock offset). */
export function onAir(itemId: string | null, overrides: Partial<ShowState> = {}): ShowState {
  return showState({
    itemId,
    order: itemId ? [itemId, actionItem.id] : [],
    serverTime: NOW,
    ...overrides,
  });
}

/** Every plain kind, once, and a case in Russian from a cycling display. */
export const PLAIN_SLIDES: { name: string; content: ContentSnapshot; show: ShowState }[] = [
  { name: 'a drawing', content: content(), show: onAir(drawingItem.id) },
  { name: 'a case with a photo', content: content(), show: onAir(photoCase.id) },
  { name: 'a case without a photo', content: content(), show: onAir(caseItem.id) },
  { name: 'a statement', content: content(), show: onAir('call-to-action') },
  { name: 'an action', content: content(), show: onAir(actionItem.id) },
  {
    name: 'a case in the cycling display’s second language',
    content: content({
      display: { ...pack.display, languages: ['en', 'ru'], cycleLanguages: true },
    }),
    show: onAir(photoCase.id, { sequence: 1 }),
  },
  {
    name: 'an action with a campaign-tagged link',
    content: content({ campaignTag: { source: 'screen', campaign: 'pack' } }, [taggedPlaylist]),
    show: onAir(taggedAction.id),
  },
];

import { describe, expect, it } from 'vitest';
import { caseSchema, drawingSchema, songSchema } from '../../../../../src/shared/content';
import type { ShowState } from '../../../../../src/shared/protocol';
import {
  lyricSubtitle,
  overlayContent,
  pickOverlayText,
  streamLanguages,
} from '../../../../../src/renderer/views/overlay/overlay-content';
import {
  actionItem,
  allItems,
  caseItem,
  drawingItem,
  pack,
  playlistItem,
  showState,
  snapshot,
  songWithLyrics,
} from '../../fixtures';

const singing = (line: number, overrides: Partial<ShowState> = {}) =>
  showState({
    itemId: 'internationale',
    lyrics: { songId: 'internationale', line, timed: null },
    ...overrides,
  });
const stream = (overlay: string[]) => ({ outputLanguages: { display: [], overlay } });

describe('overlayContent', () => {
  it('shows nothing before the core has spoken', () => {
    expect(overlayContent(null, null)).toMatchObject({
      lowerThird: null,
      lyrics: null,
      drawing: null,
      nowPlaying: null,
    });
    expect(overlayContent(snapshot(), null).lowerThird).toBeNull();
  });

  it('puts a case in the lower third: name, its charge, a QR code to its first link', () => {
    expect(overlayContent(snapshot(), showState()).lowerThird).toEqual({
      itemId: 'boris-kagarlitsky',
      kind: 'case',
      title: { text: 'Boris Kagarlitsky', lang: 'en' },
      fact: { text: 'Fabricated charges of "justifying terrorism"', lang: 'en' },
      qr: { url: 'https://freeboris.info/', printed: 'freeboris.info' },
    });
  });

  it('gives a released case its status instead of the charge', () => {
    const released = caseSchema.parse({
      ...caseItem,
      id: 'freed',
      released: '2024-08-01',
      status: { en: 'Released in a prisoner exchange' },
    });
    const content = overlayContent(
      snapshot([...allItems, released]),
      showState({ itemId: 'freed' }),
    );
    expect(content.lowerThird?.fact?.text).toBe('Released in a prisoner exchange');
  });

  it('puts an action in the lower third: title, call to action, its link and short URL', () => {
    const content = overlayContent(snapshot(), showState({ itemId: 'free-boris-site' }));
    expect(content.lowerThird).toEqual({
      itemId: 'free-boris-site',
      kind: 'action',
      title: { text: 'The campaign for Boris Kagarlitsky', lang: 'en' },
      fact: { text: 'Sign a petition, come to an action!', lang: 'en' },
      qr: { url: 'https://freeboris.info/', printed: 'freeboris.info' },
    });
  });

  it('tags an action link with the campaign only when the action asks', () => {
    const tagged = { ...actionItem, id: 'tagged', tagLink: true };
    const content = overlayContent(
      {
        ...snapshot([...allItems, tagged]),
        pack: { ...pack, campaignTag: { source: 'screens' } },
      },
      showState({ itemId: 'tagged' }),
    );
    expect(content.lowerThird?.qr?.url).toBe('https://freeboris.info/?utm_source=screens');
  });

  it("tags it with the playing playlist's tag, else the tag of an event on the day it went on air", () => {
    const tagged = { ...actionItem, id: 'tagged', tagLink: true };
    const onAir = 1_700_000_000_000; // 2023-11-14, in Paris too
    const event = {
      kind: 'event',
      id: 'rally',
      sensitive: false,
      title: 'Rally',
      start: '2023-11-14T18:00',
      timeZone: 'Europe/Paris',
      campaignTag: { source: 'rally' },
    } as const;
    const main = { ...playlistItem, campaignTag: { source: 'concert' } };
    const packWithTag = { ...pack, campaignTag: { source: 'screens' } };
    const qrUrl = (items: object[]) =>
      overlayContent(
        { ...snapshot(items), pack: packWithTag },
        showState({ itemId: 'tagged', startedAt: onAir }),
      ).lowerThird?.qr?.url;
    const others = allItems.filter((i) => i.id !== 'main');
    expect(qrUrl([...others, main, tagged, event])).toBe(
      'https://freeboris.info/?utm_source=concert',
    );
    expect(qrUrl([...allItems, tagged, event])).toBe('https://freeboris.info/?utm_source=rally');
    const tomorrow = { ...event, start: '2023-11-15' };
    expect(qrUrl([...allItems, tagged, tomorrow])).toBe(
      'https://freeboris.info/?utm_source=screens',
    );
  });

  it('shows a drawing with its credit (artist, place, year), and never one without consent', () => {
    const content = overlayContent(snapshot(), showState({ itemId: 'raised-fist' }));
    expect(content.drawing).toEqual({
      itemId: 'raised-fist',
      src: '/media/media/drawings/raised%20fist.svg',
      alt: 'Raised fist',
      title: { text: 'Raised fist', lang: 'en' },
      credit: { text: 'A. Artist, Penal colony No. 1, 2022', lang: 'en' },
    });
    const refused = drawingSchema.parse({ ...drawingItem, id: 'refused', consent: false });
    expect(
      overlayContent(snapshot([...allItems, refused]), showState({ itemId: 'refused' })).drawing,
    ).toBeNull();
  });

  it('says what is playing while a song is on', () => {
    const content = overlayContent(snapshot(), showState({ itemId: 'il-galeone' }));
    expect(content.nowPlaying).toEqual({
      itemId: 'il-galeone',
      title: { text: 'Галеон / Il Galeone', lang: 'en' },
      artist: { text: 'Arkadiy Kots Band', lang: 'en' },
    });
    expect(content.lowerThird).toBeNull();
  });

  it('follows the lyrics cursor line by line', () => {
    expect(overlayContent(snapshot(), singing(0)).lyrics).toEqual({
      songId: 'internationale',
      line: 0,
      main: { text: 'Вставай, проклятьем заклеймённый,', lang: 'ru' },
      sub: { text: 'Arise, you who are branded with a curse,', lang: 'en' },
    });
    expect(overlayContent(snapshot(), singing(1)).lyrics?.main.text).toBe(
      'Весь мир голодных и рабов!',
    );
    // A cursor past the end (the song was edited meanwhile) shows no line rather than a wrong one.
    expect(overlayContent(snapshot(), singing(9)).lyrics).toBeNull();
    expect(overlayContent(snapshot(), showState({ lyrics: null })).lyrics).toBeNull();
  });

  it('hides each element whose toggle is off, and the QR code with the lower third', () => {
    const off = (element: keyof ShowState['overlays']) => ({
      overlays: {
        lowerThird: true,
        lyrics: true,
        drawing: true,
        nowPlaying: true,
        [element]: false,
      },
    });
    expect(overlayContent(snapshot(), showState(off('lowerThird'))).lowerThird).toBeNull();
    expect(overlayContent(snapshot(), singing(0, off('lyrics'))).lyrics).toBeNull();
    expect(overlayContent(snapshot(), singing(0, off('lyrics'))).nowPlaying).not.toBeNull();
    expect(overlayContent(snapshot(), singing(0, off('nowPlaying'))).nowPlaying).toBeNull();
    expect(overlayContent(snapshot(), singing(0, off('nowPlaying'))).lyrics).not.toBeNull();
    expect(
      overlayContent(snapshot(), showState({ itemId: 'raised-fist', ...off('drawing') })).drawing,
    ).toBeNull();
  });

  it('shows nothing at all in a blackout', () => {
    const content = overlayContent(snapshot(), singing(0, { blackout: true }));
    expect(content).toMatchObject({ lyrics: null, nowPlaying: null, lowerThird: null });
  });

  it('shows nothing from a sensitive item in safe mode, and the rest as usual', () => {
    // The case is sensitive: no name, no charge, no QR code to his campaign.
    expect(overlayContent(snapshot(), showState({ safeMode: true })).lowerThird).toBeNull();
    expect(
      overlayContent(snapshot(), showState({ safeMode: true, itemId: 'free-boris-site' }))
        .lowerThird,
    ).not.toBeNull();
    const sensitiveSong = songSchema.parse({ ...songWithLyrics, sensitive: true });
    const items = allItems.map((item) => (item.id === 'internationale' ? sensitiveSong : item));
    const content = overlayContent(snapshot(items), singing(0, { safeMode: true }));
    expect(content.lyrics).toBeNull();
    expect(content.nowPlaying).toBeNull();
    expect(overlayContent(snapshot(), singing(0, { safeMode: true })).lyrics).not.toBeNull();
  });

  it('speaks the stream language chosen for the overlay output', () => {
    const content = overlayContent(snapshot(), showState(stream(['ru'])));
    expect(content.language).toBe('ru');
    // No French name: the pack's default (English) fills in, and says so in `lang`.
    expect(content.lowerThird?.title).toEqual({ text: 'Борис Кагарлицкий', lang: 'ru' });
    expect(content.lowerThird?.fact).toEqual({
      text: 'Fabricated charges of "justifying terrorism"',
      lang: 'en',
    });
  });
});

describe('the lyrics subtitle languages', () => {
  const song = songSchema.parse({
    kind: 'song',
    id: 'three',
    title: 'Three',
    artist: 'Someone',
    language: 'ru',
    sections: [
      {
        lines: [
          { ru: 'Вставай', en: 'Arise', fr: 'Debout' },
          { ru: 'Только', en: '' },
        ],
      },
    ],
  });
  const [full, russianOnly] = song.sections[0]!.lines as [
    Record<string, string>,
    Record<string, string>,
  ];
  const subtitle = (line: Record<string, string>, languages: string[], chosen: boolean) => {
    const result = lyricSubtitle(song, line, languages, chosen);
    return result && [result.main.lang, result.sub?.lang ?? null];
  };

  it("uses the pack's display languages when the stream has no choice of its own", () => {
    expect(streamLanguages(pack, stream([]))).toEqual({ languages: ['en'], chosen: false });
    const cycling = { ...pack, display: { ...pack.display, languages: ['fr', 'en'] } };
    expect(streamLanguages(cycling, stream([]))).toEqual({
      languages: ['fr', 'en'],
      chosen: false,
    });
    expect(streamLanguages(pack, stream(['ru', 'en']))).toEqual({
      languages: ['ru', 'en'],
      chosen: true,
    });
  });

  it("shows the sung original with the stream's first translation under it", () => {
    expect(subtitle(full, ['en', 'ru', 'fr'], false)).toEqual(['ru', 'en']);
    expect(subtitle(full, ['fr', 'en'], false)).toEqual(['ru', 'fr']);
    expect(subtitle(full, ['ru', 'en'], true)).toEqual(['ru', 'en']);
    expect(subtitle(full, ['en', 'ru'], true)).toEqual(['ru', 'en']);
  });

  it('keeps the original even when the pack speaks none of the translations', () => {
    expect(subtitle(full, ['de'], false)).toEqual(['ru', null]);
  });

  it('shows only the original when the stream speaks only the sung language', () => {
    expect(subtitle(full, ['ru'], true)).toEqual(['ru', null]);
  });

  it('shows only the translation when the stream chose only translation languages', () => {
    expect(subtitle(full, ['en'], true)).toEqual(['en', null]);
    expect(subtitle(full, ['fr', 'en'], true)).toEqual(['fr', null]);
    expect(lyricSubtitle(song, full, ['en'], true)?.main.text).toBe('Arise');
  });

  it('falls back to the original for a line without that translation, never a blank', () => {
    expect(subtitle(russianOnly, ['en'], true)).toEqual(['ru', null]);
    expect(subtitle(russianOnly, ['en', 'ru'], false)).toEqual(['ru', null]);
  });

  it('takes the line’s first language when the song does not say which it is sung in', () => {
    expect(lyricSubtitle({}, { fr: 'Debout', en: 'Arise' }, ['en'], false)).toEqual({
      main: { text: 'Debout', lang: 'fr' },
      sub: { text: 'Arise', lang: 'en' },
    });
  });
});

describe('pickOverlayText', () => {
  it('says which language it picked', () => {
    expect(pickOverlayText({ en: 'A', ru: 'Б' }, 'ru', 'en')).toEqual({ text: 'Б', lang: 'ru' });
    expect(pickOverlayText({ en: 'A', ru: 'Б' }, 'fr', 'en')).toEqual({ text: 'A', lang: 'en' });
    expect(pickOverlayText({ ru: 'Б' }, 'fr', 'en')).toEqual({ text: 'Б', lang: 'ru' });
    expect(pickOverlayText('Same', 'fr', 'en')).toEqual({ text: 'Same', lang: 'fr' });
    expect(pickOverlayText(undefined, 'fr', 'en')).toBeNull();
  });

  it('keeps punctuation with its word', () => {
    expect(pickOverlayText('Приговор — 6 лет', 'ru', 'en')?.text).toBe('Приговор\u00a0— 6 лет');
  });
});

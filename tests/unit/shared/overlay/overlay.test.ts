import { describe, expect, it } from 'vitest';
import {
  overlayContent,
  overlayStateFor,
  packDisplayLanguages,
  streamLanguages,
} from '../../../../src/shared/overlay';
import type { ShowState } from '../../../../src/shared/protocol';
import { action, caseItem, drawing, snapshot, song } from '../../main/show/content-fixtures';
import { showOnAir } from '../../../fixtures/state/show-state';

const show = showOnAir;

const content = snapshot(
  [
    caseItem('held', { charge: { en: 'treason', ru: 'госизмена' }, status: 'in prison' }),
    caseItem('freed', {
      charge: 'treason',
      status: 'released in an exchange',
      released: '2024-08-01',
    }),
    action('sign', { url: 'https://example.org/letter', shortUrl: 'ex.org/l' }),
    drawing('crane', {
      image: 'media/my crane.png',
      title: 'Crane',
      artist: 'Masha',
      place: 'Perm',
      made: 2023,
    }),
    song('hymn', {
      language: 'fr',
      sensitive: true,
      sections: [{ lines: [{ fr: 'Debout les damnés', ru: 'Вставай, проклятьем' }] }],
    }),
  ],
  { languages: ['en', 'ru', 'fr'], defaultLanguage: 'en', display: { languages: ['ru', 'en'] } },
);

const image = (packPath: string) => `/abs/${packPath}`;
const singing = (extra: Partial<ShowState> = {}) =>
  show('hymn', { lyrics: { songId: 'hymn', line: 0, timed: null }, ...extra });

describe('the shared overlay mapping (both stream paths)', () => {
  it("an empty stream list means the pack's display languages", () => {
    expect(packDisplayLanguages(content.pack)).toEqual(['ru', 'en']);
    expect(streamLanguages(content.pack, show(null))).toEqual({
      languages: ['ru', 'en'],
      chosen: false,
    });
    const state = overlayStateFor(content, show('held'), [], { image });
    expect(state.lowerThird).toEqual({ title: 'Person held', text: 'госизмена' });
  });

  it('a choice that leaves the sung language out shows only the translation', () => {
    const state = overlayStateFor(
      content,
      singing({ outputLanguages: { display: [], overlay: ['ru'] } }),
      [],
      { image },
    );
    expect(state.lyrics).toEqual({ line: 'Вставай, проклятьем', translation: '' });
    const both = overlayStateFor(content, singing(), ['fr', 'ru'], { image });
    expect(both.lyrics).toEqual({ line: 'Debout les damnés', translation: 'Вставай, проклятьем' });
  });

  it("a case's one fact: its charge, or its status once released", () => {
    expect(overlayStateFor(content, show('held'), ['en'], { image }).lowerThird.text).toBe(
      'treason',
    );
    expect(overlayStateFor(content, show('freed'), ['en'], { image }).lowerThird.text).toBe(
      'released in an exchange',
    );
  });

  it('a drawing: the file from `image`, its title and "artist, place, year"', () => {
    const state = overlayStateFor(content, show('crane'), ['en'], { image });
    expect(state.drawing).toEqual({
      file: '/abs/media/my crane.png',
      credit: 'Crane\nMasha, Perm, 2023',
    });
    const page = overlayContent(content, show('crane'), { image: (p) => `/media/${p}` });
    expect(page.drawing?.src).toBe('/media/media/my crane.png');
    expect(page.drawing?.credit).toEqual({ text: 'Masha, Perm, 2023', lang: 'ru' });
  });

  it("safe mode hides a sensitive song's lyrics and its now playing", () => {
    const on = overlayStateFor(content, singing(), ['fr'], { image });
    expect(on.enabled).toMatchObject({ lyrics: true, nowPlaying: true });
    const safe = overlayStateFor(content, singing({ safeMode: true }), ['fr'], { image });
    expect(safe.enabled).toMatchObject({ lyrics: false, nowPlaying: false });
  });

  it('the printed address and typesetting are the caller’s; plain by default', () => {
    const plain = overlayContent(content, show('sign'), { image });
    expect(plain.lowerThird?.qr).toEqual({
      url: 'https://example.org/letter',
      printed: 'https://example.org/letter',
    });
    const page = overlayContent(content, show('sign'), {
      image,
      printed: (url, short) => short ?? url,
      typeset: (text) => text.toUpperCase(),
    });
    expect(page.lowerThird?.qr?.printed).toBe('ex.org/l');
    expect(page.lowerThird?.title.text).toBe(page.lowerThird?.title.text.toUpperCase());
  });

  it('toggles: lower third off takes the QR with it; an override line replaces the cursor', () => {
    const off = overlayStateFor(
      content,
      show('held', {
        overlays: { lowerThird: false, lyrics: true, drawing: true, nowPlaying: true },
      }),
      [],
      { image },
    );
    expect(off.enabled).toMatchObject({ lowerThird: false, qr: false });
    const override = overlayStateFor(content, singing(), ['fr'], {
      image,
      lyrics: { line: 'Arise!' },
    });
    expect(override.lyrics).toEqual({ line: 'Arise!', translation: '' });
  });
});

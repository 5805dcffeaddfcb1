import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyOverlayState, overlayStateFor } from '../../../../src/main/obs/overlay-state';
import type { ShowState } from '../../../../src/shared/protocol';
import { action, caseItem, drawing, snapshot, song, statement } from '../show/content-fixtures';
import { showOnAir } from '../../../fixtures/state/show-state';

const contentDir = path.resolve('/packs/campaign');

const show = showOnAir;

const content = snapshot(
  [
    // Not sensitive, so the test can show a case in safe mode (cases are sensitive by default).
    caseItem('boris', {
      sensitive: false,
      name: { en: 'Boris K.', ru: 'Борис К.' },
      charge: { en: 'treason', ru: 'госизмена' },
      status: { en: 'in pre-trial detention', ru: 'в СИЗО' },
      links: [
        { label: 'Write', url: 'https://example.org/write-boris' },
        { label: 'More', url: 'https://example.org/more' },
      ],
    }),
    caseItem('quiet', { sensitive: true }),
    caseItem('nolink'),
    action('sign', {
      title: 'Sign the letter',
      callToAction: 'Scan and sign',
      url: 'https://example.org/letter',
      tagLink: true,
    }),
    action('plain', { url: 'https://example.org/plain' }),
    drawing('crane', {
      image: 'media/crane.png',
      title: 'Crane',
      artist: 'Masha',
      licence: 'CC BY 4.0',
    }),
    drawing('secret', { consent: false }),
    song('internationale', {
      title: "L'Internationale",
      artist: 'Eugène Pottier',
      language: 'fr',
      sections: [
        {
          lines: [{ fr: 'Debout, les damnés de la terre', en: 'Arise, ye wretched of the earth' }],
        },
        {
          lines: [
            { fr: 'Du passé faisons table rase', ru: 'Весь мир насилья мы разрушим' },
            { fr: 'Foule esclave, debout, debout' },
          ],
        },
      ],
    }),
    statement('words'),
  ],
  {
    languages: ['en', 'ru', 'fr'],
    defaultLanguage: 'en',
    campaignTag: { source: 'stream', campaign: 'autumn' },
  },
);

const map = (itemId: string | null, extra: Partial<ShowState> = {}, languages: string[] = []) =>
  overlayStateFor(content, show(itemId, extra), languages, { contentDir });

describe('overlayStateFor', () => {
  it('case: lower third with the name and its charge, QR to the first link', () => {
    const state = map('boris');
    expect(state.lowerThird).toEqual({ title: 'Boris K.', text: 'treason' });
    expect(state.qr).toEqual({ url: 'https://example.org/write-boris' });
    expect(state.enabled).toEqual({
      lyrics: false,
      lowerThird: true,
      qr: true,
      drawing: false,
      nowPlaying: false,
    });
  });

  it('speaks the first of the languages given', () => {
    expect(map('boris', {}, ['ru']).lowerThird).toEqual({
      title: 'Борис К.',
      text: 'госизмена',
    });
    // No translation: the pack's default language.
    expect(map('boris', {}, ['fr']).lowerThird.title).toBe('Boris K.');
  });

  it('case without links: no QR', () => {
    const state = map('nolink');
    expect(state.enabled.qr).toBe(false);
    expect(state.qr.url).toBeNull();
  });

  it('action: title, call to action and its link as the QR, campaign-tagged when asked', () => {
    const state = map('sign');
    expect(state.lowerThird).toEqual({ title: 'Sign the letter', text: 'Scan and sign' });
    expect(state.qr.url).toBe('https://example.org/letter?utm_source=stream&utm_campaign=autumn');
    expect(state.enabled).toMatchObject({ lowerThird: true, qr: true });
    expect(map('plain').qr.url).toBe('https://example.org/plain');
  });

  it('drawing: the image as an absolute path in the pack, its title and credit', () => {
    const state = map('crane');
    expect(state.drawing).toEqual({
      file: path.join(contentDir, 'media', 'crane.png'),
      credit: 'Crane\nMasha',
    });
    expect(state.enabled).toMatchObject({ drawing: true, lowerThird: false, qr: false });
  });

  it('never shows a drawing without consent', () => {
    expect(map('secret')).toEqual(emptyOverlayState());
  });

  it('song: now playing with title and artist', () => {
    const state = map('internationale');
    expect(state.nowPlaying).toEqual({ title: "L'Internationale", artist: 'Eugène Pottier' });
    expect(state.enabled.nowPlaying).toBe(true);
    expect(state.enabled.lyrics).toBe(false);
  });

  it('lyrics follow the live cursor: the sung line and its translation', () => {
    const at = (line: number) => ({ lyrics: { songId: 'internationale', line, timed: null } });
    const first = map('internationale', at(0));
    expect(first.lyrics).toEqual({
      line: 'Debout, les damnés de la terre',
      translation: 'Arise, ye wretched of the earth',
    });
    expect(first.enabled).toMatchObject({ lyrics: true, nowPlaying: true });
    // The translation is in the first stream language that has one.
    expect(map('internationale', at(1), ['fr', 'en', 'ru']).lyrics).toEqual({
      line: 'Du passé faisons table rase',
      translation: 'Весь мир насилья мы разрушим',
    });
    expect(map('internationale', at(2)).lyrics).toEqual({
      line: 'Foule esclave, debout, debout',
      translation: '',
    });
    // Past the end, or no cursor: no lyrics.
    expect(map('internationale', at(9)).enabled.lyrics).toBe(false);
    expect(map('internationale').enabled.lyrics).toBe(false);
  });

  it('an explicit lyric line overrides the cursor', () => {
    const state = overlayStateFor(content, show('internationale'), ['en'], {
      contentDir,
      lyrics: { line: 'Arise!', translation: 'Debout !' },
    });
    expect(state.lyrics).toEqual({ line: 'Arise!', translation: 'Debout !' });
    const blank = overlayStateFor(content, show('internationale'), ['en'], {
      contentDir,
      lyrics: { line: '  ' },
    });
    expect(blank.enabled.lyrics).toBe(false);
  });

  it("without languages given, speaks the stream's choice, else the pack's display languages", () => {
    const ru = { outputLanguages: { display: [], overlay: ['ru'] } };
    expect(map('boris', ru, []).lowerThird.title).toBe('Борис К.');
    expect(map('boris', {}, []).lowerThird.title).toBe('Boris K.');
  });

  it("the operator's toggles hide elements; the QR goes with the lower third", () => {
    const off = (element: string) => ({
      overlays: {
        lowerThird: true,
        lyrics: true,
        drawing: true,
        nowPlaying: true,
        [element]: false,
      },
    });
    expect(map('boris', off('lowerThird')).enabled).toMatchObject({ lowerThird: false, qr: false });
    expect(map('internationale', off('nowPlaying')).enabled.nowPlaying).toBe(false);
    expect(map('crane', off('drawing')).enabled.drawing).toBe(false);
    const lyricsOff = {
      ...off('lyrics'),
      lyrics: { songId: 'internationale', line: 0, timed: null },
    };
    expect(map('internationale', lyricsOff).enabled).toMatchObject({
      lyrics: false,
      nowPlaying: true,
    });
  });

  it('blackout hides everything, lyrics included', () => {
    const state = map('internationale', {
      blackout: true,
      lyrics: { songId: 'internationale', line: 0, timed: null },
    });
    expect(state).toEqual(emptyOverlayState());
  });

  it('safe mode hides a sensitive item, but not the others', () => {
    expect(map('quiet', { safeMode: true })).toEqual(emptyOverlayState());
    expect(map('quiet').enabled.lowerThird).toBe(true);
    expect(map('boris', { safeMode: true }).enabled.lowerThird).toBe(true);
  });

  it('statements, nothing on air and unknown ids show nothing', () => {
    expect(map('words')).toEqual(emptyOverlayState());
    expect(map(null)).toEqual(emptyOverlayState());
    expect(map('gone')).toEqual(emptyOverlayState());
  });

  it('elements the operator hid stay hidden', () => {
    const state = overlayStateFor(content, show('boris'), ['en'], {
      contentDir,
      hidden: ['qr'],
    });
    expect(state.enabled).toMatchObject({ lowerThird: true, qr: false });
    expect(state.qr.url).toBe('https://example.org/write-boris');
  });
});

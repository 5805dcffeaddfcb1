import { describe, expect, it } from 'vitest';
import { eventSchema, itemSchemas, playlistSchema } from '../../../../src/shared/content/schema';

/** Minimal valid items of each kind, written without a `sensitive` line. */
const unmarked = {
  case: {
    kind: 'case',
    id: 'new-case',
    name: 'Someone New',
    photo: { file: 'media/face.jpg', consent: true },
    arrested: '2024-01-01',
    charge: 'c',
    status: 's',
    asOf: 'now',
    summary: 's',
  },
  drawing: {
    kind: 'drawing',
    id: 'new-drawing',
    image: 'media/d.png',
    artist: 'Someone New',
    consent: true,
    licence: 'CC-BY-4.0',
  },
  statement: { kind: 'statement', id: 'words', text: 'Free them all' },
  action: {
    kind: 'action',
    id: 'act',
    title: 't',
    url: 'https://example.org/',
    callToAction: 'Sign',
  },
  event: { kind: 'event', id: 'ev', title: 't', start: '2024-01-01', timeZone: 'Europe/Paris' },
  song: { kind: 'song', id: 'song', title: 't', artist: 'a' },
} as const;

describe('sensitive', () => {
  // A case or a drawing shows a person: a forgotten line must hide them in safe mode.
  for (const kind of ['case', 'drawing'] as const) {
    it(`a ${kind} is sensitive unless its file says sensitive: false`, () => {
      const schema = itemSchemas[kind];
      expect(schema.parse(unmarked[kind]).sensitive).toBe(true);
      expect(schema.parse({ ...unmarked[kind], sensitive: true }).sensitive).toBe(true);
      expect(schema.parse({ ...unmarked[kind], sensitive: false }).sensitive).toBe(false);
    });
  }

  for (const kind of ['statement', 'action', 'event', 'song'] as const) {
    it(`a ${kind} is not sensitive unless its file says so`, () => {
      const schema = itemSchemas[kind];
      expect(schema.parse(unmarked[kind]).sensitive).toBe(false);
      expect(schema.parse({ ...unmarked[kind], sensitive: true }).sensitive).toBe(true);
    });
  }

  it('refuses anything but true or false', () => {
    expect(itemSchemas.case.safeParse({ ...unmarked.case, sensitive: 'no' }).success).toBe(false);
  });
});

describe('campaignTag on events and playlists', () => {
  it('takes the same shape as the pack’s, and refuses another', () => {
    const tag = { source: 'screens', medium: 'stage', campaign: 'paris' };
    const event = {
      kind: 'event',
      id: 'rally',
      title: 'Rally',
      start: '2024-05-01',
      timeZone: 'Europe/Paris',
    };
    const playlist = { kind: 'playlist', id: 'gig', title: 'Gig', items: ['rally'] };
    expect(eventSchema.parse({ ...event, campaignTag: tag }).campaignTag).toEqual(tag);
    expect(playlistSchema.parse({ ...playlist, campaignTag: tag }).campaignTag).toEqual(tag);
    expect(eventSchema.safeParse({ ...event, campaignTag: { medium: 'x' } }).success).toBe(false);
    expect(playlistSchema.safeParse({ ...playlist, campaignTag: { utm: 'x' } }).success).toBe(
      false,
    );
  });
});

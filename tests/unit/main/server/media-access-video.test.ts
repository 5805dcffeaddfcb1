import { describe, expect, it } from 'vitest';
import { withheldMediaPaths } from '../../../../src/main/server/media-access';
import { playlist, snapshot } from '../show/content-fixtures';

const video = (id: string, extra: Record<string, unknown> = {}): unknown => ({
  kind: 'video',
  id,
  file: `media/videos/${id}.webm`,
  title: `Film ${id}`,
  licence: 'CC BY 4.0',
  poster: `media/videos/${id}.png`,
  subtitles: { en: `media/videos/${id}.en.vtt`, ru: `media/videos/${id}.ru.vtt` },
  ...extra,
});

describe('safe mode and video files', () => {
  const content = snapshot([
    video('open'),
    video('secret', { sensitive: true }),
    playlist('main', ['open', 'secret']),
  ]);

  it('withholds a sensitive video, its still and its subtitles in safe mode', () => {
    const withheld = withheldMediaPaths(content, true);
    expect(withheld).toEqual(
      expect.arrayContaining([
        'media/videos/secret.webm',
        'media/videos/secret.png',
        'media/videos/secret.en.vtt',
        'media/videos/secret.ru.vtt',
      ]),
    );
    expect(withheld.filter((p) => p.includes('/open'))).toEqual([]);
  });

  it('serves them again when safe mode is off', () => {
    expect(withheldMediaPaths(content, false)).toEqual([]);
  });
});

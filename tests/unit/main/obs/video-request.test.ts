import { describe, expect, it } from 'vitest';
import { mustStopVideo, planVideoOnStream } from '../../../../src/main/obs/video-request';
import type { ShowState } from '../../../../src/shared/protocol';
import { showOnAir } from '../../../fixtures/state/show-state';
import { snapshot, statement } from '../show/content-fixtures';

const showState = (overrides: Partial<ShowState> = {}) => showOnAir('s', overrides);

const film = (id: string, extra: Record<string, unknown> = {}) => ({
  kind: 'video',
  id,
  file: `media/videos/${id}.mp4`,
  title: 'Film',
  licence: 'CC BY 4.0',
  language: 'ru',
  subtitles: { ru: `media/videos/${id}.ru.vtt`, en: `media/videos/${id}.en.vtt` },
  ...extra,
});
const pack = snapshot([film('open'), film('hidden', { sensitive: true }), statement('s')], {
  languages: ['en', 'ru'],
});

describe('"Play on stream": whether and how', () => {
  it('plays a video with the original and the stream language, from the start by default', () => {
    const planned = planVideoOnStream(pack, showState(), 'open');
    expect(planned).toMatchObject({
      ok: true,
      plan: { startMs: 0, endMs: null, muted: false, subtitles: { main: 'ru', sub: 'en' } },
    });
  });

  it('takes the range and sound of the entry on air', () => {
    const show = {
      ...showState({ itemId: 'open' }),
      playback: { startMs: 1500, endMs: 9000, muted: true, loop: false },
    };
    expect(planVideoOnStream(pack, show, 'open')).toMatchObject({
      ok: true,
      plan: { startMs: 1500, endMs: 9000, muted: true },
    });
    // Another item's range is not this video's.
    expect(planVideoOnStream(pack, { ...show, itemId: 's' }, 'open')).toMatchObject({
      plan: { startMs: 0, endMs: null, muted: false, loop: false },
    });
  });

  it('loops on the stream when the entry on air loops, and only then', () => {
    const looped = {
      ...showState({ itemId: 'open' }),
      playback: { startMs: 0, endMs: 4000, muted: false, loop: true },
    };
    expect(planVideoOnStream(pack, looped, 'open')).toMatchObject({ plan: { loop: true } });
    expect(
      planVideoOnStream(pack, { ...looped, playback: { ...looped.playback, loop: false } }, 'open'),
    ).toMatchObject({ plan: { loop: false } });
  });

  it('refuses what is not a video, by its id', () => {
    for (const id of ['s', 'nope', '../../etc/passwd']) {
      const planned = planVideoOnStream(pack, showState(), id);
      expect(planned).toMatchObject({ ok: false, error: { key: 'core:obsVideo.notVideo' } });
    }
    expect(planVideoOnStream(null, null, 'open')).toMatchObject({
      ok: false,
      error: { key: 'core:obsVideo.notLoaded' },
    });
  });

  it('never puts a sensitive video on the stream in safe mode, nor anything in blackout', () => {
    expect(planVideoOnStream(pack, showState({ safeMode: true }), 'hidden')).toMatchObject({
      ok: false,
      error: { key: 'core:obsVideo.sensitive' },
    });
    expect(planVideoOnStream(pack, showState({ safeMode: true }), 'open').ok).toBe(true);
    expect(planVideoOnStream(pack, showState({ blackout: true }), 'open')).toMatchObject({
      ok: false,
      error: { key: 'core:obsVideo.blackout' },
    });
  });

  it('takes a playing video off when safe mode or blackout comes on mid-show', () => {
    expect(mustStopVideo(pack, showState(), 'hidden')).toBe(false);
    expect(mustStopVideo(pack, showState({ safeMode: true }), 'hidden')).toBe(true);
    expect(mustStopVideo(pack, showState({ safeMode: true }), 'open')).toBe(false);
    expect(mustStopVideo(pack, showState({ blackout: true }), 'open')).toBe(true);
    // A reload that drops the video takes it off too.
    expect(mustStopVideo(snapshot([statement('s')]), showState(), 'open')).toBe(true);
  });
});

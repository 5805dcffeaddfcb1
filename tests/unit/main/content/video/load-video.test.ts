import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingLanguages, type ContentSnapshot } from '../../../../../src/shared/content';
import { openContentStore, type ContentStore } from '../../../../../src/main/content';
import { copyPack, goodPack } from '../helpers';
import { hasFfmpeg, makeClip } from '../../../../helpers/video-clips';

const open: ContentStore[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

const VTT = 'WEBVTT\n\n00:00:00.500 --> 00:00:01.500\nСвободу Борису Кагарлицкому!\n';

/** The good pack with a 2-second film, its Russian subtitles, and `extra` files on top. */
async function packWithVideo(extra: Record<string, string> = {}): Promise<{
  snapshot: ContentSnapshot;
  pack: string;
}> {
  const copy = await copyPack(goodPack);
  cleanups.push(copy.cleanup);
  await mkdir(path.join(copy.pack, 'media/videos'), { recursive: true });
  await mkdir(path.join(copy.pack, 'videos'), { recursive: true });
  await copyFile(
    makeClip({ format: 'mp4', seconds: 2 }),
    path.join(copy.pack, 'media/videos/kots.mp4'),
  );
  const files: Record<string, string> = {
    'media/videos/kots.ru.vtt': VTT,
    'videos/kots.yaml': [
      'kind: video',
      'file: media/videos/kots.mp4',
      'title: { en: Kots Band live, ru: Аркадий Коц live }',
      'licence: CC BY 4.0',
      'language: ru',
      'subtitles: { ru: media/videos/kots.ru.vtt }',
      '',
    ].join('\n'),
    ...extra,
  };
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(copy.pack, file)), { recursive: true });
    await writeFile(path.join(copy.pack, file), text);
  }
  const store = await openContentStore(copy.pack);
  open.push(store);
  return { snapshot: store.snapshot(), pack: copy.pack };
}

const errorsOf = (snapshot: ContentSnapshot) =>
  snapshot.errors.map((e) => ({ file: e.file, line: e.line, field: e.field, message: e.message }));

describe.skipIf(!hasFfmpeg())('loading a video item', () => {
  it('loads the video, fills snapshot.videos, and tags the video and subtitle files', async () => {
    const { snapshot } = await packWithVideo();
    expect(errorsOf(snapshot)).toEqual([]);
    expect(snapshot.items.find((i) => i.id === 'kots')).toMatchObject({ kind: 'video' });
    expect(snapshot.videos?.['media/videos/kots.mp4']).toMatchObject({
      container: 'mp4',
      videoCodec: 'h264',
      audioCodec: 'aac',
    });
    expect(Object.keys(snapshot.media ?? {})).toEqual(
      expect.arrayContaining(['media/videos/kots.mp4', 'media/videos/kots.ru.vtt']),
    );
  });

  it('warns once for each pack language the subtitles lack', async () => {
    const { snapshot } = await packWithVideo();
    const warnings = missingLanguages(snapshot.pack, snapshot.items).filter(
      (w) => w.file === 'videos/kots.yaml',
    );
    expect(warnings).toEqual([{ file: 'videos/kots.yaml', language: 'en', fields: ['subtitles'] }]);
  });

  it('refuses a text file named .mp4, naming the item field and what the file is', async () => {
    const { snapshot } = await packWithVideo({ 'media/videos/kots.mp4': 'not a film\n' });
    expect(errorsOf(snapshot)).toContainEqual(
      expect.objectContaining({
        file: 'videos/kots.yaml',
        field: 'file',
        message: expect.stringMatching(
          /media\/videos\/kots\.mp4 is not a video: it is a text file/,
        ) as string,
      }),
    );
    expect(snapshot.items.find((i) => i.id === 'kots')).toBeUndefined();
  });

  it('reports a broken subtitle file by its own name and line', async () => {
    const { snapshot } = await packWithVideo({
      'media/videos/kots.ru.vtt': 'WEBVTT\n\n00:00:01.000 --> 00:00:xx.000\nБорис\n',
    });
    expect(errorsOf(snapshot)).toContainEqual({
      file: 'media/videos/kots.ru.vtt',
      line: 3,
      field: '',
      message: 'bad end time "00:00:xx.000"; write it like 00:01:02.500',
    });
  });

  it('reports a missing poster or subtitle file on its field', async () => {
    const { snapshot } = await packWithVideo({
      'videos/kots.yaml': [
        'kind: video',
        'file: media/videos/kots.mp4',
        'title: Kots',
        'licence: CC BY 4.0',
        'poster: media/videos/kots.png',
        'subtitles: { en: media/videos/kots.en.srt }',
        '',
      ].join('\n'),
    });
    const fields = errorsOf(snapshot)
      .filter((e) => e.file === 'videos/kots.yaml')
      .map((e) => e.field);
    expect(fields).toEqual(['poster', 'subtitles.en']);
  });

  it('checks the playlist entry options against the video and the kind', async () => {
    const { snapshot } = await packWithVideo({
      'playlists/films.yaml': [
        'kind: playlist',
        'title: Films',
        'items:',
        '  - { item: kots, start: 1.5, end: 1 }',
        '  - { item: kots, end: 9 }',
        '  - { item: kots, loop: true }',
        '  - { item: ship, muted: true }',
        '  - { item: kots, start: 0.5, end: 1.5, muted: true }',
        '',
      ].join('\n'),
    });
    const problems = errorsOf(snapshot).filter((e) => e.file === 'playlists/films.yaml');
    expect(problems.map((e) => [e.field, e.message])).toEqual([
      ['items.1.start', 'start (1.5 s) must be before end (1 s)'],
      [
        'items.2.end',
        expect.stringMatching(/^end \(9 s\) is past the end of the video \(2(\.\d+)? s\)$/),
      ],
      [
        'items.3.loop',
        'loop needs a duration on this entry or on the playlist, or the video would play forever',
      ],
      ['items.4.muted', 'muted is only for videos; this entry is a drawing'],
    ]);
    const films = snapshot.items.find((i) => i.id === 'films');
    expect(films).toMatchObject({ items: [{ item: 'kots', start: 0.5, end: 1.5, muted: true }] });
  });
});

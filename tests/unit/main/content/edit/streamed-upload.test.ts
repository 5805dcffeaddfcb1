import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentEditor } from '../../../../../src/main/content/edit/editor';
import {
  linkFreeName,
  receiveToTemp,
  saveStreamed,
} from '../../../../../src/main/content/edit/streamed-upload';
import { checkUploadedVideo } from '../../../../../src/main/content/edit/uploaded-video';
import { makeClip } from '../../../../helpers/video-clips';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'streamed-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A body that keeps coming, 64 KiB at a time, as a sender pushing more than it may. */
function endless(chunk = 64 * 1024): Readable & { sent: () => number } {
  let sent = 0;
  const stream = new Readable({
    read() {
      sent += chunk;
      this.push(Buffer.alloc(chunk, 7));
    },
  });
  return Object.assign(stream, { sent: () => sent });
}

describe('receiveToTemp', () => {
  it('cuts a body at the cap mid-stream and leaves no temporary file', async () => {
    const source = endless();
    const result = await receiveToTemp(dir, source, 1024 * 1024);
    expect(result).toEqual({ ok: false, tooLarge: true });
    expect(readdirSync(dir)).toEqual([]);
    // It stopped reading soon after the cap, not at the end of a body that never ends.
    expect(source.sent()).toBeLessThan(4 * 1024 * 1024);
  });

  it('writes a body under the cap whole, under a hidden temporary name', async () => {
    const bytes = Buffer.from('0123456789');
    const result = await receiveToTemp(dir, Readable.from([bytes]), 10);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(path.basename(result.temp)).toMatch(/^\.upload-[0-9a-f]+\.tmp$/);
    expect(readFileSync(result.temp)).toEqual(bytes);
  });
});

describe('linkFreeName', () => {
  it('never overwrites: a taken name gets -2, and the first file keeps its bytes', async () => {
    writeFileSync(path.join(dir, 'talk.mp4'), 'first');
    const received = await receiveToTemp(dir, Readable.from([Buffer.from('second')]), 100);
    if (!received.ok) throw new Error('not received');
    expect(await linkFreeName(received.temp, dir, 'talk', 'mp4')).toBe('talk-2.mp4');
    expect(readFileSync(path.join(dir, 'talk.mp4'), 'utf8')).toBe('first');
    expect(readFileSync(path.join(dir, 'talk-2.mp4'), 'utf8')).toBe('second');
    expect(readdirSync(dir).sort()).toEqual(['talk-2.mp4', 'talk.mp4']);
  });

  it.each(['../escape', 'a/b', 'a\u0000b', '.hidden', 'a..b'])(
    'refuses the unsafe name %j',
    async (name) => {
      writeFileSync(path.join(dir, '.t'), 'x');
      await expect(linkFreeName(path.join(dir, '.t'), dir, name, 'mp4')).rejects.toThrow(/unsafe/);
      expect(readdirSync(path.dirname(dir)).includes('escape.mp4')).toBe(false);
    },
  );

  it.each(['../mp4', 'en/vtt', 'vtt\u0000'])('refuses the unsafe extension %j', async (ext) => {
    writeFileSync(path.join(dir, '.t'), 'x');
    await expect(linkFreeName(path.join(dir, '.t'), dir, 'talk', ext)).rejects.toThrow(/unsafe/);
  });
});

describe('saveStreamed with the video check', () => {
  it('refuses a text file named .mp4 by its bytes and deletes it', async () => {
    const saved = await saveStreamed(
      dir,
      'media/videos',
      Readable.from([Buffer.from('hello, this is not a film\n'.repeat(40))]),
      { name: 'film', maxBytes: 1e6, check: (temp) => checkUploadedVideo(temp, 'film.mp4') },
    );
    expect(saved.status).toBe('refused');
    if (saved.status !== 'refused') return;
    expect(saved.refusal.key).toBe('problems:video.notVideo');
    expect(saved.refusal.message).toMatch(/text file/);
    expect(saved.refusal.params).toMatchObject({ path: 'film.mp4', what: 'text' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps a real WebM named .mp4 under .webm: the bytes decide', async () => {
    const clip = readFileSync(makeClip({ format: 'webm', seconds: 1 }));
    const saved = await saveStreamed(dir, 'media/videos', Readable.from([clip]), {
      name: 'film',
      maxBytes: 1e7,
      check: (temp) => checkUploadedVideo(temp, 'film.mp4'),
    });
    expect(saved).toMatchObject({ status: 'saved', path: 'media/videos/film.webm' });
    expect(readdirSync(dir)).toEqual(['film.webm']);
    expect(readFileSync(path.join(dir, 'film.webm'))).toEqual(clip);
  });
});

describe('the pack writer', () => {
  it('streams a video into media/videos/ and refuses a folder outside the two', async () => {
    writeFileSync(path.join(dir, 'pack.yaml'), 'languages: [en]\ndefaultLanguage: en\n');
    mkdirSync(path.join(dir, 'media'));
    const editor = createContentEditor({ packDir: dir });
    const clip = readFileSync(makeClip({ format: 'mp4', seconds: 1 }));
    const saved = await editor.saveStreamedMedia('videos', Readable.from([clip]), {
      name: 'talk',
      maxBytes: 1e7,
      check: (temp) => checkUploadedVideo(temp, 'talk.mov'),
    });
    expect(saved).toMatchObject({ status: 'saved', path: 'media/videos/talk.mp4' });
    await expect(
      editor.saveStreamedMedia('../x' as 'videos', Readable.from([clip]), {
        name: 'talk',
        maxBytes: 1e7,
        check: (temp) => checkUploadedVideo(temp, 'talk.mp4'),
      }),
    ).rejects.toThrow();
  });
});

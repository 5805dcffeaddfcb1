import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { checkVideo } from '../../../../../src/main/content/video';
import { hasFfmpeg, makeClip } from '../../../../helpers/video-clips';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'video-check-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function place(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** A clip in a codec we refuse, made from the test pattern with ffmpeg (cached by name). */
function refusedClip(name: string, codecs: string[]): string {
  const out = path.join(os.tmpdir(), 'solidarity-test-clips', name);
  if (existsSync(out)) return out;
  const source = makeClip({ format: 'mp4', seconds: 1 });
  const temp = `${out}.${process.pid}.part${path.extname(name)}`;
  execFileSync(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-y', '-i', source, ...codecs, '-t', '1', temp],
    { stdio: 'inherit' },
  );
  execFileSync('mv', ['-f', temp, out]);
  return out;
}

/** Rewrites an MP4's top-level boxes with `moov` last, as cameras and many tools write it. */
function moovLast(bytes: Buffer): Buffer {
  const boxes: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    const size = bytes.readUInt32BE(at);
    boxes.push(bytes.subarray(at, at + size));
    at += size;
  }
  const isMoov = (b: Buffer): boolean => b.toString('latin1', 4, 8) === 'moov';
  return Buffer.concat([...boxes.filter((b) => !isMoov(b)), ...boxes.filter(isMoov)]);
}

const message = async (name: string, bytes: Buffer | string): Promise<string> => {
  const result = await checkVideo(place(name, bytes), `media/${name}`);
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.error.message;
};

describe.skipIf(!hasFfmpeg())('checkVideo: what a video file really is', () => {
  it('reads an MP4 (H.264 + AAC): length, size, codecs', async () => {
    const result = await checkVideo(makeClip({ format: 'mp4', seconds: 2 }), 'media/a.mp4');
    expect(result).toEqual({
      ok: true,
      facts: {
        container: 'mp4',
        videoCodec: 'h264',
        audioCodec: 'aac',
        durationMs: expect.closeTo(2000, -2) as number,
        width: 320,
        height: 180,
      },
    });
  });

  it('reads a silent MP4 as audioCodec null', async () => {
    const result = await checkVideo(makeClip({ format: 'mp4', seconds: 1, audio: false }), 'a.mp4');
    expect(result).toMatchObject({ ok: true, facts: { audioCodec: null } });
  });

  it('finds moov after mdat (not fast-started), seeking rather than reading the file', async () => {
    const bytes = moovLast(readFileSync(makeClip({ format: 'mp4', seconds: 2 })));
    const result = await checkVideo(place('late.mp4', bytes), 'media/late.mp4');
    expect(result).toMatchObject({ ok: true, facts: { container: 'mp4', videoCodec: 'h264' } });
  });

  it('reads a WebM (VP9 + Opus) and a silent one', async () => {
    const withSound = await checkVideo(makeClip({ format: 'webm', seconds: 2 }), 'media/a.webm');
    expect(withSound).toEqual({
      ok: true,
      facts: {
        container: 'webm',
        videoCodec: 'vp9',
        audioCodec: 'opus',
        durationMs: expect.closeTo(2000, -2) as number,
        width: 320,
        height: 180,
      },
    });
    const silent = await checkVideo(
      makeClip({ format: 'webm', seconds: 1, audio: false }),
      'media/b.webm',
    );
    expect(silent).toMatchObject({ ok: true, facts: { audioCodec: null } });
  });

  it('refuses HEVC, VP8 and Vorbis, naming the codec and the file', async () => {
    const hevc = refusedClip('hevc.mp4', ['-c:v', 'libx265', '-preset', 'ultrafast', '-an']);
    const vp8 = refusedClip('vp8.webm', ['-c:v', 'libvpx', '-an']);
    const vorbis = refusedClip('vorbis.webm', [
      '-c:v',
      'libvpx-vp9',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-c:a',
      'vorbis',
      '-strict',
      'experimental',
      '-ac',
      '2',
    ]);
    expect(await message('hevc.mp4', readFileSync(hevc))).toMatch(
      /media\/hevc\.mp4: the picture is HEVC \(H\.265\)/,
    );
    expect(await message('vp8.webm', readFileSync(vp8))).toMatch(
      /media\/vp8\.webm: the picture is VP8/,
    );
    expect(await message('vorbis.webm', readFileSync(vorbis))).toMatch(
      /media\/vorbis\.webm: the sound is Vorbis/,
    );
  }, 120_000);

  it('says a WebM named .mp4 should be renamed', async () => {
    const bytes = readFileSync(makeClip({ format: 'webm', seconds: 1 }));
    expect(await message('real-webm.mp4', bytes)).toBe(
      'media/real-webm.mp4 is a webm video; rename it to .webm',
    );
  });

  it('says a truncated MP4 or WebM is cut short', async () => {
    const mp4 = readFileSync(makeClip({ format: 'mp4', seconds: 2 }));
    expect(await message('cut.mp4', mp4.subarray(0, Math.floor(mp4.length / 2)))).toMatch(
      /^media\/cut\.mp4 is cut short/,
    );
    const webm = readFileSync(makeClip({ format: 'webm', seconds: 2 }));
    expect(await message('cut.webm', webm.subarray(0, 60))).toMatch(
      /^media\/cut\.webm is cut short/,
    );
  });
});

describe('checkVideo: files that are not videos', () => {
  it('names an AVI, an image, a text file and an empty file renamed to .mp4', async () => {
    const avi = Buffer.concat([
      Buffer.from('RIFF\x10\x00\x00\x00AVI LIST', 'latin1'),
      Buffer.alloc(64),
    ]);
    expect(await message('avi.mp4', avi)).toMatch(
      /^media\/avi\.mp4 is not a video: it is an AVI file;/,
    );
    expect(await message('notes.mp4', 'Free Boris Kagarlitsky!\nThe show starts at 8.\n')).toMatch(
      /it is a text file/,
    );
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await message('photo.webm', png)).toMatch(/it is an image/);
    expect(await message('empty.mp4', '')).toMatch(/it is an empty file/);
  });

  it('refuses a Matroska file named .webm and random bytes', async () => {
    // EBML header with DocType "matroska".
    const mkv = Buffer.from([
      0x1a,
      0x45,
      0xdf,
      0xa3,
      0x8b,
      0x42,
      0x82,
      0x88,
      ...Buffer.from('matroska'),
      0x18,
      0x53,
    ]);
    expect(await message('film.webm', mkv)).toMatch(/it is a Matroska \(\.mkv\) file/);
    const noise = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256));
    expect(await message('noise.mp4', noise)).toMatch(/is not a video the screens can play/);
  });

  it('refuses a name that is neither .mp4 nor .webm, and an MP4 whose box sizes lie', async () => {
    expect(await message('film.avi', 'x')).toMatch(/unsupported video type \.avi/);
    // ftyp claiming 4 GiB: a hostile size must not make us read (or allocate) it.
    const liar = Buffer.concat([
      Buffer.from([0xff, 0xff, 0xff, 0xf0]),
      Buffer.from('ftypisom'),
      Buffer.alloc(32),
    ]);
    expect(await message('liar.mp4', liar)).toMatch(
      /is cut short \(it ends inside its ftyp part\)/,
    );
  });

  it('reports an MP4 without moov', async () => {
    const ftyp = Buffer.from([0, 0, 0, 16, ...Buffer.from('ftypisom'), 0, 0, 2, 0]);
    const free = Buffer.from([0, 0, 0, 8, ...Buffer.from('free')]);
    expect(await message('nomoov.mp4', Buffer.concat([ftyp, free]))).toMatch(
      /has no movie header \(moov\)/,
    );
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createChildScaler,
  forkScaleWorker,
  type ChildScaler,
  type ScaleWorker,
} from '../../../../src/main/server/child-scaling';
import { repoRoot } from '../../../helpers/serve';
import { jpegWithGps } from '../content/edit/media-fixtures';

// The real worker, in a real child process, with real sharp: only the TypeScript is compiled
// on the fly (tsx), where the app runs the built out/main/scale-worker.js.
const workerSource = path.join(repoRoot, 'src/main/scale-worker.ts');

let dir: string;
let photo: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ss-child-scale-'));
  photo = path.join(dir, 'photo.jpg');
  const pixels = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: { r: 200, g: 30, b: 40 } },
  })
    .jpeg()
    .toBuffer();
  writeFileSync(photo, pixels);
  writeFileSync(path.join(dir, 'not-an-image.jpg'), 'this is text');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const children: ScaleWorker[] = [];
let scaler: ChildScaler | undefined;
function startScaler(): ChildScaler {
  scaler = createChildScaler(() => {
    const child = forkScaleWorker(workerSource, ['--import', 'tsx']);
    children.push(child);
    return child;
  });
  return scaler;
}
afterEach(() => {
  scaler?.close();
  children.length = 0;
});

describe('scaling in a child process', () => {
  it('makes the same scaled copy sharp makes in process', async () => {
    const { scale } = startScaler();
    const copy = await scale(photo, 'image/jpeg', 640);
    expect(copy).toBeInstanceOf(Buffer);
    const meta = await sharp(copy!).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(640);
    expect(meta.height).toBe(360);
    // Not wider than asked: the file itself is served.
    expect(await scale(photo, 'image/jpeg', 3840)).toBeNull();
    expect(await scale(photo, 'image/svg+xml', 640)).toBeNull();
    expect(children).toHaveLength(1);
  });

  it('answers many requests at once, each with its own copy', async () => {
    const { scale } = startScaler();
    const widths = [320, 640, 960, 1280];
    const copies = await Promise.all(widths.map((w) => scale(photo, 'image/jpeg', w)));
    const got = await Promise.all(copies.map(async (c) => (await sharp(c!).metadata()).width));
    expect(got).toEqual(widths);
  });

  it('a file sharp cannot read is an error for that request only', async () => {
    const { scale } = startScaler();
    await expect(scale(path.join(dir, 'not-an-image.jpg'), 'image/jpeg', 640)).rejects.toThrow();
    expect(await scale(photo, 'image/jpeg', 640)).not.toBeNull();
  });

  it('a child that dies fails what it held, and the next request starts a new one', async () => {
    const { scale } = startScaler();
    await scale(photo, 'image/jpeg', 320);
    const held = scale(photo, 'image/jpeg', 640);
    children[0]!.kill();
    await expect(held).rejects.toThrow(/image scaler stopped/);
    const copy = await scale(photo, 'image/jpeg', 640);
    expect((await sharp(copy!).metadata()).width).toBe(640);
    expect(children).toHaveLength(2);
  });
});

// The desktop app cleans uploads here too: sharp must stay out of Electron's main process.
describe('cleaning uploads in the child process', () => {
  it('a JPEG with GPS comes back without EXIF, from the same child that scales', async () => {
    const { scale, clean } = startScaler();
    await scale(photo, 'image/jpeg', 320);
    const result = await clean(await jpegWithGps(), 'Фото.jpg');
    if (!result.ok) throw new Error(result.refusal.error.message);
    expect(result.upload.bytes).toBeInstanceOf(Buffer);
    expect([result.upload.type, result.upload.baseName, result.upload.extension]).toEqual([
      'jpeg',
      'foto',
      'jpg',
    ]);
    const meta = await sharp(result.upload.bytes).metadata();
    expect([meta.exif, meta.width, meta.height]).toEqual([undefined, 32, 64]);
    expect(children).toHaveLength(1);
  });

  it('a refusal comes back as the refusal, with its sentence', async () => {
    const { clean } = startScaler();
    const result = await clean(Buffer.from('<html></html>'), 'page.png');
    expect(result).toMatchObject({ ok: false, refusal: { status: 415 } });
    expect(!result.ok && result.refusal.error.message).toContain('page.png');
  });
});

// The moments between a child dying and its exit being heard, made certain with a fake child.
describe('a child that dies as a request is sent', () => {
  function fakeChild(post: ScaleWorker['postMessage']) {
    let exit: (code: number | null) => void = () => {};
    const child: ScaleWorker = {
      postMessage: post,
      onMessage: () => {},
      onExit: (listener) => (exit = listener),
      kill: () => exit(null),
    };
    return { child, exit: (code: number | null) => exit(code) };
  }

  it('fails the request its send could not deliver, and nothing else is thrown', async () => {
    const dead = fakeChild((_message, failed) => {
      setImmediate(() => failed(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
    });
    const scaler = createChildScaler(() => dead.child);
    await expect(scaler.scale(photo, 'image/jpeg', 640)).rejects.toThrow(
      /image scaler stopped \(write EPIPE\)/,
    );
    scaler.close();
  });

  it('fails a request handed a child whose exit was already heard, instead of waiting for ever', async () => {
    const sent: unknown[] = [];
    let started = 0;
    const scaler = createChildScaler(() => {
      started += 1;
      // Already dead: its exit is heard as soon as it is listened for, before the send.
      return {
        postMessage: (message) => void sent.push(message),
        onMessage: () => {},
        onExit: (listener) => queueMicrotask(() => listener(1)),
        kill: () => {},
      };
    });
    await expect(scaler.scale(photo, 'image/jpeg', 640)).rejects.toThrow(/image scaler stopped/);
    expect(sent).toEqual([]);
    expect(started).toBe(1);
    scaler.close();
  });
});

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContentEditor } from '../../../../../src/main/content/edit/editor';
import { builtInPackInFolder } from '../../../../helpers/pack-copy';

let root: string;
let packDir: string;
let outside: string;

beforeEach(() => {
  ({ root, packDir } = builtInPackInFolder('ss-pack-images-'));
  outside = mkdtempSync(path.join(tmpdir(), 'ss-outside-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const put = (rel: string, text = 'x') => {
  mkdirSync(path.dirname(path.join(packDir, rel)), { recursive: true });
  writeFileSync(path.join(packDir, rel), text);
};

describe('the pack’s images (GET /api/v1/media)', () => {
  it('lists every image under media/ with the items that name it, and nothing else', async () => {
    put('media/photos/azat.jpg');
    put('media/photos/notes.txt');
    put('media/cover.png');
    put('media/videos/clip.mp4');
    put('media/photos/.hidden.jpg');
    const { images } = await createContentEditor({ packDir }).listImages();
    expect(images).toEqual([
      { path: 'media/cover.png', usedBy: [] },
      { path: 'media/drawings/raised-fist.svg', usedBy: ['placeholder-raised-fist'] },
      { path: 'media/drawings/sailing-ship.svg', usedBy: ['placeholder-sailing-ship'] },
      { path: 'media/drawings/window-and-bird.svg', usedBy: ['placeholder-window-and-bird'] },
      { path: 'media/photos/azat.jpg', usedBy: [] },
    ]);
  });

  it('counts a broken item file that names an image as using it', async () => {
    // No title and no credit: the file does not load, but it still names the drawing, so
    // replacing that drawing would change what the item shows once it is fixed.
    put(
      'drawings/half-done.yaml',
      'id: half-done\nkind: drawing\nimage: media/drawings/raised-fist.svg\n',
    );
    const { images } = await createContentEditor({ packDir }).listImages();
    expect(images.find((i) => i.path === 'media/drawings/raised-fist.svg')?.usedBy).toEqual([
      'half-done',
      'placeholder-raised-fist',
    ]);
  });

  it('leaves out a link that leads out of the pack: the screens would never be sent it', async () => {
    writeFileSync(path.join(outside, 'secret.jpg'), 'x');
    symlinkSync(path.join(outside, 'secret.jpg'), path.join(packDir, 'media', 'secret.jpg'));
    symlinkSync(outside, path.join(packDir, 'media', 'elsewhere'));
    const { images } = await createContentEditor({ packDir }).listImages();
    expect(images.map((i) => i.path).filter((p) => /secret|elsewhere/.test(p))).toEqual([]);
  });
});

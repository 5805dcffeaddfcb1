import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openContentStore } from '../../src/main/content';
import type { PackStore } from '../../src/main/content/types';
import { createObsController, type ObsController } from '../../src/main/obs/index';
import { INPUT_PREFIX, OVERLAY_SCENE } from '../../src/main/obs/overlay-elements';
import { emptyOverlayState, type OverlayState } from '../../src/main/obs/overlay-state';
import { copyPack, goodPack } from '../unit/main/content/helpers';
import { startObs, type ObsInstance } from './harness';
import { screenshot, sleep, tempDataDir, waitFor, type Screenshot } from './helpers';
import { describeWithObs } from './obs-suite';

const DRAWING = `${INPUT_PREFIX}Drawing`;

/** A 240×160 PNG of one colour with some noise, so its image data spans many bytes. */
function drawingPng(rgb: [number, number, number]): Buffer {
  const png = new PNG({ width: 240, height: 160 });
  for (let i = 0; i < png.width * png.height; i++) {
    const noise = (i * 7919) % 23;
    png.data[i * 4] = Math.min(255, rgb[0] + noise);
    png.data[i * 4 + 1] = Math.min(255, rgb[1] + noise);
    png.data[i * 4 + 2] = Math.min(255, rgb[2] + noise);
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** The mean colour of a screenshot's middle row. */
function middleColour(shot: Screenshot): [number, number, number] {
  const y = Math.floor(shot.height / 2);
  const sum = [0, 0, 0];
  for (let x = 0; x < shot.width; x++) {
    for (let c = 0; c < 3; c++) sum[c]! += shot.data[(y * shot.width + x) * 4 + c] ?? 0;
  }
  return sum.map((value) => Math.round(value / shot.width)) as [number, number, number];
}

describeWithObs('drawings in a real OBS come from checked copies', () => {
  let obs: ObsInstance;
  let data: { dir: string; cleanup: () => void };
  let pack: Awaited<ReturnType<typeof copyPack>>;
  let store: PackStore;
  let controller: ObsController;

  beforeAll(async () => {
    obs = await startObs();
    data = tempDataDir();
    pack = await copyPack(goodPack);
    await writeFile(path.join(pack.pack, 'media/ship.png'), drawingPng([200, 20, 20]));
    store = await openContentStore(pack.pack, { watch: true, debounceMs: 30 });
    await store.watching;
    controller = createObsController({
      dataDir: data.dir,
      overlayBaseUrl: 'http://127.0.0.1:4173/?token=t',
      contentDir: pack.pack,
      media: (relPath) => store.media(relPath),
      env: {},
      bridge: { callTimeoutMs: 5_000 },
    });
    const configured = await controller.configure({
      host: '127.0.0.1',
      port: obs.port,
      password: obs.password,
    });
    expect(configured).toMatchObject({ ok: true, value: { state: 'connected' } });
    expect((await controller.setUpOverlays()).ok).toBe(true);
    // On the program, so OBS's image source watches its file as it does during a stream.
    await controller.bridge.call('SetCurrentProgramScene', { sceneName: OVERLAY_SCENE });
  });

  afterAll(async () => {
    await controller?.stop();
    await store?.close();
    await obs?.stop();
    await pack?.cleanup();
    data?.cleanup();
  });

  it('the image source keeps the last good copy when the pack file is truncated, and takes the fix', async () => {
    const packFile = path.join(pack.pack, 'media/ship.png');
    const drawing: OverlayState = {
      ...emptyOverlayState(),
      enabled: { ...emptyOverlayState().enabled, drawing: true },
      drawing: { file: packFile, credit: 'A ship' },
    };
    const fileInObs = async () =>
      String(
        (await controller.bridge.call('GetInputSettings', { inputName: DRAWING })).inputSettings
          .file,
      );
    expect((await controller.setOverlayState(drawing)).ok).toBe(true);
    const good = await fileInObs();
    expect(good).not.toBe(packFile);
    expect(good.startsWith(data.dir)).toBe(true);
    const before = await waitFor('the drawing drawn', async () => {
      const shot = await screenshot(controller.bridge, DRAWING);
      return shot.width === 240 && middleColour(shot)[0] > 150 ? shot : null;
    });

    // Saved half during the show.
    const bytes = await readFile(packFile);
    await truncate(packFile, Math.floor(bytes.length / 2));
    await waitFor('the media error', () => store.snapshot().errors.length > 0);
    await controller.setOverlayState({ ...drawing, drawing: { file: packFile, credit: 'Ship' } });
    // OBS looks at its image file once a second while it is shown.
    await sleep(2_500);
    expect(await fileInObs()).toBe(good);
    const after = await screenshot(controller.bridge, DRAWING);
    expect([after.width, after.height]).toEqual([before.width, before.height]);
    expect(after.data.equals(before.data)).toBe(true);

    // Fixed with a new picture: a new copy, on the stream at once.
    await writeFile(packFile, drawingPng([20, 20, 200]));
    await waitFor('the fix', () => store.snapshot().errors.length === 0);
    await controller.setOverlayState(drawing);
    expect(await fileInObs()).not.toBe(good);
    await waitFor('the fixed drawing drawn', async () => {
      const colour = middleColour(await screenshot(controller.bridge, DRAWING));
      return colour[2] > 150 && colour[0] < 100;
    });
  });
});

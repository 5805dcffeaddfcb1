import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openContentStore } from '../../../../src/main/content';
import { checkedDrawingFiles } from '../../../../src/main/obs/checked-media';
import { OVERLAY_SCENE } from '../../../../src/main/obs/overlay-elements';
import { setUpOverlays } from '../../../../src/main/obs/overlay-scene';
import { emptyOverlayState, type OverlayState } from '../../../../src/main/obs/overlay-state';
import { OverlaySync } from '../../../../src/main/obs/overlay-sync';
import { FakeObs } from './fakes';
import { DRAWING } from './sync-harness';
import { copyPack, goodPack, waitFor } from '../content/helpers';

describe('what each source shows (through OverlaySync)', () => {
  it('a drawing saved broken mid-show never changes the drawing source’s file; a fixed one does at once', async () => {
    const copy = await copyPack(goodPack);
    const store = await openContentStore(copy.pack, { watch: true, debounceMs: 30 });
    try {
      await store.watching;
      const obs = new FakeObs();
      await setUpOverlays(obs.caller(), { overlayBaseUrl: 'http://127.0.0.1:4173/?token=t' });
      const sync = new OverlaySync(obs.caller(), {
        dataDir: copy.dir,
        drawingFile: checkedDrawingFiles({
          obsDir: path.join(copy.dir, 'data', 'obs'),
          contentDir: copy.pack,
          media: (rel) => store.media(rel),
        }),
      });
      const packFile = path.join(copy.pack, 'media/ship.png');
      const drawing: OverlayState = {
        ...emptyOverlayState(),
        enabled: { ...emptyOverlayState().enabled, drawing: true },
        drawing: { file: packFile, credit: 'A ship' },
      };
      const shownFile = () => String(obs.inputs.get(DRAWING)?.settings.file);
      const good = await readFile(packFile);

      expect((await sync.apply(drawing)).ok).toBe(true);
      const first = shownFile();
      expect(first).not.toBe(packFile);
      expect(await readFile(first)).toEqual(good);

      // Saved half mid-show: every later apply, and a full re-send after a reconnect, keeps
      // the file OBS opens, and that file still holds the good picture.
      await writeFile(packFile, good.subarray(0, good.length - 20));
      await waitFor(() => store.snapshot().errors.length > 0, 'the media error');
      await sync.apply({ ...drawing, drawing: { ...drawing.drawing, credit: 'A ship (2)' } });
      await sync.reapply();
      expect(shownFile()).toBe(first);
      expect(await readFile(shownFile())).toEqual(good);
      expect(obs.scenes.get(OVERLAY_SCENE)?.find((i) => i.sourceName === DRAWING)?.enabled).toBe(
        true,
      );

      // Fixed: a new version, so a new file OBS opens with the next apply.
      await writeFile(packFile, good);
      await waitFor(() => store.snapshot().errors.length === 0, 'the fix');
      await sync.apply(drawing);
      expect(shownFile()).not.toBe(first);
      expect(shownFile()).not.toBe(packFile);
      expect(await readFile(shownFile())).toEqual(good);
    } finally {
      await store.close();
      await copy.cleanup();
    }
  });
});

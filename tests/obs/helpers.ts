import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { ObsBridge, type ObsStatus } from '../../src/main/obs/bridge';
import { OVERLAY_SCENE, type ObsCaller } from '../../src/main/obs/overlay-elements';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function tempDataDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'solidarity-obs-data-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Polls until `check` returns a truthy value, or fails with the last value seen. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T> | T,
  timeoutMs = 15_000,
  intervalMs = 100,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      last = await check();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
    }
    await sleep(intervalMs);
  }
}

/** A bridge that records every status it goes through. */
export function recordingBridge(options: ConstructorParameters<typeof ObsBridge>[0] = {}) {
  const statuses: ObsStatus[] = [];
  const logs: string[] = [];
  const bridge = new ObsBridge({ log: (line) => logs.push(line), ...options });
  bridge.onStatus((status) => statuses.push(status));
  return { bridge, statuses, logs };
}

/**
 * Sizes are measured by OBS's render thread whenever it gets to it (a text source starts at
 * 0×0), so they change by themselves; everything the app sets stays in the comparison.
 */
function withoutSizes(transform: Record<string, unknown>): Record<string, unknown> {
  const { width: _w, height: _h, sourceWidth: _sw, sourceHeight: _sh, ...rest } = transform;
  return rest;
}

/** Everything about our scene and its inputs, to compare before and after. */
export async function sceneSnapshot(obs: ObsCaller, sceneName = OVERLAY_SCENE) {
  const { sceneItems } = await obs.call('GetSceneItemList', { sceneName });
  const items = [];
  for (const item of sceneItems) {
    const name = String(item.sourceName);
    const { sceneItemTransform } = await obs.call('GetSceneItemTransform', {
      sceneName,
      sceneItemId: Number(item.sceneItemId),
    });
    const settings =
      item.inputKind === null
        ? null
        : (await obs.call('GetInputSettings', { inputName: name })).inputSettings;
    // The list repeats the transform; the separate request is the one compared.
    const { sceneItemTransform: _repeated, ...itemFields } = item;
    items.push({ item: itemFields, transform: withoutSizes(sceneItemTransform), settings });
  }
  const { inputs } = await obs.call('GetInputList', {});
  const { scenes } = await obs.call('GetSceneList');
  return { items, inputs, scenes };
}

export async function itemEnabled(obs: ObsCaller, inputName: string, sceneName = OVERLAY_SCENE) {
  const { sceneItemId } = await obs.call('GetSceneItemId', { sceneName, sourceName: inputName });
  const { sceneItemEnabled } = await obs.call('GetSceneItemEnabled', { sceneName, sceneItemId });
  return sceneItemEnabled;
}

export async function inputText(obs: ObsCaller, inputName: string): Promise<unknown> {
  const { inputSettings } = await obs.call('GetInputSettings', { inputName });
  return inputSettings.text;
}

export interface Screenshot {
  width: number;
  height: number;
  data: Buffer;
}

export async function screenshot(obs: ObsCaller, sourceName = OVERLAY_SCENE): Promise<Screenshot> {
  const { imageData } = await obs.call(
    'GetSourceScreenshot',
    { sourceName, imageFormat: 'png' },
    { timeoutMs: 10_000 },
  );
  const base64 = imageData.slice(imageData.indexOf(',') + 1);
  const png = PNG.sync.read(Buffer.from(base64, 'base64'));
  return { width: png.width, height: png.height, data: png.data };
}

/** Share of pixels in a box that are not fully transparent. */
export function opaqueShare(
  shot: Screenshot,
  box: { x: number; y: number; width: number; height: number },
): number {
  let opaque = 0;
  let total = 0;
  for (let y = Math.max(0, box.y); y < Math.min(shot.height, box.y + box.height); y++) {
    for (let x = Math.max(0, box.x); x < Math.min(shot.width, box.x + box.width); x++) {
      total += 1;
      if ((shot.data[(y * shot.width + x) * 4 + 3] ?? 0) > 0) opaque += 1;
    }
  }
  return total === 0 ? 0 : opaque / total;
}

/** Decodes a QR code from the screenshot laid over mid-grey, as if over a video. */
export function decodeQr(shot: Screenshot): string | null {
  const rgba = new Uint8ClampedArray(shot.data.length);
  for (let i = 0; i < shot.data.length; i += 4) {
    const alpha = (shot.data[i + 3] ?? 0) / 255;
    for (let c = 0; c < 3; c++) {
      rgba[i + c] = Math.round((shot.data[i + c] ?? 0) * alpha + 128 * (1 - alpha));
    }
    rgba[i + 3] = 255;
  }
  return jsQR(rgba, shot.width, shot.height)?.data ?? null;
}

import { OVERLAY_SCENE, type NativeRole, type ObsCaller } from './overlay-elements';
import { anchorPoint, type Canvas, type Rect, type Size } from './overlay-geometry';
import {
  QR_ANCHOR,
  bandAnchor,
  placePanel,
  qrBeside,
  type PanelPlacement,
  type PlacementContext,
} from './overlay-layout';
import { DEFAULT_ACCENT, hexToObsColour } from './overlay-look';
import { panels, type PanelId } from './overlay-panels';
import type { OverlayState } from './overlay-state';
import { shownSize } from './overlay-text';
import type { TrackedItem } from './tracked-items';

/** What the layout step sends for one item: a band's size, an item's place. */
export interface LayoutChange {
  name: string;
  item: TrackedItem;
  settings?: { key: string; value: Record<string, number> };
  position?: { key: string; value: { positionX: number; positionY: number } };
}

/** How many frames OBS renders before a text source's new size can be read back. */
const MEASURE_FRAMES = 2;
const MEASURE_TIMEOUT_MS = 1_000;

export interface BandFitterOptions {
  /** Item name → the settings last sent, shared with the sync (its text decides the fit). */
  lastSettings: Map<string, string>;
  /** False once a newer state is waiting: its own apply measures again. */
  isLatest: (state: OverlayState) => boolean;
  /** Whether this item is on the stream in this state (switched on and with content). */
  shownOnStream: (role: NativeRole, item: TrackedItem, state: OverlayState) => boolean;
}

/**
 * Fits each band to its lines and places them, as the overlay page does: OBS has no box that
 * grows with its text, and its text sources cannot centre their lines. So the lines are
 * measured once OBS has drawn them (a text source's size changes a frame or two after its
 * text), and the bands sized and the lines placed from that. Only panels whose text or
 * surroundings changed are measured again.
 */
export class BandFitter {
  /** Where each band was last placed, and for which lines and surroundings. */
  private readonly placements = new Map<PanelId, { key: string; placement: PanelPlacement }>();
  private readonly lastPositions = new Map<string, string>();
  private canvas: Canvas | null = null;
  private accent = hexToObsColour(DEFAULT_ACCENT);

  constructor(
    private readonly obs: ObsCaller,
    private readonly options: BandFitterOptions,
  ) {}

  /** The pack's accent colour (`theme.accent`, `#rrggbb`) for the stripes beside the bands. */
  setAccent(hex: string | undefined): void {
    this.accent = hexToObsColour(hex);
  }

  /** Forgets the canvas, the places sent and the fits made; the next fit sends everything. */
  forget(): void {
    this.canvas = null;
    this.lastPositions.clear();
    this.placements.clear();
  }

  /** The sizes and places to send; null when a newer state overtook this one while it waited. */
  async plan(
    state: OverlayState,
    items: Map<string, TrackedItem>,
    textChanged: boolean,
  ): Promise<LayoutChange[] | null> {
    const byRole = new Map<NativeRole, [string, TrackedItem]>();
    for (const [name, item] of items) if (item.role) byRole.set(item.role, [name, item]);
    if (!panels.some((panel) => byRole.has(panel.band))) return [];
    const canvas = await this.canvasSize();
    const shownOnStream = (role: NativeRole) => {
      const entry = byRole.get(role);
      return Boolean(entry && this.options.shownOnStream(role, entry[1], state));
    };

    const changes: LayoutChange[] = [];
    let waited = !textChanged;
    let lowerThird: Rect | null = null;
    // The lower third first: the lyrics go above its band.
    for (const id of ['lowerThird', 'nowPlaying', 'lyrics'] as const) {
      const panel = panels.find((candidate) => candidate.id === id);
      if (!panel || !byRole.has(panel.band) || !shownOnStream(panel.band)) continue;
      const lines = panel.lines.filter((role) => byRole.has(role) && shownOnStream(role));
      const context: PlacementContext = id === 'lyrics' ? { lowerThird } : {};
      const key: string = JSON.stringify([
        lines.map((role) => this.options.lastSettings.get(byRole.get(role)?.[0] ?? '')),
        context,
        this.accent,
      ]);
      let placed = this.placements.get(id);
      if (placed?.key !== key) {
        if (!waited) {
          if (!(await this.framesRendered(MEASURE_FRAMES, state))) return null;
          waited = true;
        }
        const sizes: Partial<Record<NativeRole, Size>> = {};
        for (const role of lines) {
          const entry = byRole.get(role);
          if (entry) sizes[role] = shownSize(role, canvas, await this.measure(entry[1]));
        }
        const placement = placePanel(panel, canvas, sizes, context);
        if (!placement) continue;
        placed = { key, placement };
        this.placements.set(id, placed);
      }
      if (!placed) continue;
      const { placement } = placed;
      if (id === 'lowerThird') {
        lowerThird = placement.band;
        const qr = byRole.get('qr-image');
        if (qr) {
          changes.push(
            this.layoutChange(qr, null, anchorPoint(qrBeside(placement.band, canvas), QR_ANCHOR)),
          );
        }
      }
      const rects: [NativeRole | null, Rect | null][] = [
        [panel.band, placement.band],
        [panel.accent, placement.accent],
      ];
      for (const [role, rect] of rects) {
        const entry = role ? byRole.get(role) : undefined;
        if (!entry || !rect) continue;
        const size: Record<string, number> = { width: rect.width, height: rect.height };
        if (role === panel.accent) size.color = this.accent;
        changes.push(this.layoutChange(entry, size, anchorPoint(rect, bandAnchor(panel))));
      }
      for (const role of lines) {
        const entry = byRole.get(role);
        const position = placement.lines[role];
        if (entry && position) changes.push(this.layoutChange(entry, null, position));
      }
    }
    return changes.filter((change) => change.settings || change.position);
  }

  /** The requests that send a planned change: its size, then its place. */
  steps(change: LayoutChange): (() => Promise<void>)[] {
    return [
      ...(change.settings ? [() => this.setLayoutSettings(change)] : []),
      ...(change.position ? [() => this.setPosition(change)] : []),
    ];
  }

  /** What differs from what OBS was last sent for one item's size and place. */
  private layoutChange(
    [name, item]: [string, TrackedItem],
    settings: Record<string, number> | null,
    position: { positionX: number; positionY: number },
  ): LayoutChange {
    const change: LayoutChange = { name, item };
    if (settings) {
      const key = JSON.stringify(settings);
      if (this.options.lastSettings.get(name) !== key) change.settings = { key, value: settings };
    }
    const key = JSON.stringify(position);
    if (this.lastPositions.get(name) !== key) change.position = { key, value: position };
    return change;
  }

  private async setLayoutSettings(change: LayoutChange): Promise<void> {
    if (!change.settings) return;
    await this.obs.call('SetInputSettings', {
      inputName: change.name,
      inputSettings: change.settings.value,
      overlay: true,
    });
    this.options.lastSettings.set(change.name, change.settings.key);
  }

  private async setPosition(change: LayoutChange): Promise<void> {
    if (!change.position) return;
    await this.obs.call('SetSceneItemTransform', {
      sceneName: OVERLAY_SCENE,
      sceneItemId: change.item.sceneItemId,
      sceneItemTransform: change.position.value,
    });
    this.lastPositions.set(change.name, change.position.key);
  }

  /** A text item's size as OBS last drew it. */
  private async measure(item: TrackedItem): Promise<Size> {
    const { sceneItemTransform } = await this.obs.call('GetSceneItemTransform', {
      sceneName: OVERLAY_SCENE,
      sceneItemId: item.sceneItemId,
    });
    return {
      width: Number(sceneItemTransform.sourceWidth) || 0,
      height: Number(sceneItemTransform.sourceHeight) || 0,
    };
  }

  /**
   * Waits until OBS has rendered `count` frames: it applies new settings to a source on its
   * next frame, so the size read before that is the old text's. False when a newer state
   * arrived meanwhile: its apply measures again, so this one need not.
   */
  private async framesRendered(count: number, state: OverlayState): Promise<boolean> {
    const frames = async () => Number((await this.obs.call('GetStats')).renderTotalFrames);
    const start = await frames();
    const deadline = Date.now() + MEASURE_TIMEOUT_MS;
    while ((await frames()) < start + count && Date.now() < deadline) {
      if (!this.options.isLatest(state)) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.options.isLatest(state);
  }

  private async canvasSize(): Promise<Canvas> {
    if (!this.canvas) {
      const video = await this.obs.call('GetVideoSettings');
      this.canvas = { width: video.baseWidth, height: video.baseHeight };
    }
    return this.canvas;
  }
}

import { ObsCallError } from './bridge';
import {
  BROWSER_KIND,
  OVERLAY_SCENE,
  browserInputs,
  nativeInputs,
  type NativeRole,
  type ObsCaller,
  type ObsOverlayElement,
} from './overlay-elements';
import {
  DEFAULT_ACCENT,
  anchorPoint,
  balanceLines,
  bandAnchor,
  hexToObsColour,
  panelOf,
  panels,
  QR_ANCHOR,
  placePanel,
  qrBeside,
  shownSize,
  type Canvas,
  type PanelId,
  type PanelPlacement,
  type PlacementContext,
  type Rect,
  type Size,
} from './overlay-layout';
import type { OverlayState } from './overlay-state';
import { renderQrPng } from './qr-png';

export interface ApplyReport {
  ok: boolean;
  /** Requests sent to OBS by this apply. */
  sent: number;
  /** A newer state arrived before this one went out, so this one was dropped. */
  superseded?: boolean;
  errors: string[];
}

interface TrackedItem {
  sceneItemId: number;
  element: ObsOverlayElement;
  /** Null for a browser source: its page renders the content, OBS only shows or hides it. */
  role: NativeRole | null;
}

interface Change {
  name: string;
  item: TrackedItem;
  settings?: { key: string; value: Record<string, string | number> };
  enabled?: boolean;
}

/** What the layout step sends for one item: a band's size, an item's place. */
interface LayoutChange {
  name: string;
  item: TrackedItem;
  settings?: { key: string; value: Record<string, number> };
  position?: { key: string; value: { positionX: number; positionY: number } };
}

/** How many frames OBS renders before a text source's new size can be read back. */
const MEASURE_FRAMES = 2;
const MEASURE_TIMEOUT_MS = 1_000;

export interface OverlaySyncOptions {
  dataDir: string;
  /** Renders a QR PNG and returns its absolute path; the default writes into `<dataDir>/obs`. */
  renderQr?: (url: string) => Promise<string>;
  /**
   * True while OBS runs on another computer: its image sources cannot open this computer's
   * files, so they are kept hidden rather than shown blank (or showing a stale picture).
   */
  imagesUnreachable?: () => boolean;
  /** The file OBS opens for a drawing (a checked copy, `checked-media.ts`); null: none to show. */
  drawingFile?: (file: string) => Promise<string | null>;
}

/**
 * Makes OBS show an OverlayState. It remembers what it last sent and sends only what changed,
 * so a lyric advance is one SetInputSettings. After a reconnect (or a setup) call `forget()`
 * and `reapply()`: OBS may have restarted, so everything goes out again.
 */
export class OverlaySync {
  private desired: OverlayState | null = null;
  /** The state the last apply that ran was for: what OBS should hold between applies. */
  private lastRun: OverlayState | null = null;
  private items: Map<string, TrackedItem> | null = null;
  private readonly lastSettings = new Map<string, string>();
  private readonly lastEnabled = new Map<string, boolean>();
  /** Scene item id → our source name, as last seen; a rename in OBS keeps the id. */
  private readonly seenIds = new Map<number, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly renderQr: (url: string) => Promise<string>;
  private readonly imagesUnreachable: () => boolean;
  private readonly drawingFile: (file: string) => Promise<string | null>;
  /** Where each band was last placed, and for which lines and surroundings. */
  private readonly placements = new Map<PanelId, { key: string; placement: PanelPlacement }>();
  private readonly lastPositions = new Map<string, string>();
  private canvas: Canvas | null = null;
  private accent = hexToObsColour(DEFAULT_ACCENT);

  constructor(
    private readonly obs: ObsCaller,
    options: OverlaySyncOptions,
  ) {
    this.renderQr = options.renderQr ?? ((url) => renderQrPng(url, options.dataDir));
    this.imagesUnreachable = options.imagesUnreachable ?? (() => false);
    this.drawingFile = options.drawingFile ?? (async (file) => file);
  }

  /**
   * Whether the current state has this source on the stream; null without a state or for a
   * name that is not ours.
   */
  wanted(name: string, browser: boolean): boolean | null {
    const state = this.lastRun;
    const input = nativeInputs.find((candidate) => candidate.name === name);
    if (!state || !input) return null;
    if (browser) return state.enabled[input.element];
    return state.enabled[input.element] && this.visible(input.role, state);
  }

  /** The state the last apply that ran was for (checks compare OBS with this). */
  applied(): OverlayState | null {
    return this.lastRun;
  }

  /** Scene item id → source name of our items as last seen in OBS. */
  knownItems(): ReadonlyMap<number, string> {
    return this.seenIds;
  }

  /** OBS restarted: its item ids start again and may now belong to someone else's sources. */
  forgetIds(): void {
    this.seenIds.clear();
  }

  /**
   * OBS reports that an item's eye changed (someone at OBS, or our own request). Recording it
   * makes the next apply send what the show wants instead of trusting a stale memory.
   */
  noteEnabled(sceneItemId: number, enabled: boolean): void {
    const name = this.seenIds.get(sceneItemId);
    if (name && this.items?.get(name)?.sceneItemId === sceneItemId) {
      this.lastEnabled.set(name, enabled);
    }
  }

  /** Runs `task` once the applies queued so far are done, so it sees OBS as they left it. */
  whenIdle<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  /** The pack's accent colour (`theme.accent`, `#rrggbb`) for the stripes beside the bands. */
  setAccent(hex: string | undefined): void {
    this.accent = hexToObsColour(hex);
  }

  /** The state the operator expects on the stream, applied or not. */
  current(): OverlayState | null {
    return this.desired;
  }

  /**
   * Applies a state. Calls are serialised; a state that a newer one overtakes while waiting is
   * skipped. Never rejects: failures are in the report, and what failed is retried next time.
   */
  apply(state: OverlayState): Promise<ApplyReport> {
    this.desired = state;
    const run = this.queue.then(() =>
      this.desired === state
        ? this.applyNow(state)
        : { ok: true, sent: 0, superseded: true, errors: [] },
    );
    this.queue = run.catch(() => {});
    return run.catch((error: unknown) => ({ ok: false, sent: 0, errors: [String(error)] }));
  }

  /** Forgets what OBS was sent and where our items are; the next apply sends everything. */
  forget(): void {
    this.items = null;
    this.canvas = null;
    this.lastSettings.clear();
    this.lastEnabled.clear();
    this.lastPositions.clear();
    this.placements.clear();
  }

  reapply(): Promise<ApplyReport> {
    this.forget();
    if (!this.desired) return Promise.resolve({ ok: true, sent: 0, errors: [] });
    return this.apply(this.desired);
  }

  private async applyNow(state: OverlayState): Promise<ApplyReport> {
    this.lastRun = state;
    const report: ApplyReport = { ok: true, sent: 0, errors: [] };
    let items: Map<string, TrackedItem>;
    try {
      items = await this.trackedItems();
    } catch (error) {
      return { ok: false, sent: 0, errors: [describe(error)] };
    }
    if (items.size === 0) {
      return {
        ok: false,
        sent: 0,
        errors: [`"${OVERLAY_SCENE}" has none of the app's sources. Press "Set up overlays".`],
      };
    }

    let changes: Change[];
    try {
      changes = await this.plan(state, items);
    } catch (error) {
      return { ok: false, sent: 0, errors: [`Could not prepare the overlays: ${describe(error)}`] };
    }

    // Hide first, then change content, then fit the bands to the new text, then show: nothing
    // appears with stale content or on a band of the wrong size.
    const hides = changes.filter((c) => c.enabled === false);
    const contents = changes.filter((c) => c.settings);
    const shows = changes.filter((c) => c.enabled === true);
    const steps: (() => Promise<void>)[] = [
      ...hides.map((c) => () => this.setEnabled(c, false)),
      ...contents.map((c) => () => this.setSettings(c)),
    ];
    if (!(await this.runSteps(steps, report))) return report;
    // A newer state is waiting (the operator pressed "next" again): its own apply fits the
    // bands and shows what it shows, so this one stops here rather than hold its text back.
    if (this.desired !== state) return report;
    let layout: LayoutChange[] | null = [];
    try {
      layout = await this.layout(state, items, contents.length > 0);
    } catch (error) {
      report.ok = false;
      report.errors.push(`Could not fit the bands to the text: ${describe(error)}`);
    }
    if (layout === null) return report;
    await this.runSteps(
      [
        ...layout.flatMap((c) => [
          ...(c.settings ? [() => this.setLayoutSettings(c)] : []),
          ...(c.position ? [() => this.setPosition(c)] : []),
        ]),
        ...shows.map((c) => () => this.setEnabled(c, true)),
      ],
      report,
    );
    return report;
  }

  /** Runs steps in order into the report; false when the connection is gone. */
  private async runSteps(steps: (() => Promise<void>)[], report: ApplyReport): Promise<boolean> {
    for (const step of steps) {
      try {
        await step();
        report.sent += 1;
      } catch (error) {
        report.ok = false;
        report.errors.push(describe(error));
        if (error instanceof ObsCallError && error.kind === 'obs' && error.code === 600) {
          // Someone removed one of our items in OBS: look them up again next time.
          this.items = null;
        }
        if (error instanceof ObsCallError && error.kind !== 'obs' && error.kind !== 'timeout') {
          return false; // Not connected: the rest would fail the same way.
        }
      }
    }
    return true;
  }

  /**
   * Fits each band to its lines and places them, as the overlay page does: OBS has no box that
   * grows with its text, and its text sources cannot centre their lines. So the lines are
   * measured once OBS has drawn them (a text source's size changes a frame or two after its
   * text), and the bands sized and the lines placed from that. Only panels whose text or
   * surroundings changed are measured again.
   */
  private async layout(
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
      return Boolean(entry && state.enabled[entry[1].element] && this.visible(role, state));
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
        lines.map((role) => this.lastSettings.get(byRole.get(role)?.[0] ?? '')),
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

  /** What differs from what OBS was last sent for one item's size and place. */
  private layoutChange(
    [name, item]: [string, TrackedItem],
    settings: Record<string, number> | null,
    position: { positionX: number; positionY: number },
  ): LayoutChange {
    const change: LayoutChange = { name, item };
    if (settings) {
      const key = JSON.stringify(settings);
      if (this.lastSettings.get(name) !== key) change.settings = { key, value: settings };
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
    this.lastSettings.set(change.name, change.settings.key);
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
      if (this.desired !== state) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return this.desired === state;
  }

  private async canvasSize(): Promise<Canvas> {
    if (!this.canvas) {
      const video = await this.obs.call('GetVideoSettings');
      this.canvas = { width: video.baseWidth, height: video.baseHeight };
    }
    return this.canvas;
  }

  private async plan(state: OverlayState, items: Map<string, TrackedItem>): Promise<Change[]> {
    const changes: Change[] = [];
    for (const [name, item] of items) {
      const content = item.role ? await this.content(item.role, state) : null;
      const enabled = state.enabled[item.element] && (content ? content.visible : true);
      const change: Change = { name, item };
      // Content is only sent for what will be on screen; a hidden item keeps its old content
      // until it is shown again, which saves a request per advance.
      if (content?.settings && enabled) {
        const key = JSON.stringify(content.settings);
        if (this.lastSettings.get(name) !== key) change.settings = { key, value: content.settings };
      }
      if (this.lastEnabled.get(name) !== enabled) change.enabled = enabled;
      if (change.settings || change.enabled !== undefined) changes.push(change);
    }
    return changes;
  }

  /** Whether a native source has anything to show in this state. */
  private visible(role: NativeRole, state: OverlayState): boolean {
    const has = (text: string) => text.trim() !== '';
    const panel = panelOf(role);
    if (panel && (panel.band === role || panel.accent === role)) {
      return panel.lines.some((line) => this.visible(line, state));
    }
    switch (role) {
      case 'lyrics-text':
        return has(state.lyrics.line);
      case 'lyrics-translation-text':
        return has(state.lyrics.translation);
      case 'lower-third-text':
        return has(state.lowerThird.title);
      case 'lower-third-fact-text':
        return has(state.lowerThird.text);
      case 'now-playing-text':
        return has(state.nowPlaying.title);
      case 'now-playing-artist-text':
        return has(state.nowPlaying.artist);
      case 'drawing-credit-text':
        return has(state.drawing.credit);
      case 'qr-image':
        return Boolean(state.qr.url) && !this.imagesUnreachable();
      case 'drawing-image':
        return Boolean(state.drawing.file) && !this.imagesUnreachable();
      default:
        return false;
    }
  }

  /**
   * What a source shows in this state. Null settings: the source has no content of its own
   * (a band, sized by the layout step).
   */
  private async content(
    role: NativeRole,
    state: OverlayState,
  ): Promise<{ settings: Record<string, string> | null; visible: boolean }> {
    if (!this.visible(role, state)) return { settings: null, visible: false };
    const text = (value: string) => ({ settings: { text: value }, visible: true });
    switch (role) {
      case 'lyrics-text':
        return text(state.lyrics.line);
      case 'lyrics-translation-text':
        return text(state.lyrics.translation);
      // The page sets titles in capitals (`text-transform: uppercase`).
      case 'lower-third-text':
        return text(state.lowerThird.title.toLocaleUpperCase());
      case 'lower-third-fact-text':
        return text(balanceLines(state.lowerThird.text));
      case 'now-playing-text':
        return text(state.nowPlaying.title.toLocaleUpperCase());
      case 'now-playing-artist-text':
        return text(state.nowPlaying.artist);
      case 'drawing-credit-text':
        return text(state.drawing.credit);
      case 'qr-image': {
        const url = state.qr.url;
        if (!url) return { settings: { file: '' }, visible: false };
        return { settings: { file: await this.renderQr(url) }, visible: true };
      }
      case 'drawing-image': {
        const file = state.drawing.file ? await this.drawingFile(state.drawing.file) : null;
        return { settings: { file: file ?? '' }, visible: Boolean(file) };
      }
      default:
        return { settings: null, visible: true };
    }
  }

  private async setEnabled(change: Change, enabled: boolean): Promise<void> {
    await this.obs.call('SetSceneItemEnabled', {
      sceneName: OVERLAY_SCENE,
      sceneItemId: change.item.sceneItemId,
      sceneItemEnabled: enabled,
    });
    this.lastEnabled.set(change.name, enabled);
  }

  private async setSettings(change: Change): Promise<void> {
    if (!change.settings) return;
    await this.obs.call('SetInputSettings', {
      inputName: change.name,
      inputSettings: change.settings.value,
      overlay: true,
    });
    this.lastSettings.set(change.name, change.settings.key);
  }

  private async trackedItems(): Promise<Map<string, TrackedItem>> {
    if (this.items) return this.items;
    let sceneItems: unknown[];
    try {
      ({ sceneItems } = await this.obs.call('GetSceneItemList', { sceneName: OVERLAY_SCENE }));
    } catch (error) {
      if (error instanceof ObsCallError && error.kind === 'obs' && error.code === 600) {
        throw new Error(`OBS has no "${OVERLAY_SCENE}" scene. Press "Set up overlays".`, {
          cause: error,
        });
      }
      throw error;
    }
    const items = new Map<string, TrackedItem>();
    for (const raw of sceneItems) {
      const entry = raw as {
        sourceName?: unknown;
        sceneItemId?: unknown;
        inputKind?: unknown;
        sceneItemEnabled?: unknown;
      };
      const name = String(entry.sourceName);
      const native = nativeInputs.find((input) => input.name === name);
      if (!native) continue;
      const browser = entry.inputKind === BROWSER_KIND;
      // A browser page draws its element whole (credit, bands and all): only the page's
      // own inputs count then.
      if (browser && !browserInputs.some((input) => input.name === name)) continue;
      this.seenIds.set(Number(entry.sceneItemId), name);
      items.set(name, {
        sceneItemId: Number(entry.sceneItemId),
        element: native.element,
        role: browser ? null : native.role,
      });
      // Fresh from OBS, so what it shows now is known without asking again.
      if (typeof entry.sceneItemEnabled === 'boolean') {
        this.lastEnabled.set(name, entry.sceneItemEnabled);
      }
    }
    this.items = items;
    return items;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

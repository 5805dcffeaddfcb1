import { BandFitter, type LayoutChange } from './band-fitting';
import { ObsCallError } from './bridge';
import { LatestStateQueue } from './latest-state-queue';
import { OVERLAY_SCENE, nativeInputs, type NativeRole, type ObsCaller } from './overlay-elements';
import type { OverlayState } from './overlay-state';
import { renderQrPng } from './qr-png';
import { sourceContent, sourceVisible, type SourceContentDeps } from './source-content';
import { readTrackedItems, type TrackedItem } from './tracked-items';

export interface ApplyReport {
  ok: boolean;
  /** Requests sent to OBS by this apply. */
  sent: number;
  /** A newer state arrived before this one went out, so this one was dropped. */
  superseded?: boolean;
  errors: string[];
}

interface Change {
  name: string;
  item: TrackedItem;
  settings?: { key: string; value: Record<string, string | number> };
  enabled?: boolean;
}

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
  private readonly queue = new LatestStateQueue<OverlayState>();
  /** The state the last apply that ran was for: what OBS should hold between applies. */
  private lastRun: OverlayState | null = null;
  private items: Map<string, TrackedItem> | null = null;
  private readonly lastSettings = new Map<string, string>();
  private readonly lastEnabled = new Map<string, boolean>();
  /** Scene item id → our source name, as last seen; a rename in OBS keeps the id. */
  private readonly seenIds = new Map<number, string>();
  private readonly content: SourceContentDeps;
  private readonly bands: BandFitter;

  constructor(
    private readonly obs: ObsCaller,
    options: OverlaySyncOptions,
  ) {
    this.content = {
      renderQr: options.renderQr ?? ((url) => renderQrPng(url, options.dataDir)),
      imagesUnreachable: options.imagesUnreachable ?? (() => false),
      drawingFile: options.drawingFile ?? (async (file) => file),
    };
    this.bands = new BandFitter(obs, {
      lastSettings: this.lastSettings,
      isLatest: (state) => this.queue.isLatest(state),
      shownOnStream: (role, item, state) =>
        state.enabled[item.element] && this.visible(role, state),
    });
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
    return this.queue.whenIdle(task);
  }

  /** The pack's accent colour (`theme.accent`, `#rrggbb`) for the stripes beside the bands. */
  setAccent(hex: string | undefined): void {
    this.bands.setAccent(hex);
  }

  /** The state the operator expects on the stream, applied or not. */
  current(): OverlayState | null {
    return this.queue.latestState();
  }

  /**
   * Applies a state. Calls are serialised; a state that a newer one overtakes while waiting is
   * skipped. Never rejects: failures are in the report, and what failed is retried next time.
   */
  apply(state: OverlayState): Promise<ApplyReport> {
    return this.queue
      .submit(
        state,
        (latest) => this.applyNow(latest),
        (): ApplyReport => ({ ok: true, sent: 0, superseded: true, errors: [] }),
      )
      .catch((error: unknown) => ({ ok: false, sent: 0, errors: [String(error)] }));
  }

  /** Forgets what OBS was sent and where our items are; the next apply sends everything. */
  forget(): void {
    this.items = null;
    this.lastSettings.clear();
    this.lastEnabled.clear();
    this.bands.forget();
  }

  reapply(): Promise<ApplyReport> {
    this.forget();
    const desired = this.queue.latestState();
    if (!desired) return Promise.resolve({ ok: true, sent: 0, errors: [] });
    return this.apply(desired);
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
    if (!this.queue.isLatest(state)) return report;
    let layout: LayoutChange[] | null = [];
    try {
      layout = await this.bands.plan(state, items, contents.length > 0);
    } catch (error) {
      report.ok = false;
      report.errors.push(`Could not fit the bands to the text: ${describe(error)}`);
    }
    if (layout === null) return report;
    await this.runSteps(
      [
        ...layout.flatMap((c) => this.bands.steps(c)),
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

  private async plan(state: OverlayState, items: Map<string, TrackedItem>): Promise<Change[]> {
    const changes: Change[] = [];
    for (const [name, item] of items) {
      const content = item.role ? await sourceContent(item.role, state, this.content) : null;
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

  private visible(role: NativeRole, state: OverlayState): boolean {
    return sourceVisible(role, state, this.content.imagesUnreachable);
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
    const items = new Map<string, TrackedItem>();
    for (const { name, item, enabled } of await readTrackedItems(this.obs)) {
      this.seenIds.set(item.sceneItemId, name);
      items.set(name, item);
      // Fresh from OBS, so what it shows now is known without asking again.
      if (enabled !== undefined) this.lastEnabled.set(name, enabled);
    }
    this.items = items;
    return items;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

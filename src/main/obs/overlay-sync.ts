import { ObsCallError } from './bridge';
import {
  BROWSER_KIND,
  OVERLAY_SCENE,
  nativeInputs,
  type NativeRole,
  type ObsCaller,
  type ObsOverlayElement,
} from './overlay-elements';
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
  settings?: { key: string; value: Record<string, string> };
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

  constructor(
    private readonly obs: ObsCaller,
    options: OverlaySyncOptions,
  ) {
    this.renderQr = options.renderQr ?? ((url) => renderQrPng(url, options.dataDir));
    this.imagesUnreachable = options.imagesUnreachable ?? (() => false);
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
    this.lastSettings.clear();
    this.lastEnabled.clear();
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

    // Hide first, then change content, then show: nothing appears with stale content.
    const hides = changes.filter((c) => c.enabled === false);
    const contents = changes.filter((c) => c.settings);
    const shows = changes.filter((c) => c.enabled === true);
    const steps: (() => Promise<void>)[] = [
      ...hides.map((c) => () => this.setEnabled(c, false)),
      ...contents.map((c) => () => this.setSettings(c)),
      ...shows.map((c) => () => this.setEnabled(c, true)),
    ];
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
          break; // Not connected: the rest would fail the same way.
        }
      }
    }
    return report;
  }

  private async plan(state: OverlayState, items: Map<string, TrackedItem>): Promise<Change[]> {
    const changes: Change[] = [];
    for (const [name, item] of items) {
      const content = item.role ? await this.content(item.role, state) : null;
      const enabled = state.enabled[item.element] && (content ? content.visible : true);
      const change: Change = { name, item };
      // Content is only sent for what will be on screen; a hidden item keeps its old content
      // until it is shown again, which saves a request per advance.
      if (content && enabled) {
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
    switch (role) {
      case 'lyrics-text':
        return lines(state.lyrics.line, state.lyrics.translation) !== '';
      case 'lower-third-text':
        return lines(state.lowerThird.title, state.lowerThird.text) !== '';
      case 'now-playing-text':
        return Boolean(state.nowPlaying.title || state.nowPlaying.artist);
      case 'drawing-credit-text':
        return state.drawing.credit !== '';
      case 'qr-image':
        return Boolean(state.qr.url) && !this.imagesUnreachable();
      case 'drawing-image':
        return Boolean(state.drawing.file) && !this.imagesUnreachable();
    }
  }

  private async content(
    role: NativeRole,
    state: OverlayState,
  ): Promise<{ settings: Record<string, string>; visible: boolean }> {
    if (!this.visible(role, state)) return { settings: {}, visible: false };
    switch (role) {
      case 'lyrics-text': {
        const text = lines(state.lyrics.line, state.lyrics.translation);
        return { settings: { text }, visible: text !== '' };
      }
      case 'lower-third-text': {
        const text = lines(state.lowerThird.title, state.lowerThird.text);
        return { settings: { text }, visible: text !== '' };
      }
      case 'now-playing-text': {
        const { title, artist } = state.nowPlaying;
        const text = title && artist ? `${title} — ${artist}` : title || artist;
        return { settings: { text }, visible: text !== '' };
      }
      case 'drawing-credit-text':
        return { settings: { text: state.drawing.credit }, visible: state.drawing.credit !== '' };
      case 'qr-image': {
        const url = state.qr.url;
        if (!url) return { settings: { file: '' }, visible: false };
        return { settings: { file: await this.renderQr(url) }, visible: true };
      }
      case 'drawing-image': {
        const file = state.drawing.file;
        return { settings: { file: file ?? '' }, visible: Boolean(file) };
      }
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
      // A browser page draws the drawing's credit itself; there is no credit input then.
      if (browser && native.role === 'drawing-credit-text') continue;
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

function lines(...parts: string[]): string {
  return parts.filter((part) => part.trim() !== '').join('\n');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

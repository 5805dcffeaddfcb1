import { ObsCallError, type ObsSocket } from '../../../../src/main/obs/bridge';
import type { ObsCaller } from '../../../../src/main/obs/overlay-elements';

/** Lets pending promise callbacks run (the bridge awaits between steps). */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

class RequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeItem {
  sceneItemId: number;
  sourceName: string;
  enabled: boolean;
  transform: Record<string, unknown>;
}

/**
 * A small in-memory OBS that answers the requests the app sends, with obs-websocket's
 * error codes (600 not found, 601 exists, 605 unknown kind). Enough to test the overlay code
 * without a real OBS, including the browser-source path Debian's OBS cannot take.
 */
export class FakeObs {
  inputKinds: string[] = ['image_source', 'color_source_v3', 'text_ft2_source_v2'];
  platform = 'debian';
  canvas = { width: 1280, height: 720 };
  studioMode = false;
  program = 'Scene';
  preview: string | null = null;
  readonly scenes = new Map<string, FakeItem[]>([['Scene', []]]);
  readonly inputs = new Map<string, { kind: string; settings: Record<string, unknown> }>();
  readonly log: { requestType: string; requestData: Record<string, unknown> }[] = [];
  private nextItemId = 1;
  /**
   * Rendered frames, counted up on every GetStats (OBS renders on its own clock; here a few
   * frames pass between two requests, so nothing waits).
   */
  frames = 0;
  framesPerRequest = 3;
  /**
   * Frames before a source's new settings show in its drawn size. Real OBS applies settings on
   * its next frame, so a size read at once is the old text's; 0 here draws at once.
   */
  renderLag = 0;
  private readonly drawn = new Map<string, Record<string, unknown>>();
  private readonly pending = new Map<string, { settings: Record<string, unknown>; at: number }>();

  /** Requests that changed something, for idempotence checks. */
  writes(): string[] {
    return this.log
      .map((entry) => entry.requestType)
      .filter((type) => /^(Create|Set|Remove)/.test(type));
  }

  handle(requestType: string, data: Record<string, unknown> = {}): unknown {
    this.log.push({ requestType, requestData: data });
    const scene = (name: unknown) => {
      const items = this.scenes.get(String(name));
      if (!items) throw new RequestError(600, `No source was found by the name of \`${name}\`.`);
      return items;
    };
    const item = (sceneName: unknown, id: unknown) => {
      const found = scene(sceneName).find((candidate) => candidate.sceneItemId === id);
      if (!found) throw new RequestError(600, 'No scene items were found.');
      return found;
    };
    const addItem = (sceneName: unknown, sourceName: string, enabled: boolean) => {
      const entry: FakeItem = {
        sceneItemId: this.nextItemId++,
        sourceName,
        enabled,
        transform: { positionX: 0, positionY: 0, scaleX: 1, scaleY: 1, sourceWidth: 0 },
      };
      scene(sceneName).push(entry);
      return { sceneItemId: entry.sceneItemId };
    };
    switch (requestType) {
      case 'GetVersion':
        return {
          obsVersion: '29.0.2',
          obsWebSocketVersion: '5.1.0',
          rpcVersion: 1,
          platform: this.platform,
        };
      case 'GetInputKindList':
        return { inputKinds: [...this.inputKinds] };
      case 'GetVideoSettings':
        return { baseWidth: this.canvas.width, baseHeight: this.canvas.height };
      case 'GetSceneList':
        return {
          currentProgramSceneName: this.program,
          currentPreviewSceneName: this.preview,
          scenes: [...this.scenes.keys()]
            .map((sceneName, index, all) => ({ sceneName, sceneIndex: all.length - 1 - index }))
            .reverse(),
        };
      case 'CreateScene':
        if (this.scenes.has(String(data.sceneName)) || this.inputs.has(String(data.sceneName))) {
          throw new RequestError(601, 'A source already exists by that scene name.');
        }
        this.scenes.set(String(data.sceneName), []);
        return {};
      case 'GetInputList':
        return {
          inputs: [...this.inputs].map(([inputName, input]) => ({
            inputName,
            inputKind: input.kind,
          })),
        };
      case 'CreateInput': {
        const name = String(data.inputName);
        if (!this.inputKinds.includes(String(data.inputKind))) {
          throw new RequestError(605, 'Your specified input kind is not supported by OBS.');
        }
        if (this.inputs.has(name) || this.scenes.has(name)) {
          throw new RequestError(601, 'A source already exists by that input name.');
        }
        this.inputs.set(name, {
          kind: String(data.inputKind),
          settings: structuredClone((data.inputSettings as Record<string, unknown>) ?? {}),
        });
        return addItem(data.sceneName, name, data.sceneItemEnabled !== false);
      }
      case 'GetInputSettings': {
        const input = this.inputs.get(String(data.inputName));
        if (!input) throw new RequestError(600, 'No source was found.');
        return { inputKind: input.kind, inputSettings: structuredClone(input.settings) };
      }
      case 'SetInputSettings': {
        const input = this.inputs.get(String(data.inputName));
        if (!input) throw new RequestError(600, 'No source was found.');
        const next = structuredClone(data.inputSettings as Record<string, unknown>);
        if (this.renderLag > 0 && !this.drawn.has(String(data.inputName))) {
          this.drawn.set(String(data.inputName), structuredClone(input.settings));
        }
        input.settings = data.overlay === false ? next : { ...input.settings, ...next };
        if (this.renderLag > 0) {
          this.pending.set(String(data.inputName), {
            settings: structuredClone(input.settings),
            at: this.frames + this.renderLag,
          });
        }
        return undefined;
      }
      case 'GetSceneItemList':
        return {
          sceneItems: scene(data.sceneName).map((entry, index) => ({
            sceneItemId: entry.sceneItemId,
            sceneItemIndex: index,
            sourceName: entry.sourceName,
            sceneItemEnabled: entry.enabled,
            inputKind: this.inputs.get(entry.sourceName)?.kind ?? null,
          })),
        };
      case 'CreateSceneItem': {
        const source = String(data.sourceName);
        if (!this.inputs.has(source) && !this.scenes.has(source)) {
          throw new RequestError(600, 'No source was found.');
        }
        return addItem(data.sceneName, source, data.sceneItemEnabled !== false);
      }
      case 'GetSceneItemId': {
        const found = scene(data.sceneName).find((entry) => entry.sourceName === data.sourceName);
        if (!found) throw new RequestError(600, 'No scene items were found.');
        return { sceneItemId: found.sceneItemId };
      }
      case 'GetSceneItemTransform': {
        const entry = item(data.sceneName, data.sceneItemId);
        return { sceneItemTransform: { ...entry.transform, ...this.measure(entry.sourceName) } };
      }
      case 'SetSceneItemIndex': {
        const items = scene(data.sceneName);
        const entry = item(data.sceneName, data.sceneItemId);
        items.splice(items.indexOf(entry), 1);
        items.splice(Number(data.sceneItemIndex), 0, entry);
        return undefined;
      }
      case 'GetStats':
        this.frames += this.framesPerRequest;
        for (const [name, entry] of this.pending) {
          if (entry.at > this.frames) continue;
          this.drawn.set(name, entry.settings);
          this.pending.delete(name);
        }
        return { renderTotalFrames: this.frames };
      case 'SetSceneItemTransform': {
        const entry = item(data.sceneName, data.sceneItemId);
        entry.transform = {
          ...entry.transform,
          ...(data.sceneItemTransform as Record<string, unknown>),
        };
        return undefined;
      }
      case 'GetSceneItemEnabled':
        return { sceneItemEnabled: item(data.sceneName, data.sceneItemId).enabled };
      case 'SetSceneItemEnabled':
        item(data.sceneName, data.sceneItemId).enabled = Boolean(data.sceneItemEnabled);
        return undefined;
      case 'SetInputName': {
        const from = String(data.inputName);
        const to = String(data.newInputName);
        const input = this.inputs.get(from);
        if (!input) throw new RequestError(600, 'No source was found.');
        if (this.inputs.has(to) || this.scenes.has(to)) {
          throw new RequestError(601, 'A source already exists by that new input name.');
        }
        this.inputs.delete(from);
        this.inputs.set(to, input);
        for (const items of this.scenes.values()) {
          for (const entry of items) if (entry.sourceName === from) entry.sourceName = to;
        }
        return undefined;
      }
      case 'RemoveInput': {
        const name = String(data.inputName);
        if (!this.inputs.delete(name)) throw new RequestError(600, 'No source was found.');
        for (const [sceneName, items] of this.scenes) {
          this.scenes.set(
            sceneName,
            items.filter((entry) => entry.sourceName !== name),
          );
        }
        return undefined;
      }
      case 'RemoveSceneItem': {
        const items = scene(data.sceneName);
        item(data.sceneName, data.sceneItemId);
        this.scenes.set(
          String(data.sceneName),
          items.filter((entry) => entry.sceneItemId !== data.sceneItemId),
        );
        return undefined;
      }
      case 'RemoveScene':
        scene(data.sceneName);
        this.scenes.delete(String(data.sceneName));
        return undefined;
      case 'GetStudioModeEnabled':
        return { studioModeEnabled: this.studioMode };
      case 'SetCurrentProgramScene':
        scene(data.sceneName);
        this.program = String(data.sceneName);
        return undefined;
      case 'SetCurrentPreviewScene':
        if (!this.studioMode) throw new RequestError(506, 'Studio mode is not active.');
        scene(data.sceneName);
        this.preview = String(data.sceneName);
        return undefined;
      default:
        throw new RequestError(204, `Your request type is not valid: ${requestType}`);
    }
  }

  /**
   * A source's drawn size: a text source's from its text (half its font size per character,
   * 1.25 of it per line), a colour source's from its settings.
   */
  measure(name: string): { sourceWidth: number; sourceHeight: number } {
    const settings = this.drawn.get(name) ?? this.inputs.get(name)?.settings ?? {};
    if (typeof settings.text === 'string') {
      const size = Number((settings.font as { size?: number } | undefined)?.size ?? 32);
      const lines = settings.text === '' ? [] : settings.text.split('\n');
      return {
        sourceWidth: Math.round(Math.max(0, ...lines.map((line) => line.length)) * size * 0.5),
        sourceHeight: Math.round(lines.length * size * 1.25),
      };
    }
    return {
      sourceWidth: Number(settings.width ?? 0),
      sourceHeight: Number(settings.height ?? 0),
    };
  }

  /** The ObsCaller the overlay modules take: answers at once, errors like the bridge's. */
  caller(): ObsCaller {
    return {
      call: (async (requestType: string, requestData?: object) => {
        try {
          return this.handle(requestType, requestData as Record<string, unknown>);
        } catch (error) {
          const code = (error as RequestError).code;
          const message = `OBS refused ${requestType}: ${(error as Error).message}`;
          throw new ObsCallError('obs', requestType, message, code);
        }
      }) as ObsCaller['call'],
    };
  }
}

type ConnectOutcome =
  | { kind: 'ok' }
  | { kind: 'error'; code: number; message: string }
  /** Never settles, like a host that swallows packets. */
  | { kind: 'hang' };

/**
 * Stands in for obs-websocket-js. Like the real library, a call whose answer never comes
 * never settles; tests decide when OBS answers (`answerCalls`) and when the socket closes.
 */
export class FakeSocket implements ObsSocket {
  readonly listeners = new Map<string, ((payload: unknown) => void)[]>();
  readonly calls: { requestType: string; requestData?: object }[] = [];
  // Private, so printing the bridge (which holds this socket) cannot show the password the
  // test passed; the real library keeps no copy either.
  #connectArgs: { url: string; password: string | undefined } | null = null;
  disconnected = false;

  get connectArgs() {
    return this.#connectArgs;
  }

  constructor(
    private readonly outcome: ConnectOutcome,
    private readonly obs: FakeObs | null,
    private readonly answerCalls: () => boolean,
  ) {}

  async connect(url: string, password: string | undefined) {
    this.#connectArgs = { url, password };
    if (this.outcome.kind === 'hang') return new Promise<never>(() => {});
    if (this.outcome.kind === 'error') {
      throw Object.assign(new Error(this.outcome.message), { code: this.outcome.code });
    }
    return { obsWebSocketVersion: '5.1.0', negotiatedRpcVersion: 1 };
  }

  async disconnect() {
    this.disconnected = true;
  }

  call(requestType: string, requestData?: object): Promise<unknown> {
    this.calls.push({ requestType, requestData });
    if (!this.answerCalls()) return new Promise(() => {});
    try {
      const answer = this.obs
        ? this.obs.handle(requestType, requestData as Record<string, unknown>)
        : {};
      return Promise.resolve(answer);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  on(event: string, listener: (payload: unknown) => void) {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
  }

  removeAllListeners() {
    this.listeners.clear();
  }

  emit(event: string, payload?: unknown) {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }

  /** The server went away: obs-websocket-js emits ConnectionClosed with the close code. */
  close(code = 1006) {
    this.emit('ConnectionClosed', Object.assign(new Error(''), { code }));
  }
}

/** A socket factory whose next outcomes the test queues; remembers every socket it made. */
export class SocketFactory {
  readonly sockets: FakeSocket[] = [];
  private readonly queue: ConnectOutcome[] = [];
  answer = true;

  constructor(readonly obs: FakeObs | null = null) {}

  next(...outcomes: ConnectOutcome[]): this {
    this.queue.push(...outcomes);
    return this;
  }

  create = (): FakeSocket => {
    const socket = new FakeSocket(
      this.queue.shift() ?? { kind: 'ok' },
      this.obs,
      () => this.answer,
    );
    this.sockets.push(socket);
    return socket;
  };

  last(): FakeSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('no socket yet');
    return socket;
  }
}

export const refused = (port = 4455): ConnectOutcome => ({
  kind: 'error',
  code: -1,
  message: `connect ECONNREFUSED 127.0.0.1:${port}`,
});
export const authFailed: ConnectOutcome = {
  kind: 'error',
  code: 4009,
  message: 'Authentication failed.',
};

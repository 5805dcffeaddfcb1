import WebSocket from 'ws';
import type { ObsInfo, ServerMessage } from '../../src/shared/protocol';

/**
 * An operator console as a plain WebSocket: keeps every message, sends commands and waits for
 * their results. Used by the core-with-OBS tests and the OBS latency bench.
 */
export class OperatorClient {
  readonly messages: ServerMessage[] = [];
  private readonly ws: WebSocket;
  private readonly waiters = new Set<() => void>();
  private nextId = 1;
  readonly opened: Promise<void>;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('message', (data: WebSocket.RawData) => {
      this.messages.push(JSON.parse(data.toString()) as ServerMessage);
      for (const waiter of [...this.waiters]) waiter();
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  static forCore(core: { server: { port: number; tokens: { operator: string } } }) {
    const { port, tokens } = core.server;
    return new OperatorClient(`ws://127.0.0.1:${port}/ws?role=operator&token=${tokens.operator}`);
  }

  /** Waits until a message matches (earlier ones count too). */
  waitFor<T>(
    what: string,
    pick: (message: ServerMessage) => T | undefined,
    timeoutMs = 15_000,
    from = 0,
  ): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = from; i < this.messages.length; i++) {
          const found = pick(this.messages[i] as ServerMessage);
          if (found !== undefined) {
            done();
            resolve(found);
            return true;
          }
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(listener);
      };
      const listener = () => void check();
      if (check()) return;
      this.waiters.add(listener);
    });
  }

  /** The latest `obs` message that satisfies `test`, from now or already received. */
  waitForObs(what: string, test: (obs: ObsInfo) => boolean, timeoutMs = 15_000): Promise<ObsInfo> {
    return this.waitFor(
      what,
      (m) => (m.type === 'obs' && test(m.obs) ? m.obs : undefined),
      timeoutMs,
    );
  }

  lastObs(): ObsInfo | null {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const message = this.messages[i] as ServerMessage;
      if (message.type === 'obs') return message.obs;
    }
    return null;
  }

  /** Sends a command and resolves with its result. */
  async command(command: object, timeoutMs = 15_000): Promise<{ ok: boolean; error?: string }> {
    const requestId = `t${this.nextId++}`;
    const from = this.messages.length;
    this.ws.send(JSON.stringify({ type: 'command', requestId, command }));
    return this.waitFor(
      `the result of ${JSON.stringify(command)}`,
      (m) =>
        m.type === 'result' && m.requestId === requestId
          ? { ok: m.ok, error: m.ok ? undefined : m.error.message }
          : undefined,
      timeoutMs,
      from,
    );
  }

  /** Sends a command without waiting (for timing the path from the key press). */
  send(command: object): void {
    this.ws.send(JSON.stringify({ type: 'command', requestId: `t${this.nextId++}`, command }));
  }

  close(): void {
    this.ws.close();
  }
}

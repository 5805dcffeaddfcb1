import {
  clientMessageSchema,
  coreText,
  type Command,
  type LocalizedText,
  type Result,
} from '../../shared/protocol';

let requestCounter = 0;
function newRequestId(): string {
  // Not crypto.randomUUID: it only exists in secure contexts, and a phone on the venue
  // LAN reaches us over plain http.
  requestCounter += 1;
  return `r${requestCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The socket as command sending needs it: null while not connected and welcomed. */
export type OpenSocket = () => { send(data: string): void } | null;

/** Commands in flight, each answered by the core's `result` with its requestId, or by a timeout. */
export interface CommandSender {
  send(command: Command, timeoutMs: number): Promise<Result>;
  /** The core's answer to one request; an unknown or late id is ignored. */
  answer(requestId: string, result: Result): void;
  /** Fails every command in flight, e.g. when the connection drops. */
  settleAll(error: LocalizedText): void;
}

export function createCommandSender(openSocket: OpenSocket): CommandSender {
  const pending = new Map<
    string,
    { resolve: (result: Result) => void; timer: ReturnType<typeof setTimeout> }
  >();

  return {
    send(command, timeoutMs) {
      const requestId = newRequestId();
      const message = clientMessageSchema.safeParse({ type: 'command', requestId, command });
      if (!message.success) {
        return Promise.resolve({
          ok: false,
          error: coreText('command.invalidCommand', { detail: message.error.message }),
        });
      }
      const ws = openSocket();
      if (!ws) return Promise.resolve({ ok: false, error: coreText('command.notConnected') });
      return new Promise<Result>((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(requestId);
          resolve({ ok: false, error: coreText('command.noAnswer', { ms: timeoutMs }) });
        }, timeoutMs);
        pending.set(requestId, { resolve, timer });
        try {
          ws.send(JSON.stringify(message.data));
        } catch (error) {
          clearTimeout(timer);
          pending.delete(requestId);
          resolve({
            ok: false,
            error: coreText('command.couldNotSend', { detail: String(error) }),
          });
        }
      });
    },
    answer(requestId, result) {
      const entry = pending.get(requestId);
      if (!entry) return;
      clearTimeout(entry.timer);
      pending.delete(requestId);
      entry.resolve(result);
    },
    settleAll(error) {
      for (const [id, entry] of pending) {
        clearTimeout(entry.timer);
        entry.resolve({ ok: false, error });
        pending.delete(id);
      }
    },
  };
}

import type { Clock } from '../../shared/time';
import type { ObsRequestType, ObsResponseData, ObsSocket } from './obs-socket';
import { formatSeconds, ObsCallError, type ObsCallErrorKind } from './obs-status';

interface Pending {
  requestType: string;
  reject(error: ObsCallError): void;
}

/**
 * The calls in flight to OBS. obs-websocket-js leaves a call unsettled when OBS dies; here
 * every call has a timeout and can be rejected at once when the socket closes.
 */
export class PendingCalls {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(
    private readonly clock: Clock,
    /** Takes the password out of any text that leaves the bridge. */
    private readonly redact: (text: string) => string,
  ) {}

  send<R extends ObsRequestType>(
    socket: ObsSocket,
    requestType: R,
    requestData: object | undefined,
    timeoutMs: number,
  ): Promise<ObsResponseData<R>> {
    const id = this.nextId++;
    return new Promise<ObsResponseData<R>>((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        this.clock.clearTimeout(timer);
        this.pending.delete(id);
        settle();
      };
      const timer = this.clock.setTimeout(() => {
        finish(() =>
          reject(
            new ObsCallError(
              'timeout',
              requestType,
              `OBS did not answer ${requestType} within ${formatSeconds(timeoutMs)}.`,
            ),
          ),
        );
      }, timeoutMs);
      this.pending.set(id, { requestType, reject: (error) => finish(() => reject(error)) });
      let sent: Promise<unknown>;
      try {
        sent = socket.call(requestType, requestData);
      } catch (error) {
        sent = Promise.reject(error);
      }
      sent.then(
        (value) => finish(() => resolve(value as ObsResponseData<R>)),
        (error: unknown) => finish(() => reject(this.callError(requestType, error))),
      );
    });
  }

  /** Fails every call in flight with `why`. */
  rejectAll(kind: ObsCallErrorKind, why: string): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const entry of all) {
      entry.reject(
        new ObsCallError(kind, entry.requestType, `${entry.requestType} got no answer: ${why}.`),
      );
    }
  }

  private callError(requestType: string, error: unknown): ObsCallError {
    const code = (error as { code?: unknown })?.code;
    const text = this.redact(error instanceof Error ? error.message : String(error));
    // Request status codes start at 100; -1 and close codes mean the socket went away.
    if (typeof code === 'number' && code >= 100 && code < 1000) {
      return new ObsCallError('obs', requestType, `OBS refused ${requestType}: ${text}`, code);
    }
    return new ObsCallError('closed', requestType, `${requestType} failed: ${text}`);
  }
}

import WebSocket from 'ws';
import type { Command, ShowState } from '../../src/shared/protocol';

export interface OperatorClient {
  send(command: Command): Promise<{ ok: boolean; error?: string }>;
  /** The last show state the core sent: after `send` resolves, the state that command made. */
  show(): ShowState;
  close(): void;
}

/**
 * Plays the operator console from a test: connects with the operator link's token and sends
 * commands, resolving with the core's result.
 */
export async function connectOperator(operatorUrl: string): Promise<OperatorClient> {
  const url = new URL(operatorUrl);
  const socketUrl = `ws://${url.host}/ws?role=operator&token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`;
  const ws = new WebSocket(socketUrl);
  const waiting = new Map<string, (result: { ok: boolean; error?: string }) => void>();
  let counter = 0;
  let latest: ShowState | null = null;

  await new Promise<void>((resolveWelcome, reject) => {
    const timer = setTimeout(
      () => reject(new Error('no welcome and show state from the core within 5 s')),
      5_000,
    );
    let welcomed = false;
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        type: string;
        requestId?: string;
        ok?: boolean;
        error?: string;
        show?: ShowState;
      };
      // The core sends the new state before the command's result, so this is current by then.
      if (message.type === 'show' && message.show) latest = message.show;
      if (message.type === 'welcome') welcomed = true;
      if (welcomed && latest) {
        clearTimeout(timer);
        resolveWelcome();
      }
      if (message.type === 'result' && message.requestId) {
        waiting.get(message.requestId)?.({ ok: message.ok === true, error: message.error });
        waiting.delete(message.requestId);
      }
    });
    ws.once('close', (code, reason) => {
      clearTimeout(timer);
      reject(new Error(`operator socket closed: ${code} ${String(reason)}`));
    });
  });

  return {
    send(command) {
      const requestId = `test-${++counter}`;
      return new Promise((resolveResult) => {
        waiting.set(requestId, resolveResult);
        ws.send(JSON.stringify({ type: 'command', requestId, command }));
      });
    },
    show() {
      if (!latest) throw new Error('the core has sent no show state yet');
      return latest;
    },
    close: () => ws.close(),
  };
}

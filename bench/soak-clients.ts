// The soak's side of the sockets and the IPC channel: a core process with 3 displays, an overlay
// and an operator connected as raw `ws` clients, every message parsed with the protocol's
// `serverMessageSchema`.
import { fork, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { serverMessageSchema, type Command } from '../src/shared/protocol';
import { SOAK_CORE, type CoreReply, type CoreRequest, type Sample } from './soak-core';

export interface Client {
  name: string;
  ws: WebSocket;
  /** Show states with a new `sequence` (a new item on air) received. */
  transitions: number;
  lastSequence: number | null;
  messages: number;
  protocolErrors: string[];
  /** For the operator: command results by request id. */
  waiting: Map<string, (result: { ok: boolean; error?: string }) => void>;
  onTransition?: () => void;
}

function connect(url: string, role: string, token: string, name: string): Promise<Client> {
  const base = new URL(url);
  const ws = new WebSocket(`ws://${base.host}/ws?role=${role}&token=${encodeURIComponent(token)}`, {
    origin: base.origin,
  });
  const client: Client = {
    name,
    ws,
    transitions: 0,
    lastSequence: null,
    messages: 0,
    protocolErrors: [],
    waiting: new Map(),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name}: no welcome within 5 s`)), 5_000);
    ws.on('message', (data) => {
      client.messages++;
      let raw: unknown;
      try {
        raw = JSON.parse(String(data));
      } catch (error) {
        client.protocolErrors.push(`not JSON: ${String(error)}`);
        return;
      }
      const parsed = serverMessageSchema.safeParse(raw);
      if (!parsed.success) {
        client.protocolErrors.push(parsed.error.message.slice(0, 300));
        return;
      }
      const message = parsed.data;
      if (message.type === 'welcome') {
        clearTimeout(timer);
        resolve(client);
      } else if (message.type === 'show') {
        const sequence = message.show.sequence;
        if (client.lastSequence !== null && sequence !== client.lastSequence) {
          client.transitions += Math.max(0, sequence - client.lastSequence);
          if (sequence < client.lastSequence) {
            client.protocolErrors.push(`sequence went back: ${client.lastSequence} → ${sequence}`);
          }
          client.lastSequence = sequence;
          client.onTransition?.();
        } else if (client.lastSequence === null) {
          client.lastSequence = sequence;
        }
      } else if (message.type === 'result') {
        client.waiting.get(message.requestId)?.(
          message.ok ? { ok: true } : { ok: false, error: message.error.message },
        );
        client.waiting.delete(message.requestId);
      }
    });
    ws.once('error', (error) => client.protocolErrors.push(`socket error: ${error.message}`));
    ws.once('close', (code) => {
      if (code !== 1000 && code !== 1005) client.protocolErrors.push(`closed with ${code}`);
    });
  });
}

let requestCounter = 0;
function command(client: Client, cmd: Command): Promise<{ ok: boolean; error?: string }> {
  const requestId = `soak-${++requestCounter}`;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      client.waiting.delete(requestId);
      resolve({ ok: false, error: 'no result within 5 s' });
    }, 5_000);
    client.waiting.set(requestId, (result) => {
      clearTimeout(timer);
      resolve(result);
    });
    client.ws.send(JSON.stringify({ type: 'command', requestId, command: cmd }));
  });
}

export function coreRequest<T extends CoreReply['type']>(
  child: ChildProcess,
  request: CoreRequest,
  expect: T,
): Promise<Extract<CoreReply, { type: T }>> {
  return new Promise((resolve) => {
    const onMessage = (reply: CoreReply) => {
      if (reply.type === expect) {
        child.off('message', onMessage);
        resolve(reply as Extract<CoreReply, { type: T }>);
      }
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

/** Forks bench/soak-core.ts with `args`; `ready` resolves with its URL and tokens. */
export function startProcess(args: string[], v8Flags: readonly string[] = []) {
  const child = fork(SOAK_CORE, args, {
    execArgv: ['--expose-gc', ...v8Flags, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<Extract<CoreReply, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`${args[0]} exited (${code}) before it was ready`)),
    );
    const onMessage = (reply: CoreReply) => {
      if (reply.type === 'ready') {
        child.off('message', onMessage);
        resolve(reply);
      }
    };
    child.on('message', onMessage);
  });
  return { child, ready };
}

export interface Session {
  child: ChildProcess;
  viewers: Client[];
  operator: Client;
  /** The first display: what "transitions so far" is counted on. */
  reference: Client;
  commandsSent: () => number;
  commandFailures: string[];
  run(cmd: Command): Promise<void>;
  untilTransitions(count: number, deadline: number): Promise<void>;
  sample(): Promise<Sample>;
  /** Closes the sockets and stops the core. */
  close(): Promise<void>;
}

/** A core on `pack` (with extra V8 flags, if any) and its five clients. */
export async function openSession(pack: string, v8Flags: readonly string[] = []) {
  const { child, ready: coreReady } = startProcess(['--core', pack], v8Flags);
  const ready = await coreReady;
  const { tokens } = ready;
  const displays = await Promise.all(
    [1, 2, 3].map((n) => connect(ready.url, 'display', tokens.display ?? '', `display ${n}`)),
  );
  const overlay = await connect(ready.url, 'overlay', tokens.overlay ?? '', 'overlay');
  const operator = await connect(ready.url, 'operator', tokens.operator ?? '', 'operator');
  const reference = displays[0] as Client;
  const commandFailures: string[] = [];
  let sent = 0;
  const session: Session = {
    child,
    viewers: [...displays, overlay],
    operator,
    reference,
    commandsSent: () => sent,
    commandFailures,
    async run(cmd) {
      sent++;
      const result = await command(operator, cmd);
      if (!result.ok) commandFailures.push(`${cmd.name}: ${result.error ?? 'refused'}`);
    },
    async untilTransitions(count, deadline) {
      while (reference.transitions < count) {
        if (Date.now() > deadline) throw new Error('past the soak deadline');
        await new Promise<void>((resolve) => {
          reference.onTransition = resolve;
          setTimeout(resolve, 200);
        });
      }
    },
    async sample() {
      return (await coreRequest(child, { type: 'sample' }, 'sample')).sample;
    },
    async close() {
      for (const c of [...session.viewers, operator]) c.ws.close(1000);
      await coreRequest(child, { type: 'stop' }, 'stopped');
    },
  };
  return session;
}

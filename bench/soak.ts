// `npm run soak`: a report, not a pass/fail test (it exits 1 only when a target is missed).
//
// 10,000 transitions at short durations with 3 displays and an overlay connected and the
// operator advancing lyrics. What "transitions at short durations" means here: the built-in
// pack, copied to a temp folder, with the main playlist's duration set to SLIDE_SECONDS, so the
// core's own slide timer moves the show on (the engine's real path, not `next` commands). Every
// LYRICS_EVERY transitions the operator starts the Internationale, advances it LYRICS_LINES
// lines with `lyricsNext` and ends it, which puts the song on air and takes it off (two more
// transitions, counted like the others).
//
// The core runs in its own Node process (this file with `--core`), started with `startCore` in
// that process, so its `process.memoryUsage()` and `monitorEventLoopDelay` are the core's alone:
// the clients' JSON and zod parsing would otherwise count as the core's heap and loop lag.
// The clients are raw `ws` sockets, not Chromium pages: four headless pages re-rendering 10,000
// slides on two cores would measure Chromium, not the core, and would not fit in 4 minutes.
// Every message each client receives is parsed with the protocol's `serverMessageSchema`.
import { fork, type ChildProcess } from 'node:child_process';
import { writeResultsSection } from './results-file';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { serverMessageSchema, type Command } from '../src/shared/protocol';

const TRANSITIONS = 10_000;
const SLIDE_SECONDS = 0.01;
const LYRICS_EVERY = 250;
const LYRICS_LINES = 6;
const WARMUP_TRANSITIONS = 300;
const DEADLINE_MS = 3.5 * 60_000;
const SONG = 'internationale';
/**
 * Loop-delay sampling, ms. The verdict uses Node's default, 10 ms: one sample per timer
 * interval, so a long stall weighs more at a coarse resolution than at a fine one (at 1 ms, a
 * 250 ms stall is one sample among hundreds of quick ones). The 1 ms figure is shown too.
 */
const LAG_RESOLUTIONS_MS = [10, 1] as const;

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');

interface Sample {
  rss: number;
  heapUsed: number;
  gc: boolean;
}
type CoreRequest =
  { type: 'sample' } | { type: 'lagStart' } | { type: 'lagStop' } | { type: 'stop' };
interface LagStats {
  resolutionMs: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}
type CoreReply =
  | { type: 'ready'; url: string; tokens: Record<string, string> }
  | { type: 'sample'; sample: Sample }
  | { type: 'lag'; stats: LagStats[] }
  | { type: 'stopped' };

// ---------------------------------------------------------------- the core's process
/** The core's process; with no pack, an idle Node process: the machine's own loop-lag floor. */
async function runCore(contentDir: string | null): Promise<void> {
  const { startCore } = await import('../src/main/core');
  const core =
    contentDir === null
      ? null
      : await startCore({
          contentDir,
          port: 0,
          host: '127.0.0.1',
          rendererDir: path.join(repoRoot, 'out/renderer'),
          watch: false,
          dataDir: null,
          obs: false,
          log: (message) => process.stderr.write(`core: ${message}\n`),
        });
  const lags = LAG_RESOLUTIONS_MS.map((resolution) => ({
    resolution,
    histogram: monitorEventLoopDelay({ resolution }),
  }));
  const send = (reply: CoreReply) => process.send?.(reply);
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (request: CoreRequest) => {
    if (request.type === 'sample') {
      if (gc) {
        gc();
        gc();
      }
      const usage = process.memoryUsage();
      send({ type: 'sample', sample: { rss: usage.rss, heapUsed: usage.heapUsed, gc: !!gc } });
    } else if (request.type === 'lagStart') {
      for (const { histogram } of lags) {
        histogram.reset();
        histogram.enable();
      }
    } else if (request.type === 'lagStop') {
      const stats = lags.map(({ resolution, histogram }) => {
        histogram.disable();
        // The histogram holds whole timer intervals: the delay is what is past the resolution.
        const ms = (ns: number) => Math.max(0, ns / 1e6 - resolution);
        return {
          resolutionMs: resolution,
          p50: ms(histogram.percentile(50)),
          p99: ms(histogram.percentile(99)),
          max: ms(histogram.max),
          mean: ms(histogram.mean),
        };
      });
      send({ type: 'lag', stats });
    } else if (request.type === 'stop') {
      void (core?.stop() ?? Promise.resolve()).then(() => {
        send({ type: 'stopped' });
        process.exit(0);
      });
    }
  });
  send({ type: 'ready', url: core?.server.url ?? '', tokens: { ...core?.server.tokens } });
}

// ---------------------------------------------------------------- the clients
interface Client {
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
        client.waiting.get(message.requestId)?.({ ok: message.ok, error: message.error });
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

function coreRequest(child: ChildProcess, request: CoreRequest, expect?: CoreReply['type']) {
  return new Promise<CoreReply | null>((resolve) => {
    if (!expect) {
      child.send(request);
      resolve(null);
      return;
    }
    const onMessage = (reply: CoreReply) => {
      if (reply.type === expect) {
        child.off('message', onMessage);
        resolve(reply);
      }
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const pct = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)}%`;
const step = (text: string) => console.error(`soak: ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function runSoak(): Promise<void> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const started = Date.now();
  const root = mkdtempSync(path.join(os.tmpdir(), 'soak-'));
  const pack = path.join(root, 'pack');
  cpSync(path.join(repoRoot, 'content'), pack, { recursive: true });
  const playlist = path.join(pack, 'playlists/main.yaml');
  const original = readFileSync(playlist, 'utf8');
  if (!/^items:/m.test(original)) throw new Error('main.yaml has no items: list to soak');
  // A playlist-wide duration, and no per-entry durations that would override it.
  writeFileSync(
    playlist,
    original
      .replace(/^duration:.*\n/m, '')
      .replace(/^items:/m, `duration: ${SLIDE_SECONDS}\nitems:`)
      .replace(/\n\s+duration:.*$/gm, ''),
  );

  const startProcess = (args: string[]) => {
    const child = fork(fileURLToPath(import.meta.url), args, {
      execArgv: ['--expose-gc', '--import', 'tsx'],
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
  };
  const { child, ready: coreReady } = startProcess(['--core', pack]);
  // Same-run baseline: an idle Node process measuring its own loop lag over the same time.
  const idle = startProcess(['--idle']);
  const ready = await coreReady;
  await idle.ready;
  const tokens = ready.tokens;
  const displays = await Promise.all(
    [1, 2, 3].map((n) => connect(ready.url, 'display', tokens.display ?? '', `display ${n}`)),
  );
  const overlay = await connect(ready.url, 'overlay', tokens.overlay ?? '', 'overlay');
  const operator = await connect(ready.url, 'operator', tokens.operator ?? '', 'operator');
  const viewers = [...displays, overlay];
  const reference = displays[0] as Client;

  const commandFailures: string[] = [];
  let commandsSent = 0;
  const run = async (cmd: Command) => {
    commandsSent++;
    const result = await command(operator, cmd);
    if (!result.ok) commandFailures.push(`${cmd.name}: ${result.error ?? 'refused'}`);
  };
  const untilTransitions = async (count: number) => {
    while (reference.transitions < count) {
      if (Date.now() - started > DEADLINE_MS) throw new Error('past the soak deadline');
      await new Promise<void>((resolve) => {
        reference.onTransition = resolve;
        setTimeout(resolve, 200);
      });
    }
  };
  const lyricsBurst = async () => {
    await run({ name: 'lyricsStart', songId: SONG });
    for (let i = 0; i < LYRICS_LINES; i++) await run({ name: 'lyricsNext' });
    await run({ name: 'lyricsEnd' });
  };

  step(`warm-up: ${WARMUP_TRANSITIONS} transitions and one lyrics run`);
  await lyricsBurst();
  await untilTransitions(WARMUP_TRANSITIONS);
  const startSample = (
    (await coreRequest(child, { type: 'sample' }, 'sample')) as {
      sample: Sample;
    }
  ).sample;
  await coreRequest(child, { type: 'lagStart' });
  await coreRequest(idle.child, { type: 'lagStart' });
  const base = reference.transitions;
  const baseViewers = viewers.map((v) => v.transitions);
  const soakStart = Date.now();

  step(`${TRANSITIONS} transitions at ${SLIDE_SECONDS * 1000} ms, lyrics every ${LYRICS_EVERY}`);
  let bursts = 0;
  for (let next = LYRICS_EVERY; next <= TRANSITIONS; next += LYRICS_EVERY) {
    await untilTransitions(base + next);
    await lyricsBurst();
    bursts++;
    if (next % 2000 === 0) step(`${reference.transitions - base} transitions`);
  }
  await untilTransitions(base + TRANSITIONS);
  const soakMs = Date.now() - soakStart;
  type Lag = Extract<CoreReply, { type: 'lag' }>;
  const lags = ((await coreRequest(child, { type: 'lagStop' }, 'lag')) as Lag).stats;
  const idleLags = ((await coreRequest(idle.child, { type: 'lagStop' }, 'lag')) as Lag).stats;
  const lag = lags[0] as LagStats;
  const fmt = (l: LagStats) => `${l.p99.toFixed(1)} ms (${l.p50.toFixed(1)}, ${l.max.toFixed(1)})`;
  await coreRequest(idle.child, { type: 'stop' }, 'stopped');
  // Stop the show so the last transitions reach every client before counting.
  await run({ name: 'pause' });
  await sleep(300);
  const endSample = (
    (await coreRequest(child, { type: 'sample' }, 'sample')) as {
      sample: Sample;
    }
  ).sample;
  const observed = viewers.map((v, i) => v.transitions - (baseViewers[i] as number));
  const protocolErrors = [...viewers, operator].flatMap((c) =>
    c.protocolErrors.map((e) => `${c.name}: ${e}`),
  );
  for (const c of [...viewers, operator]) c.ws.close(1000);
  await coreRequest(child, { type: 'stop' }, 'stopped');
  rmSync(root, { recursive: true, force: true });

  const allEqual = observed.every((n) => n === observed[0]);
  const rssGrowth = (endSample.rss - startSample.rss) / startSample.rss;
  const heapGrowth = (endSample.heapUsed - startSample.heapUsed) / startSample.heapUsed;
  const verdict = (met: boolean) => (met ? 'met' : '**missed**');
  const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;
  const lines = [
    `Run on ${new Date().toISOString().slice(0, 10)}: ${machine}. Load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end.`,
    `Generated by \`npm run soak\` (\`bench/soak.ts\`); this section is replaced on each run.`,
    '',
    `The built-in pack with the main playlist at ${SLIDE_SECONDS * 1000} ms a slide: the core's slide timer makes the transitions. 3 displays and 1 overlay are raw WebSocket clients that parse every message with \`serverMessageSchema\` (not Chromium pages: four pages re-rendering 10,000 slides on this machine would measure Chromium, not the core). Every ${LYRICS_EVERY} transitions the operator runs \`lyricsStart\` (the Internationale), ${LYRICS_LINES}× \`lyricsNext\` and \`lyricsEnd\` (${bursts} runs, ${commandsSent} commands in all). The core runs in its own Node process (\`startCore\`, \`--expose-gc\`), so its memory and loop lag are its own; memory is read after \`gc()\`, first after a warm-up of ${WARMUP_TRANSITIONS} transitions and one lyrics run, then at the end.`,
    '',
    '| Measure | Result | Target | |',
    '| --- | --- | --- | --- |',
    `| Transitions seen by each display / the overlay | ${observed.slice(0, 3).join(' / ')} / ${observed[3]} in ${(soakMs / 1000).toFixed(1)} s | ≥ ${TRANSITIONS}, all equal | ${verdict(allEqual && (observed[0] ?? 0) >= TRANSITIONS)} |`,
    `| Protocol errors (messages failing the schema, socket errors) | ${protocolErrors.length} of ${[...viewers, operator].reduce((n, c) => n + c.messages, 0)} messages | 0 | ${verdict(protocolErrors.length === 0)} |`,
    `| Operator command failures | ${commandFailures.length} of ${commandsSent} | 0 | ${verdict(commandFailures.length === 0)} |`,
    `| Core RSS, start → end | ${mib(startSample.rss)} → ${mib(endSample.rss)} (${pct(startSample.rss, endSample.rss)}) | growth under 10% | ${verdict(rssGrowth < 0.1)} |`,
    `| Core JS heap used (after gc()), start → end | ${mib(startSample.heapUsed)} → ${mib(endSample.heapUsed)} (${pct(startSample.heapUsed, endSample.heapUsed)}) | growth under 10% | ${verdict(heapGrowth < 0.1)} |`,
    `| Core event-loop delay p99 (p50, max), sampled every ${lag.resolutionMs} ms | ${fmt(lag)} | under 20 ms | ${verdict(lag.p99 < 20)} |`,
    ...lags
      .slice(1)
      .map(
        (l) => `| The same, sampled every ${l.resolutionMs} ms | ${fmt(l)} | (for comparison) | |`,
      ),
    ...idleLags.map(
      (l) =>
        `| Baseline: an idle Node process beside it, same time, sampled every ${l.resolutionMs} ms | ${fmt(l)} | (the machine's floor) | |`,
    ),
    '',
    `- Event-loop delay: \`monitorEventLoopDelay\` over the whole soak, reported as the delay past the sampling interval. The verdict uses 10 ms sampling (Node's default), the stricter one: at 1 ms a single long stall is one sample among hundreds of short ones, which pulls the p99 down. The idle process beside the core shows how much of the delay is the machine (other work on the same ${os.cpus().length} cores) rather than the core: where the two match, the core adds nothing measurable.`,
    '- RSS is read after `gc()`; the start figure still holds the warm-up (module loading and compiling under tsx), which the process hands back later, so RSS falling is expected.',
    ...(protocolErrors.length > 0
      ? ['- First protocol errors:', ...protocolErrors.slice(0, 5).map((e) => `  - ${e}`)]
      : []),
    ...(commandFailures.length > 0
      ? ['- First command failures:', ...commandFailures.slice(0, 5).map((e) => `  - ${e}`)]
      : []),
    '',
  ];

  writeResultsSection('Soak', lines);
  console.log(['## Soak', '', ...lines].join('\n'));
  const met =
    allEqual &&
    (observed[0] ?? 0) >= TRANSITIONS &&
    protocolErrors.length === 0 &&
    commandFailures.length === 0 &&
    rssGrowth < 0.1 &&
    heapGrowth < 0.1 &&
    lag.p99 < 20;
  if (!met) process.exitCode = 1;
}

if (process.argv[2] === '--core') {
  await runCore(process.argv[3] as string);
} else if (process.argv[2] === '--idle') {
  await runCore(null);
} else {
  await runSoak();
}

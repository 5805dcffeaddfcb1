// The soak's other processes, started by bench/soak.ts with `fork`: the core (`--core PACK`),
// or an idle Node process (`--idle`) measuring the machine's own loop lag beside it. Each
// answers the soak's requests over the IPC channel, so its memory and loop lag are its own.
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

export const SOAK_CORE = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(SOAK_CORE), '..');

/**
 * Loop-delay sampling, ms. The verdict uses Node's default, 10 ms: one sample per timer
 * interval, so a long stall weighs more at a coarse resolution than at a fine one (at 1 ms, a
 * 250 ms stall is one sample among hundreds of quick ones). The 1 ms figure is shown too.
 */
export const LAG_RESOLUTIONS_MS = [10, 1] as const;

export interface Sample {
  rss: number;
  heapUsed: number;
  gc: boolean;
}
export type CoreRequest =
  { type: 'sample' } | { type: 'lagStart' } | { type: 'lagStop' } | { type: 'stop' };
export interface LagStats {
  resolutionMs: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}
export type CoreReply =
  | { type: 'ready'; url: string; tokens: Record<string, string> }
  | { type: 'sample'; sample: Sample }
  | { type: 'lag'; stats: LagStats[] }
  | { type: 'stopped' };

/** The core's process; with no pack, an idle Node process: the machine's own loop-lag floor. */
async function runCore(contentDir: string | null): Promise<void> {
  const { startCore } = await import('../src/main/core/start');
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
  let lagging = false;
  const pauseLag = (pause: boolean) => {
    for (const { histogram } of lags) {
      if (pause) histogram.disable();
      else histogram.enable();
    }
  };
  const send = (reply: CoreReply) => process.send?.(reply);
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (request: CoreRequest) => {
    if (request.type === 'sample') {
      // gc() stops the loop; a reading taken mid-soak must not count as the core's lag.
      if (lagging) pauseLag(true);
      if (gc) {
        gc();
        gc();
      }
      const usage = process.memoryUsage();
      if (lagging) pauseLag(false);
      send({ type: 'sample', sample: { rss: usage.rss, heapUsed: usage.heapUsed, gc: !!gc } });
    } else if (request.type === 'lagStart') {
      for (const { histogram } of lags) histogram.reset();
      pauseLag(false);
      lagging = true;
    } else if (request.type === 'lagStop') {
      pauseLag(true);
      lagging = false;
      const stats = lags.map(({ resolution, histogram }) => {
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

if (process.argv[1] === SOAK_CORE) {
  if (process.argv[2] === '--core') await runCore(process.argv[3] as string);
  else if (process.argv[2] === '--idle') await runCore(null);
}

// How fast an operator's key press reaches a venue screen: from the key event in the operator
// console to the display's DOM showing the next slide, both pages in Chromium against `serve`
// on the built-in pack. Baseline in the same run: a raw WebSocket client's `next` round trip
// (send the command, wait for the `show` it causes), which is the floor any view sits on.
import { chromium, type Page } from '@playwright/test';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { chromiumLaunch } from '../playwright.config';
import { connectOperator } from '../tests/helpers/operator';
import { serve } from '../tests/helpers/serve';
import { MIN_COMMAND_GAP_MS } from './command-gap';

export interface OperatorLatencyResult {
  presses: number;
  /** Key press (operator page) to DOM change (display page), per press, in ms. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Of that: key press to the `show` message arriving at the display (p50, p95). */
  deliveryP50Ms: number;
  deliveryP95Ms: number;
  /** And the `show` message to the DOM change: the display's own rendering (p50, p95). */
  renderP50Ms: number;
  renderP95Ms: number;
  /** Raw socket `next` → `show`, in ms. */
  baselineP50Ms: number;
  baselineP95Ms: number;
  /** p50 over the baseline's p50. */
  ratio: number;
  /** The target from the issue: every operator action on every display in under 50 ms. */
  targetMs: number;
}

export interface OperatorLatencyOptions {
  presses?: number;
  /** Pause between presses, so each one is measured on its own. */
  spacingMs?: number;
  log?: (line: string) => void;
}

/** Nearest-rank percentile of `values` (0 < p ≤ 100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

// Both pages stamp wall-clock time (`performance.timeOrigin + performance.now()`): they run on
// the same machine, so the stamps compare. Strings: bench/ is type-checked without the DOM.
const OPERATOR_PROBE = `(() => {
  window.__keys = [];
  // Capturing on window, installed before the app: the first code to see the key.
  window.addEventListener('keydown', () => window.__keys.push(performance.timeOrigin + performance.now()), true);
})()`;

const DISPLAY_PROBE = `(() => {
  window.__changes = [];
  // When each show message arrives, to split the time into "reach the screen" and "render".
  window.__shows = [];
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (String(event.data).startsWith('{"type":"show"')) {
          window.__shows.push(performance.timeOrigin + performance.now());
        }
      });
    }
  };
  let last = null;
  const current = () => {
    const frame = document.querySelector('.slide-frame[data-phase="in"]');
    return frame ? frame.getAttribute('data-item-id') : null;
  };
  const check = () => {
    const id = current();
    if (id !== last) {
      last = id;
      window.__changes.push({ id, at: performance.timeOrigin + performance.now() });
    }
  };
  const start = () => {
    // MutationObserver callbacks run right after the DOM change, before the next paint.
    new MutationObserver(check).observe(document.documentElement, {
      subtree: true, childList: true, attributes: true, attributeFilter: ['data-item-id', 'data-phase'],
    });
    check();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})()`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 5_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting for the display');
    await sleep(5);
  }
}

type Change = { id: string | null; at: number };
const changes = (page: Page) => page.evaluate<Change[]>('window.__changes');
const keys = (page: Page) => page.evaluate<number[]>('window.__keys');

/** `next` over a raw socket with the operator token: send, and time until the `show` comes. */
async function rawRoundTrips(operatorUrl: string, count: number): Promise<number[]> {
  const url = new URL(operatorUrl);
  const ws = new WebSocket(
    `ws://${url.host}/ws?role=operator&token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`,
    { origin: url.origin },
  );
  let onShow: (() => void) | null = null;
  let welcomed: () => void = () => {};
  const ready = new Promise<void>((resolve) => (welcomed = resolve));
  ws.on('message', (data) => {
    const type = (JSON.parse(String(data)) as { type: string }).type;
    if (type === 'welcome') welcomed();
    if (type === 'show' && onShow) {
      const done = onShow;
      onShow = null;
      done();
    }
  });
  await ready;
  await sleep(200);
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const arrived = new Promise<void>((resolve) => (onShow = resolve));
    const start = performance.now();
    ws.send(JSON.stringify({ type: 'command', requestId: `b${i}`, command: { name: 'next' } }));
    await arrived;
    times.push(performance.now() - start);
    await sleep(MIN_COMMAND_GAP_MS);
  }
  ws.close();
  return times;
}

export async function benchOperatorLatency(
  options: OperatorLatencyOptions = {},
): Promise<OperatorLatencyResult> {
  const presses = options.presses ?? 100;
  const spacingMs = options.spacingMs ?? 150;
  const log = options.log ?? (() => {});
  const server = await serve();
  const browser = await chromium.launch(chromiumLaunch);
  try {
    // Held still, so every change on the display is one of our presses.
    const control = await connectOperator(server.urls.operator);
    await control.send({ name: 'pause' });
    control.close();

    const displayContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const display = await displayContext.newPage();
    await display.addInitScript(DISPLAY_PROBE);
    await display.goto(server.urls.display);
    const operatorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const operator = await operatorContext.newPage();
    await operator.addInitScript(OPERATOR_PROBE);
    await operator.goto(server.urls.operator);
    await waitFor(
      () => operator.evaluate<boolean>(`!!document.querySelector('[data-testid="preview-now"]')`),
      (ok) => ok,
      15_000,
    );
    await waitFor(
      () => changes(display),
      (list) => list.some((c) => c.id),
      15_000,
    );
    // One pass through the playlist first, so images are cached as they are during a show.
    const warmUp = 14;
    for (let i = 0; i < warmUp; i++) {
      const before = (await changes(display)).length;
      await operator.keyboard.press('ArrowRight');
      await waitFor(
        () => changes(display),
        (list) => list.length > before,
      );
      await sleep(spacingMs);
    }

    const latencies: number[] = [];
    const delivery: number[] = [];
    const rendering: number[] = [];
    for (let i = 0; i < presses; i++) {
      const before = (await changes(display)).length;
      const keysBefore = (await keys(operator)).length;
      await operator.keyboard.press('ArrowRight');
      const list = await waitFor(
        () => changes(display),
        (all) => all.length > before,
      );
      const pressedAt = (await keys(operator))[keysBefore];
      const shownAt = list[before]?.at;
      if (pressedAt === undefined || shownAt === undefined) throw new Error('lost a press');
      latencies.push(shownAt - pressedAt);
      const shows = await display.evaluate<number[]>('window.__shows');
      const arrived = shows.find((t) => t >= pressedAt);
      if (arrived !== undefined) {
        delivery.push(arrived - pressedAt);
        rendering.push(shownAt - arrived);
      }
      await sleep(spacingMs);
    }
    log(`operator → display: ${latencies.map((l) => l.toFixed(1)).join(' ')}`);
    await browser.close();

    const baseline = await rawRoundTrips(server.urls.operator, presses);
    const p50Ms = percentile(latencies, 50);
    const baselineP50Ms = percentile(baseline, 50);
    return {
      presses,
      p50Ms,
      p95Ms: percentile(latencies, 95),
      maxMs: Math.max(...latencies),
      deliveryP50Ms: percentile(delivery, 50),
      deliveryP95Ms: percentile(delivery, 95),
      renderP50Ms: percentile(rendering, 50),
      renderP95Ms: percentile(rendering, 95),
      baselineP50Ms,
      baselineP95Ms: percentile(baseline, 95),
      ratio: p50Ms / baselineP50Ms,
      targetMs: 50,
    };
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

// `node --import tsx bench/operator-latency.ts` runs it on its own.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchOperatorLatency({ log: (line) => console.log(line) });
  console.log(
    [
      `Key press in the operator → display DOM change, ${result.presses} presses:`,
      `  p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, max ${result.maxMs.toFixed(1)} ms (target: under ${result.targetMs} ms)`,
      `  of which key → show message at the display: p50 ${result.deliveryP50Ms.toFixed(1)} ms, p95 ${result.deliveryP95Ms.toFixed(1)} ms;`,
      `  show message → display DOM: p50 ${result.renderP50Ms.toFixed(1)} ms, p95 ${result.renderP95Ms.toFixed(1)} ms`,
      `Baseline, raw socket next → show: p50 ${result.baselineP50Ms.toFixed(2)} ms, p95 ${result.baselineP95Ms.toFixed(2)} ms`,
      `Ratio (p50 / baseline p50): ${result.ratio.toFixed(1)}×`,
    ].join('\n'),
  );
  if (result.p95Ms >= result.targetMs) process.exitCode = 1;
}

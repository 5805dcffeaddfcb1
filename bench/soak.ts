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
// The core's heap is read warm, as the display's is: WARM_UP transitions first (with the lyrics
// runs, as in the soak proper), a reading, WARM_UP more, another. The 10,000 start after the
// warm-up. A second, shorter run with V8's optimising compilers off repeats the three readings,
// to tell what the core keeps from machine code for functions getting hot.
//
// The core runs in its own Node process (bench/soak-core.ts), started with `startCore` in that
// process, so its `process.memoryUsage()` and `monitorEventLoopDelay` are the core's alone:
// the clients' JSON and zod parsing would otherwise count as the core's heap and loop lag.
// The clients are raw `ws` sockets, not Chromium pages: four headless pages re-rendering 10,000
// slides on two cores would measure Chromium, not the core, and would not fit in 4 minutes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeResultsSection } from './results-file';
import { coreRequest, openSession, startProcess, type Session } from './soak-clients';
import type { Sample } from './soak-core';
import { soakMet, soakReport, type SoakResult } from './soak-report';
import { LYRICS_EVERY, LYRICS_LINES, SLIDE_SECONDS, TRANSITIONS, WARM_UP } from './soak-settings';
import { NO_OPTIMISING_COMPILERS } from './v8-flags';

const DEADLINE_MS = 6 * 60_000;
const SONG = 'internationale';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const step = (text: string) => console.error(`soak: ${text}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The built-in pack in a temp folder, its main playlist at SLIDE_SECONDS a slide. */
function soakPack(root: string): string {
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
  return pack;
}

/**
 * Lets the show run to `until` transitions, with a lyrics run every LYRICS_EVERY; at each count
 * in `at` (a multiple of LYRICS_EVERY), runs its callback before that count's lyrics run.
 */
async function drive(
  session: Session,
  until: number,
  deadline: number,
  at: Map<number, () => Promise<void>> = new Map(),
) {
  let bursts = 0;
  for (let next = LYRICS_EVERY; next <= until; next += LYRICS_EVERY) {
    await session.untilTransitions(next, deadline);
    await at.get(next)?.();
    if (next === until) break;
    await session.run({ name: 'lyricsStart', songId: SONG });
    for (let i = 0; i < LYRICS_LINES; i++) await session.run({ name: 'lyricsNext' });
    await session.run({ name: 'lyricsEnd' });
    bursts++;
    if (next % 2000 === 0) step(`${session.reference.transitions} transitions`);
  }
  return bursts;
}

async function runSoak(): Promise<void> {
  const loadAtStart = os.loadavg()[0] ?? 0;
  const deadline = Date.now() + DEADLINE_MS;
  const root = mkdtempSync(path.join(os.tmpdir(), 'soak-'));
  const pack = soakPack(root);
  // Same-run baseline: an idle Node process measuring its own loop lag over the same time.
  const idle = startProcess(['--idle']);
  let session: Session | undefined;
  try {
    const s = (session = await openSession(pack));
    await idle.ready;
    const heap = new Map<number, Sample>();
    heap.set(0, await s.sample());

    step(
      `warm-up: ${WARM_UP} transitions at ${SLIDE_SECONDS * 1000} ms, lyrics every ${LYRICS_EVERY}`,
    );
    let soakStart = 0;
    let baseViewers: number[] = [];
    const end = WARM_UP + TRANSITIONS;
    const bursts = await drive(
      s,
      end,
      deadline,
      new Map([
        [
          WARM_UP,
          async () => {
            heap.set(WARM_UP, await s.sample());
            s.child.send({ type: 'lagStart' });
            idle.child.send({ type: 'lagStart' });
            baseViewers = s.viewers.map((v) => v.transitions);
            soakStart = Date.now();
            step(`${TRANSITIONS} transitions, lyrics every ${LYRICS_EVERY}`);
          },
        ],
        [2 * WARM_UP, async () => void heap.set(2 * WARM_UP, await s.sample())],
      ]),
    );
    const soakMs = Date.now() - soakStart;
    const lags = (await coreRequest(s.child, { type: 'lagStop' }, 'lag')).stats;
    const idleLags = (await coreRequest(idle.child, { type: 'lagStop' }, 'lag')).stats;
    await coreRequest(idle.child, { type: 'stop' }, 'stopped');
    // Stop the show so the last transitions reach every client before counting.
    await s.run({ name: 'pause' });
    await sleep(300);
    heap.set(end, await s.sample());
    const observed = s.viewers.map((v, i) => v.transitions - (baseViewers[i] as number));
    const clients = [...s.viewers, s.operator];
    const protocolErrors = clients.flatMap((c) => c.protocolErrors.map((e) => `${c.name}: ${e}`));
    const messages = clients.reduce((n, c) => n + c.messages, 0);
    await s.close();

    step(`the core with V8's optimising compilers off: ${2 * WARM_UP} transitions (diagnostic)`);
    const interpreted = await interpretedHeap(pack, deadline);

    const result: SoakResult = {
      loadAtStart,
      observed,
      soakMs,
      protocolErrors,
      messages,
      commandFailures: s.commandFailures,
      commandsSent: s.commandsSent(),
      bursts,
      heap,
      interpreted,
      lags,
      idleLags,
    };
    const lines = soakReport(result);
    writeResultsSection('Soak', lines);
    console.log(['## Soak', '', ...lines].join('\n'));
    if (!soakMet(result)) process.exitCode = 1;
  } finally {
    // After a failure, nothing left running: both processes are ours.
    for (const child of [idle.child, session?.child]) {
      if (child && child.exitCode === null && child.signalCode === null) child.kill();
    }
    rmSync(root, { recursive: true, force: true });
  }
}

/** The heap at 0, WARM_UP and 2 × WARM_UP transitions, in a core whose V8 only interprets. */
async function interpretedHeap(pack: string, deadline: number): Promise<Map<number, Sample>> {
  const session = await openSession(pack, NO_OPTIMISING_COMPILERS);
  try {
    const heap = new Map<number, Sample>([[0, await session.sample()]]);
    const read = (n: number) => async () => void heap.set(n, await session.sample());
    await drive(
      session,
      2 * WARM_UP,
      deadline,
      new Map([
        [WARM_UP, read(WARM_UP)],
        [2 * WARM_UP, read(2 * WARM_UP)],
      ]),
    );
    return heap;
  } finally {
    await session.close();
  }
}

await runSoak();

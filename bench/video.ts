// Videos in the show, against slides only in the same run: dropped video frames while a film
// plays (the browser's own count), and at each change (video→slide, slide→video, video→video)
// the frames with nothing painted and the long frames, with slide→slide as the baseline.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { connectOperator } from '../tests/helpers/operator';
import { serve } from '../tests/helpers/serve';
import { makeClip } from '../tests/helpers/video-clips';
import { DROPPED_GAP_MS } from './display';

const ENTRY_SECONDS = 4;
const SLIDES = ['s1', 's2', 's3', 's4'];
/**
 * A round's changes, the last back to the first: three video→slide (v1→s1, v1→s2, v2→s4),
 * three slide→video (s1→v2, s3→v2, s4→v1), one video→video (v2→v1), one slide→slide.
 */
const WITH_VIDEOS = ['v1', 's1', 'v2', 'v1', 's2', 's3', 'v2', 's4'];
/** A change's window: from just before the change to after the new slide has settled. */
const BEFORE_MS = 250;
const AFTER_MS = 750;

export type ChangeKind = 'video→slide' | 'slide→video' | 'video→video' | 'slide→slide';

/** The pack: four slides, two 4 s films (WebM, VP9), a slides-only and a mixed playlist. */
export function writeVideoPack(dir: string): void {
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };
  write(
    'pack.yaml',
    'title: Video bench\nlanguages: [en]\ndefaultLanguage: en\ndefaultPlaylist: slides\n',
  );
  for (const id of SLIDES)
    write(`statements/${id}.yaml`, `kind: statement\ntext:\n  en: Statement ${id}\n`);
  mkdirSync(path.join(dir, 'media/videos'), { recursive: true });
  const clip = makeClip({ format: 'webm', seconds: ENTRY_SECONDS, width: 1280, height: 720 });
  for (const id of ['v1', 'v2']) {
    copyFileSync(clip, path.join(dir, `media/videos/${id}.webm`));
    write(
      `videos/${id}.yaml`,
      `kind: video\nfile: media/videos/${id}.webm\ntitle:\n  en: Film ${id}\nlicence: CC BY 4.0\n`,
    );
  }
  const entries = (ids: readonly string[]) =>
    ids.map((id) => `  - { item: ${id}, duration: ${ENTRY_SECONDS} }`).join('\n');
  write(
    'playlists/slides.yaml',
    `kind: playlist\ntitle: Slides\nitems:\n${entries(SLIDES.concat(SLIDES))}\n`,
  );
  write(
    'playlists/videos.yaml',
    `kind: playlist\ntitle: Videos\nitems:\n${entries(WITH_VIDEOS)}\n`,
  );
}

/**
 * Each animation frame: its time, the item on the stage, whether anything is painted (a slide
 * that is not waiting its turn, and if it is a video, one with a frame decoded), and the
 * videos' own counts of dropped and decoded frames.
 */
const PROBE = `(() => {
  const frames = []; const videos = [];
  window.__videoBench = { frames, videos };
  const tick = (t) => {
    const stage = document.querySelector('.stage');
    const shown = [...document.querySelectorAll('.slide-frame')]
      .filter((f) => f.getAttribute('data-phase') !== 'upcoming');
    const painted = shown.some((f) => { const v = f.querySelector('video'); return !v || v.readyState >= 2; });
    frames.push([t, stage ? stage.getAttribute('data-item-id') : null, painted ? 1 : 0]);
    for (const v of document.querySelectorAll('video')) {
      let seen = videos.find((s) => s.el === v);
      if (!seen) { seen = { el: v, dropped: 0, total: 0 }; videos.push(seen); }
      const q = v.getVideoPlaybackQuality();
      seen.dropped = q.droppedVideoFrames; seen.total = q.totalVideoFrames;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

export interface ChangeStats {
  changes: number;
  /** Frames with nothing painted, in all the windows of this kind. */
  black: number;
  /** rAF gaps over two frame budgets, in the windows. */
  long: number;
  frames: number;
  longestGapMs: number;
}

export interface VideoRun {
  frames: number;
  long: number;
  longestGapMs: number;
  black: number;
  droppedVideo: number;
  totalVideo: number;
  byKind: Map<ChangeKind, ChangeStats>;
  heapBytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Splits a recorded run into changes by kind, and counts what each window held. */
export function analyse(
  frames: readonly [number, string | null, number][],
  isVideo: (id: string) => boolean,
): Omit<VideoRun, 'droppedVideo' | 'totalVideo' | 'heapBytes'> {
  const byKind = new Map<ChangeKind, ChangeStats>();
  let long = 0;
  let longest = 0;
  for (let i = 1; i < frames.length; i++) {
    const gap = frames[i]![0] - frames[i - 1]![0];
    if (gap > DROPPED_GAP_MS) long++;
    longest = Math.max(longest, gap);
  }
  for (let i = 1; i < frames.length; i++) {
    const from = frames[i - 1]![1];
    const to = frames[i]![1];
    if (!from || !to || from === to) continue;
    const kind =
      `${isVideo(from) ? 'video' : 'slide'}→${isVideo(to) ? 'video' : 'slide'}` as ChangeKind;
    const at = frames[i]![0];
    const window = frames.filter(([t]) => t >= at - BEFORE_MS && t <= at + AFTER_MS);
    const stats = byKind.get(kind) ?? { changes: 0, black: 0, long: 0, frames: 0, longestGapMs: 0 };
    stats.changes++;
    stats.frames += window.length;
    stats.black += window.filter(([, , painted]) => painted === 0).length;
    for (let j = 1; j < window.length; j++) {
      const gap = window[j]![0] - window[j - 1]![0];
      if (gap > DROPPED_GAP_MS) stats.long++;
      stats.longestGapMs = Math.max(stats.longestGapMs, gap);
    }
    byKind.set(kind, stats);
  }
  return {
    frames: frames.length,
    long,
    longestGapMs: longest,
    black: frames.filter(([, , painted]) => painted === 0).length,
    byKind,
  };
}

async function playRounds(
  page: Page,
  displayUrl: string,
  send: (c: object) => Promise<unknown>,
  playlist: string,
  first: string,
  rounds: number,
  entries: number,
): Promise<VideoRun> {
  await send({ name: 'setPlaylist', playlistId: playlist });
  await send({ name: 'goTo', itemId: first });
  await page.goto(displayUrl);
  await page.waitForSelector(`.stage[data-item-id="${first}"]`, { timeout: 60_000 });
  await sleep(1_000);
  await send({ name: 'goTo', itemId: first });
  await page.evaluate(PROBE);
  await sleep(rounds * entries * ENTRY_SECONDS * 1000 + 500);
  const recorded = (await page.evaluate(`({
    frames: window.__videoBench.frames,
    videos: window.__videoBench.videos.map((v) => [v.dropped, v.total]),
  })`)) as { frames: [number, string | null, number][]; videos: [number, number][] };
  await sleep(1_000);
  const heapBytes = (await page.evaluate(
    'gc(); gc(); performance.memory.usedJSHeapSize',
  )) as number;
  const analysed = analyse(recorded.frames, (id) => id.startsWith('v'));
  return {
    ...analysed,
    droppedVideo: recorded.videos.reduce((sum, [d]) => sum + d, 0),
    totalVideo: recorded.videos.reduce((sum, [, t]) => sum + t, 0),
    heapBytes,
  };
}

/** Slides only first (the baseline), then the playlist with films, on one server and page each. */
export async function benchVideo(
  browser: Browser,
  packDir: string,
  rounds: number,
): Promise<{ slides: VideoRun; videos: VideoRun }> {
  writeVideoPack(packDir);
  const served = await serve({ content: packDir, timeoutMs: 60_000 });
  const operator = await connectOperator(served.urls.operator);
  const send = async (command: object) => {
    const result = await operator.send(command as never);
    if (!result.ok)
      throw new Error(`${JSON.stringify(command)} was refused: ${String(result.error)}`);
    return result;
  };
  try {
    const run = async (playlist: string, first: string, entries: number) => {
      const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
      try {
        return await playRounds(page, served.urls.display, send, playlist, first, rounds, entries);
      } finally {
        await page.close();
      }
    };
    const slides = await run('slides', 's1', SLIDES.length * 2);
    const videos = await run('videos', 'v1', WITH_VIDEOS.length);
    return { slides, videos };
  } finally {
    operator.close();
    await served.stop();
  }
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const pct = (value: number) => `${(value * 100).toFixed(2)}%`;
const ratio = (a: number, b: number) =>
  b > 0 ? `${(a / b).toFixed(2)}×` : a > 0 ? '∞ (baseline 0)' : '1.00× (both 0)';

export function videoReport(
  r: { slides: VideoRun; videos: VideoRun },
  load: { start: string; end: string },
): string[] {
  const { slides, videos } = r;
  const base = slides.byKind.get('slide→slide');
  const lines = [
    `Debian Chromium headless, software rendering (--disable-gpu), 1920×1080; two 4 s WebM films (VP9, 1280×720, 30 fps) made with ffmpeg; every entry ${ENTRY_SECONDS} s. Playlist with films: ${WITH_VIDEOS.join(' → ')} (a round: three video→slide, three slide→video, one video→video changes; two rounds); baseline in the same run: four statements, ${SLIDES.length * 2} entries, the same length. Load average (1 min) ${load.start} at the start, ${load.end} at the end, on 2 cores shared with other engineers' builds and tests: the ratios are the comparable part.`,
    'Generated by `npm run bench -- --video`; do not edit by hand.',
    '',
    '| Measure | With films | Slides only (same run) | Ratio | Target | |',
    '| --- | --- | --- | --- | --- | --- |',
    `| Video frames dropped while playing (\`getVideoPlaybackQuality\`: dropped / total) | ${videos.droppedVideo} of ${videos.totalVideo} (${pct(share(videos.droppedVideo, videos.totalVideo))}) | (no video) | | none dropped | ${videos.droppedVideo === 0 ? 'met' : '**missed**'} |`,
    `| Long frames (rAF gaps over ${DROPPED_GAP_MS.toFixed(1)} ms), whole run | ${videos.long} of ${videos.frames} (${pct(share(videos.long, videos.frames))}); longest ${videos.longestGapMs.toFixed(0)} ms | ${slides.long} of ${slides.frames} (${pct(share(slides.long, slides.frames))}); longest ${slides.longestGapMs.toFixed(0)} ms | ${ratio(share(videos.long, videos.frames), share(slides.long, slides.frames))} | (for comparison) | |`,
  ];
  for (const kind of ['video→slide', 'slide→video', 'video→video'] as const) {
    const s = videos.byKind.get(kind);
    if (!s) {
      lines.push(`| ${kind}: not seen in this run | | | | | **missed** |`);
      continue;
    }
    lines.push(
      `| ${kind}, ${s.changes} changes: black frames (nothing painted) in −${BEFORE_MS}/+${AFTER_MS} ms | ${s.black} of ${s.frames} | slide→slide, ${base?.changes ?? 0} changes: ${base?.black ?? 0} of ${base?.frames ?? 0} | | 0 | ${s.black === 0 ? 'met' : '**missed**'} |`,
      `| ${kind}: long frames in the same windows | ${s.long} of ${s.frames} (${pct(share(s.long, s.frames))}); longest ${s.longestGapMs.toFixed(0)} ms | ${base?.long ?? 0} of ${base?.frames ?? 0} (${pct(share(base?.long ?? 0, base?.frames ?? 0))}); longest ${(base?.longestGapMs ?? 0).toFixed(0)} ms | ${ratio(share(s.long, s.frames), share(base?.long ?? 0, base?.frames ?? 0))} | (for comparison) | |`,
    );
  }
  lines.push(
    `| JS heap after gc(), at the end of the run | ${mib(videos.heapBytes)} | ${mib(slides.heapBytes)} | ${ratio(videos.heapBytes, slides.heapBytes)} | (for comparison) | |`,
    '',
    `- A black frame: an animation frame where no slide on the stage is on air or leaving (only one waiting its turn), or the one on air is a video with no frame decoded yet (\`readyState\` under 2), the same rule as the Playwright test in \`tests/e2e/video.spec.ts\`. Dropped video frames are the browser's own count over every \`<video>\` the page made (each film is a new element per turn).`,
  );
  return lines;
}

import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { chromiumLaunch } from '../../playwright.config';
import { connectOperator, type OperatorClient } from '../helpers/operator';
import { serve, type Served } from '../helpers/serve';
import {
  FRAME_MS,
  SCREEN_FLAGS,
  changesOf,
  framesOf,
  heardOf,
  imminentOf,
  offsetOf,
  preparedOf,
  syncProbe,
  type ProbeChange,
  type ProbeHeard,
} from '../helpers/sync-probe';

/*
 * Screens that switch together: two screens of one `serve` in separate browser contexts (with
 * the kiosk screen's flags), the operator moves the show on, and EVERY change goes up on both
 * within two frames of each other, never before the core's `showAt`. A correctness check (the
 * same frame chosen), not a timing target: that is bench/sync.ts. The one excuse is a change
 * a screen could only show late, as its log proves: it heard the message after showAt, or
 * heard it in time but (a page starved of CPU) put it up on receipt after showAt. Those are
 * counted and reported, and may not be most of them.
 */

let browser: Browser;
let server: Served;
let operator: OperatorClient | null = null;

test.beforeAll(async () => {
  browser = await chromium.launch({
    ...chromiumLaunch,
    args: [...chromiumLaunch.args, ...SCREEN_FLAGS],
  });
});
test.afterAll(async () => {
  await browser.close();
});

test.beforeEach(async () => {
  server = await serve();
});

test.afterEach(async () => {
  operator?.close();
  operator = null;
  await server.stop();
});

async function openScreens(urls: string[], watch: 'slide' | 'line') {
  const pages: Page[] = [];
  for (const url of urls) {
    const page = await (await browser.newContext()).newPage();
    await page.addInitScript(syncProbe({ watch, images: true }));
    await page.goto(url);
    pages.push(page);
  }
  // Each screen has measured its clock against the core's, and they agree (they share one
  // clock here): the first estimates come from pings sent while the page builds its first
  // slide, and on a busy machine they can be a few frames off until the settled pings come.
  await expect
    .poll(
      async () => {
        const offsets = await Promise.all(pages.map(offsetOf));
        if (!offsets.every(Number.isFinite)) return Infinity;
        return Math.max(...offsets) - Math.min(...offsets);
      },
      { message: 'the screens’ clock estimates did not come to agree', timeout: 15_000 },
    )
    .toBeLessThanOrEqual(FRAME_MS / 4);
  return pages;
}

interface Checked {
  spreads: number[];
  /** Changes a screen heard after their showAt. */
  heardLate: number;
  /**
   * Changes a screen heard in time but could not act on by showAt, as its log shows: it put
   * the change up on receipt after showAt, took it in (rendered it hidden and scheduled it,
   * its pictures decoded) only after showAt, or ran no frame in the frame after showAt (a page
   * starved of CPU: still building the change hidden, or descheduled). Each is still checked
   * to go up in the first frame it could.
   */
  handledLate: number;
  /**
   * Changes at which the screens' clock estimates were more than a frame apart (they share one
   * clock here: the truth is 0 apart). A busy machine stamps some pongs late; each screen
   * still switches on its own estimate, so the spread may be that much wider.
   */
  clockApart: number;
  /** showAt minus when the command was sent, per change: a little over the learned lead. */
  leads: number[];
}

/**
 * Sends `command` `times` times; after each, waits for every screen to show `id()` and checks
 * the change: exactly one per press, not before showAt, within two frames of the others
 * unless a screen heard it after showAt.
 */
async function checkChanges(
  pages: Page[],
  times: number,
  command: Parameters<OperatorClient['send']>[0],
  id: () => string,
): Promise<Checked> {
  const client = operator as OperatorClient;
  const checked: Checked = {
    spreads: [],
    heardLate: 0,
    handledLate: 0,
    clockApart: 0,
    leads: [],
  };
  for (let i = 0; i < times; i++) {
    const before = await Promise.all(pages.map(async (page) => (await changesOf(page)).length));
    const sentAt = Date.now();
    expect((await client.send(command)).ok).toBe(true);
    const showAt = client.show().showAt as number;
    expect(showAt).toBeDefined();
    checked.leads.push(showAt - sentAt);
    const want = id();
    await expect
      .poll(async () => {
        const all = await Promise.all(pages.map(changesOf));
        return all.every((changes) => {
          const last = changes[changes.length - 1];
          return last?.id === want && last.painted > 0;
        });
      })
      .toBe(true);
    const all = await Promise.all(pages.map(changesOf));
    const heard = await Promise.all(pages.map(heardOf));
    // Each page's offset when it heard this change, the one it scheduled it by: a later
    // estimate (the settled pings keep coming) would judge it by a clock it did not have yet.
    const offsetsNow = await Promise.all(pages.map(offsetOf));
    const offsets = heard.map((messages: ProbeHeard[], index) => {
      const then = messages.find((m) => m.showAt === showAt)?.offset;
      return then !== undefined && Number.isFinite(then) ? then : (offsetsNow[index] as number);
    });
    const latest = all.map((changes, index) => {
      // Exactly one change per press on every screen: none skipped, none shown twice.
      expect(changes).toHaveLength((before[index] as number) + 1);
      return changes[changes.length - 1] as ProbeChange;
    });
    // The first message with this change's stamp: later states repeat it.
    const heardAt = heard.map(
      (messages: ProbeHeard[]) => messages.find((m) => m.showAt === showAt)?.heard,
    );
    const ran = await Promise.all(pages.map(framesOf));
    const imminent = await Promise.all(pages.map(imminentOf));
    const due = offsets.map((offset) => showAt - offset);
    // When the page had taken the change in and could put it up: a slide is marked imminent
    // in the render that schedules it, which a busy page runs a while after hearing, and it
    // goes up only once its pictures are decoded (a busy machine decodes them late).
    const takenIn = heardAt.map((heard, index) => {
      if (heard === undefined) return undefined;
      const marked = imminent[index]!.filter((m) => m.id === want && m.at >= heard).at(-1);
      return Math.max(heard, marked?.at ?? heard, marked?.imagesAt ?? heard);
    });
    // The first frame each page ran at or after its due time, once it was waiting for it.
    const firstRun = ran.map((frames, index) =>
      Math.min(
        ...frames
          .filter((f) => f.time >= (due[index] as number) && f.ran >= (takenIn[index] ?? 0))
          .map((f) => f.time),
      ),
    );
    const late = heardAt.map((at, index) => at === undefined || at > (due[index] as number));
    const handledLate = latest.map(
      (c, index) =>
        // Put up on receipt (outside a frame) past its due time: the page got to it late.
        (!c.inFrame && c.dom > (due[index] as number)) ||
        // Heard in time, but taken in (rendered and scheduled) only after its due time.
        (takenIn[index] as number) > (due[index] as number) ||
        // No frame ran in time to show it: the first one after due came a frame or more late.
        (firstRun[index] as number) > (due[index] as number) + FRAME_MS + 1,
    );
    const pictures = (index: number) => {
      const at = imminent[index]!.filter((m) => m.id === want).at(-1)?.imagesAt;
      return at === undefined ? '' : ` (pictures decoded ${at.toFixed(1)})`;
    };
    const log = latest
      .map(
        (c, index) =>
          `screen ${index}: due ${(showAt - (offsets[index] as number)).toFixed(1)}, heard ${heardAt[index]?.toFixed(1)}, taken in ${takenIn[index]?.toFixed(1)}${pictures(index)}, frame ${c.frame.toFixed(1)} (first run ≥ due ${firstRun[index]?.toFixed(1)}), dom ${c.dom.toFixed(1)}${c.inFrame ? '' : ' (on receipt)'}`,
      )
      .join('; ');
    // Not before its time: each screen waited for showAt on its own clock (plus its offset).
    for (const [index, change] of latest.entries()) {
      expect(change.dom + (offsets[index] as number), log).toBeGreaterThanOrEqual(showAt - 2);
    }
    const frames = latest.map((c) => c.frame);
    const spread = Math.max(...frames) - Math.min(...frames);
    checked.spreads.push(spread);
    if (late.some(Boolean)) {
      checked.heardLate += 1;
      continue;
    }
    // The rule itself, on every screen that heard it in time: up in the first frame it ran
    // at or after its showAt (or the one after, when that frame came before its commit).
    for (const [index, change] of latest.entries()) {
      if (!change.inFrame) continue;
      expect(change.frame - (firstRun[index] as number), log).toBeLessThanOrEqual(FRAME_MS + 1);
    }
    if (handledLate.some(Boolean)) {
      checked.handledLate += 1;
      continue;
    }
    // The same frame chosen: two frames allow for an offset error at a frame's edge, and
    // estimates farther apart than that widen it by as much.
    const apart = Math.max(...offsets) - Math.min(...offsets);
    if (apart > FRAME_MS) checked.clockApart += 1;
    expect(spread, `change ${i}: ${log}`).toBeLessThanOrEqual(
      2 * FRAME_MS + 1 + Math.max(0, apart - FRAME_MS),
    );
  }
  return checked;
}

/**
 * Each screen told the core when it had the changes in (`prepared`), and told the truth: each
 * report names a change it heard, at a time on the core's clock between hearing it and now.
 * Reports are at most one every 250 ms a page, so not every change has one.
 */
async function expectTrueReports(pages: Page[], changes: number) {
  for (const [index, page] of pages.entries()) {
    const reports = await preparedOf(page);
    const heard = await heardOf(page);
    const offset = await offsetOf(page);
    expect(reports.length, `screen ${index} reported too few changes`).toBeGreaterThanOrEqual(
      Math.min(3, changes),
    );
    for (const report of reports) {
      const first = heard.find((m) => m.showAt === report.showAt);
      expect(first, `screen ${index} reported a change it never heard`).toBeDefined();
      // On the core's clock by the page's offset: after it heard it, and when it sent it.
      expect(report.at - offset).toBeGreaterThanOrEqual(first!.heard - FRAME_MS);
      expect(report.at - offset).toBeLessThanOrEqual(report.sent + FRAME_MS);
    }
  }
}

test('two displays put every change up within two frames of each other, at showAt', async () => {
  const pages = await openScreens([server.urls.display, server.urls.display], 'slide');
  await expect(pages[0]!.locator('.slide-frame[data-phase="in"]')).toHaveCount(1);
  operator = await connectOperator(server.urls.operator);
  const client = operator;
  const { spreads, heardLate, handledLate, clockApart, leads } = await checkChanges(
    pages,
    10,
    { name: 'next' },
    () => client.show().itemId as string,
  );
  test.info().annotations.push({
    type: 'sync',
    description: `spreads ${spreads.map((s) => s.toFixed(1)).join(', ')}; heard late ${heardLate}, handled late ${handledLate}, clocks apart ${clockApart} of 10; leads ${leads.map((l) => l.toFixed(0)).join(', ')} ms`,
  });
  await expectTrueReports(pages, 10);
  expect(clockApart, 'the screens’ clock estimates disagreed at most changes').toBeLessThan(5);
  expect(heardLate, 'most changes heard after their showAt: the lead is too short').toBeLessThan(5);
  // The switches were flips of prepared frames (stage-flip.ts); once React has caught up, each
  // screen has one slide on air, the one the core has on air, and only that one can be reached.
  for (const page of pages) {
    const onAir = page.locator('.slide-frame[data-phase="in"]');
    await expect(onAir).toHaveCount(1);
    await expect(onAir).toHaveAttribute('data-item-id', client.show().itemId as string);
    await expect(onAir).not.toHaveAttribute('inert', /.*/);
    await expect(page.locator('.stage')).toHaveAttribute(
      'data-item-id',
      client.show().itemId as string,
    );
    await expect(page.locator('.slide-frame:not([data-phase="in"]):not([inert])')).toHaveCount(0);
  }
});

test('during a song, a display and the stage display move each line within two frames', async () => {
  const pages = await openScreens([server.urls.display, server.urls.stage], 'line');
  operator = await connectOperator(server.urls.operator);
  const client = operator;
  expect((await client.send({ name: 'lyricsStart', songId: 'internationale' })).ok).toBe(true);
  await expect
    .poll(async () =>
      (await Promise.all(pages.map(changesOf))).every((changes) => changes.at(-1)?.id === 'line:0'),
    )
    .toBe(true);
  const { spreads, heardLate, handledLate, clockApart, leads } = await checkChanges(
    pages,
    8,
    { name: 'lyricsNext' },
    () => `line:${client.show().lyrics?.line}`,
  );
  test.info().annotations.push({
    type: 'sync',
    description: `spreads ${spreads.map((s) => s.toFixed(1)).join(', ')}; heard late ${heardLate}, handled late ${handledLate}, clocks apart ${clockApart} of 8; leads ${leads.map((l) => l.toFixed(0)).join(', ')} ms`,
  });
  await expectTrueReports(pages, 8);
  expect(clockApart, 'the screens’ clock estimates disagreed at most lines').toBeLessThan(4);
  expect(heardLate + handledLate, 'most lines late: the lead is too short').toBeLessThan(4);
});

import { describe, expect, it } from 'vitest';
import { CHANGE_LEAD, ChangeLead, highDelay } from '../../../../src/main/show/change-lead';
import { ChangeStamp } from '../../../../src/main/show/change-stamp';
import { FakeClock } from './fake-clock';

/** Stamps a change at `now` and has `screen` report it ready `delay` ms after. */
function changeReadyAfter(lead: ChangeLead, now: number, screen: string, delay: number): number {
  const showAt = lead.stamp(now);
  lead.prepared(screen, showAt, now + delay);
  return showAt;
}

/** `screen` reports `delays`, one change each, half a second apart from `from`. */
function reports(lead: ChangeLead, screen: string, delays: number[], from = 0): number {
  let now = from;
  for (const delay of delays) changeReadyAfter(lead, (now += 500), screen, delay);
  return now;
}

const times = (n: number, delay: number) => Array.from({ length: n }, () => delay);

describe('highDelay', () => {
  it('is nothing until a screen has said enough, then the 90th percentile, never the highest', () => {
    expect(highDelay([])).toBeNull();
    expect(highDelay([4, 9])).toBeNull();
    // Three: the middle one; the highest is let go (a page warming up).
    expect(highDelay([4, 180, 2])).toBe(4);
    expect(highDelay([4, 9, 2, 7, 180])).toBe(9);
    // Ten: still only the highest.
    expect(highDelay([1, 2, 3, 4, 5, 6, 7, 8, 300, 500])).toBe(300);
    // Twenty: the two highest.
    expect(highDelay(times(17, 10).concat([400, 300, 200]))).toBe(200);
    expect(highDelay(times(18, 10).concat([400, 300]))).toBe(10);
  });
});

describe('ChangeLead', () => {
  it('starts at the lead that held under load, and stamps that far ahead', () => {
    const lead = new ChangeLead();
    expect(lead.current()).toBe(CHANGE_LEAD.startMs);
    expect(lead.stamp(1_000)).toBe(1_000 + CHANGE_LEAD.startMs);
  });

  it('keeps the starting lead until a screen has said enough', () => {
    const lead = new ChangeLead();
    reports(lead, 'screen', times(CHANGE_LEAD.minSamples - 1, 2));
    expect(lead.current()).toBe(CHANGE_LEAD.startMs);
    reports(lead, 'screen', [2], 10_000);
    expect(lead.current()).toBe(CHANGE_LEAD.minMs);
  });

  it('follows the slowest screen: its high delay plus the margin, within floor and ceiling', () => {
    const lead = new ChangeLead();
    let now = reports(lead, 'fast', times(5, 2));
    expect(lead.current()).toBe(CHANGE_LEAD.minMs);
    now = reports(lead, 'slower', [40, 41, 42, 43, 44], now);
    expect(lead.current()).toBe(43 + CHANGE_LEAD.marginMs);
    reports(lead, 'slower', [600, 700, 800], now);
    expect(lead.current()).toBe(CHANGE_LEAD.maxMs);
  });

  it('lets a hiccup go, follows a machine that stays busy, and forgets it after twenty changes', () => {
    const lead = new ChangeLead();
    let now = reports(lead, 'screen', times(12, 10));
    now = reports(lead, 'screen', [300], now);
    expect(lead.current()).toBe(10 + CHANGE_LEAD.marginMs);
    now = reports(lead, 'screen', [90, 95, 92], now);
    // Four of sixteen late is over a tenth: the machine is busy now, and the lead says so.
    expect(lead.current()).toBe(95 + CHANGE_LEAD.marginMs);
    reports(lead, 'screen', times(CHANGE_LEAD.samples, 10), now);
    expect(lead.current()).toBe(10 + CHANGE_LEAD.marginMs);
  });

  it('forgets delays older than a few minutes: the machine then is not the machine now', () => {
    const lead = new ChangeLead();
    reports(lead, 'busy-then', times(5, 90));
    expect(lead.current()).toBe(90 + CHANGE_LEAD.marginMs);
    reports(lead, 'screen', times(5, 5), CHANGE_LEAD.sampleMaxAgeMs + 10_000);
    expect(lead.current()).toBe(CHANGE_LEAD.minMs);
  });

  it('drops what a screen that left had said; with nobody left, the starting lead', () => {
    const lead = new ChangeLead();
    const now = reports(lead, 'a', times(5, 5));
    reports(lead, 'b', times(5, 80), now);
    expect(lead.current()).toBe(80 + CHANGE_LEAD.marginMs);
    lead.forget('b');
    expect(lead.current()).toBe(CHANGE_LEAD.minMs);
    lead.forget('a');
    expect(lead.current()).toBe(CHANGE_LEAD.startMs);
  });

  it('believes a report only about a stamp it made lately, and a ready time before it is no delay', () => {
    const lead = new ChangeLead();
    const now = reports(lead, 'a', times(CHANGE_LEAD.minSamples - 1, 50));
    // A stamp never made: not counted (one more report would have made the screen count).
    const guessed = lead.stamp(now + 500);
    lead.prepared('a', guessed + 1, now + 510);
    expect(lead.current()).toBe(CHANGE_LEAD.startMs);
    // A change missed (a screen asleep), not delayed: not counted either.
    lead.prepared('a', guessed, now + 500 + CHANGE_LEAD.missedMs);
    expect(lead.current()).toBe(CHANGE_LEAD.startMs);
    // Ready "before" the stamp: an offset a little off. Counted, as no delay.
    lead.prepared('a', guessed, now);
    expect(lead.current()).toBe(50 + CHANGE_LEAD.marginMs);
    // Only the latest stamps are remembered: memory stays bounded whatever is sent.
    const old = lead.stamp(now + 1_000);
    for (let i = 0; i < CHANGE_LEAD.stamps; i++) lead.stamp(now + 1_001 + i);
    lead.prepared('a', old, now + 1_000 + 900);
    expect(lead.current()).toBe(50 + CHANGE_LEAD.marginMs);
  });
});

describe('ChangeStamp with a learned lead', () => {
  it('stamps the first state now, each change after it by the lead at that moment', () => {
    const clock = new FakeClock(5_000);
    const lead = new ChangeLead();
    const stamp = new ChangeStamp(clock, lead);
    expect(stamp.showAt(0, null)).toBe(5_000);
    clock.advance(100);
    expect(stamp.showAt(1, null)).toBe(5_100 + CHANGE_LEAD.startMs);
    reports(lead, 'screen', times(5, 4), 100_000);
    // The same change keeps its stamp; the next one gets the new lead.
    expect(stamp.showAt(1, null)).toBe(5_100 + CHANGE_LEAD.startMs);
    clock.advance(100);
    expect(stamp.showAt(2, null)).toBe(5_200 + CHANGE_LEAD.minMs);
  });
});

import { describe, expect, it } from 'vitest';
import {
  askForCode,
  nextPollDelayMs,
  PAIR_PATH,
  PAIR_STATUS_PATH,
  pollApproval,
  type Fetch,
} from '../../../../../../src/renderer/views/display/pairing/pairing';

/** A core that answers one status and body; records what it was asked. */
function core(status: number, body: unknown) {
  const calls: { url: string; body: unknown }[] = [];
  const fetcher: Fetch = async (url, init) => {
    calls.push({ url, body: JSON.parse(String(init.body)) });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
  return { fetcher, calls };
}

const failing: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));

describe('askForCode', () => {
  it('returns the code and the secret the core gave', async () => {
    const { fetcher, calls } = core(200, { secret: 's3cret', code: 'ACDEFG', expiresAt: 5 });
    expect(await askForCode(fetcher)).toEqual({
      kind: 'code',
      secret: 's3cret',
      code: 'ACDEFG',
      expiresAt: 5,
    });
    expect(calls).toEqual([{ url: PAIR_PATH, body: {} }]);
  });

  it('says adding screens is off on 403, and waits the Retry-After on 429', async () => {
    expect(await askForCode(core(403, { reason: 'off' }).fetcher)).toEqual({ kind: 'off' });
    expect(await askForCode(core(429, { retryAfterSeconds: 7 }).fetcher)).toEqual({
      kind: 'busy',
      retryAfterMs: 7000,
    });
  });

  it('never throws: a dead network, a proxy page, a half answer are all "failed"', async () => {
    expect(await askForCode(failing)).toEqual({ kind: 'failed' });
    expect(await askForCode(core(200, '<html>captive portal</html>').fetcher)).toEqual({
      kind: 'failed',
    });
    expect(await askForCode(core(200, { code: 'ACDEFG' }).fetcher)).toEqual({ kind: 'failed' });
    expect(await askForCode(core(500, {}).fetcher)).toEqual({ kind: 'failed' });
  });
});

describe('pollApproval', () => {
  it('sends the secret and reads waiting, approved and gone', async () => {
    const waiting = core(202, { status: 'waiting', code: 'ACDEFG', expiresAt: 5 });
    expect(await pollApproval(waiting.fetcher, 'abc')).toEqual({ kind: 'waiting' });
    expect(waiting.calls).toEqual([{ url: PAIR_STATUS_PATH, body: { secret: 'abc' } }]);
    expect(
      await pollApproval(
        core(200, { status: 'approved', token: 'tok', outputId: 'o1' }).fetcher,
        'abc',
      ),
    ).toEqual({ kind: 'approved', token: 'tok' });
    expect(await pollApproval(core(404, { status: 'unknown' }).fetcher, 'abc')).toEqual({
      kind: 'gone',
    });
  });

  it('an approval without a token is not an approval', async () => {
    expect(await pollApproval(core(200, { status: 'approved' }).fetcher, 'abc')).toEqual({
      kind: 'failed',
    });
    expect(await pollApproval(core(200, { status: 'waiting' }).fetcher, 'abc')).toEqual({
      kind: 'failed',
    });
    expect(await pollApproval(failing, 'abc')).toEqual({ kind: 'failed' });
  });
});

describe('nextPollDelayMs', () => {
  it('slows down as it waits, more while the core does not answer, and stays bounded', () => {
    const waits = [0, 1, 2, 3, 4, 5, 10, 50].map((n) => nextPollDelayMs(n, 0));
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits[0]).toBeGreaterThanOrEqual(500);
    expect(Math.max(...waits)).toBeLessThanOrEqual(5000);
    expect(nextPollDelayMs(3, 2)).toBeGreaterThan(nextPollDelayMs(3, 0));
    expect(nextPollDelayMs(50, 50)).toBeLessThanOrEqual(30_000);
  });
});

import { describe, expect, it } from 'vitest';
import {
  MAX_PENDING_PER_ADDRESS,
  MAX_PENDING_SCREENS,
  PAIRING_REQUEST_TTL_MS,
  PendingScreens,
  REQUEST_WINDOW_MS,
  REQUESTS_PER_ADDRESS,
  TOKEN_PICKUP_MS,
  newScreenCode,
} from '../../../../src/main/screens/pending-screens';
import { screenCode } from '../../../../src/shared/protocol';

function setup() {
  let now = 1_000_000;
  const pending = new PendingScreens(() => now);
  return { pending, advance: (ms: number) => (now += ms) };
}
const grant = { token: 't'.repeat(43), outputId: 'o1' };

describe('pairing codes', () => {
  it('are six letters of the unambiguous alphabet, and vary', () => {
    const codes = new Set(Array.from({ length: 200 }, newScreenCode));
    for (const code of codes) expect(screenCode.safeParse(code).success).toBe(true);
    expect(codes.size).toBeGreaterThan(190);
  });
});

describe('PendingScreens', () => {
  it('hands the token once, only to the screen holding the secret, after approval', () => {
    const { pending } = setup();
    const asked = pending.request('10.0.0.5', 'Chromium on Linux');
    if (!asked.ok) throw new Error('refused');
    expect(pending.poll(asked.secret)).toMatchObject({ status: 'waiting', code: asked.code });
    // Someone else on the LAN sees the code on the screen, not the secret.
    expect(pending.poll(asked.code)).toEqual({ status: 'unknown' });
    expect(pending.approve(asked.code, grant)).toBe(true);
    expect(pending.poll(asked.secret)).toEqual({ status: 'approved', ...grant });
    expect(pending.poll(asked.secret)).toEqual({ status: 'unknown' });
  });

  it('refuses a wrong code and an approved one a second time', () => {
    const { pending } = setup();
    const asked = pending.request('10.0.0.5', 'x');
    if (!asked.ok) throw new Error('refused');
    const wrong = asked.code === 'AAAAAA' ? 'CCCCCC' : 'AAAAAA';
    expect(pending.approve(wrong, grant)).toBe(false);
    expect(pending.approve(asked.code, grant)).toBe(true);
    expect(pending.approve(asked.code, { ...grant, outputId: 'o2' })).toBe(false);
    expect(pending.list()).toEqual([]);
  });

  it('forgets a request after five minutes, and an approval nobody picked up', () => {
    const { pending, advance } = setup();
    const a = pending.request('10.0.0.5', 'x');
    const b = pending.request('10.0.0.6', 'x');
    if (!a.ok || !b.ok) throw new Error('refused');
    pending.approve(b.code, grant);
    advance(TOKEN_PICKUP_MS);
    expect(pending.poll(b.secret)).toEqual({ status: 'unknown' });
    advance(PAIRING_REQUEST_TTL_MS - TOKEN_PICKUP_MS);
    expect(pending.approve(a.code, grant)).toBe(false);
    expect(pending.poll(a.secret)).toEqual({ status: 'unknown' });
  });

  it('keeps an attacker from flooding the list: per address, per minute, and in all', () => {
    const { pending, advance } = setup();
    for (let i = 0; i < MAX_PENDING_PER_ADDRESS; i += 1) {
      expect(pending.request('10.0.0.66', 'x').ok).toBe(true);
    }
    expect(pending.request('10.0.0.66', 'x')).toMatchObject({ ok: false, reason: 'tooMany' });
    // Reloading over and over is refused within the window even once requests expire.
    advance(PAIRING_REQUEST_TTL_MS);
    const burst = Array.from({ length: REQUESTS_PER_ADDRESS * 3 }, () =>
      pending.request('10.0.0.67', 'x'),
    );
    expect(burst.filter((r) => r.ok).length).toBeLessThanOrEqual(MAX_PENDING_PER_ADDRESS);
    // Many addresses fill the list to its cap and no further.
    for (let i = 0; i < MAX_PENDING_SCREENS * 4; i += 1) pending.request(`10.0.1.${i}`, 'x');
    expect(pending.list().length).toBe(MAX_PENDING_SCREENS);
    const refused = pending.request('10.0.2.1', 'x');
    expect(refused).toMatchObject({ ok: false, reason: 'full' });
    advance(REQUEST_WINDOW_MS);
    expect(pending.list().length).toBe(MAX_PENDING_SCREENS);
  });

  it('never gives two waiting screens the same code', () => {
    let n = 0;
    const codes = ['AAAAAA', 'AAAAAA', 'CCCCCC'];
    const pending = new PendingScreens(
      () => 0,
      () => codes[n++]!,
    );
    const a = pending.request('10.0.0.1', 'x');
    const b = pending.request('10.0.0.2', 'x');
    expect(a.ok && b.ok && a.code !== b.code).toBe(true);
  });

  it('forgets everything when cleared', () => {
    const { pending } = setup();
    const asked = pending.request('10.0.0.5', 'x');
    if (!asked.ok) throw new Error('refused');
    pending.clear();
    expect(pending.list()).toEqual([]);
    expect(pending.poll(asked.secret)).toEqual({ status: 'unknown' });
  });
});

import { z } from 'zod';

/** The core's pairing endpoints (`src/main/server/screen-pair-route.ts`). */
export const PAIR_PATH = '/api/screen/pair';
export const PAIR_STATUS_PATH = '/api/screen/pair/status';

/** Where a paired screen keeps its token: only this page sends it, in its socket's query. */
export const SCREEN_TOKEN_KEY = 'solidarity-screens.screen-token';

const askedBody = z.object({
  secret: z.string().min(1),
  code: z.string().min(1).max(12),
  expiresAt: z.number(),
});
const waitingBody = z.object({ status: z.literal('waiting') });
const approvedBody = z.object({ status: z.literal('approved'), token: z.string().min(1) });
const busyBody = z.object({ retryAfterSeconds: z.number().positive().optional() });

/** What asking for a code came to. `off`: the operator has not turned on "Add a screen". */
export type AskOutcome =
  | { kind: 'code'; secret: string; code: string; expiresAt: number }
  | { kind: 'off' }
  | { kind: 'busy'; retryAfterMs: number }
  | { kind: 'failed' };

/** What one status poll came to. `gone`: expired, refused, or pairing was turned off. */
export type PollOutcome =
  { kind: 'waiting' } | { kind: 'approved'; token: string } | { kind: 'gone' } | { kind: 'failed' };

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

const post = (fetcher: Fetch, url: string, body: unknown) =>
  fetcher(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    cache: 'no-store',
  });

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** Asks the core for a code. Never throws: a network fault or a bad answer is `failed`. */
export async function askForCode(fetcher: Fetch): Promise<AskOutcome> {
  try {
    const response = await post(fetcher, PAIR_PATH, {});
    const body = await json(response);
    if (response.status === 200) {
      const parsed = askedBody.safeParse(body);
      return parsed.success ? { kind: 'code', ...parsed.data } : { kind: 'failed' };
    }
    if (response.status === 403) return { kind: 'off' };
    if (response.status === 429) {
      const seconds = busyBody.safeParse(body).data?.retryAfterSeconds ?? 10;
      return { kind: 'busy', retryAfterMs: Math.min(seconds, 300) * 1000 };
    }
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/** Asks whether the operator approved. Never throws. */
export async function pollApproval(fetcher: Fetch, secret: string): Promise<PollOutcome> {
  try {
    const response = await post(fetcher, PAIR_STATUS_PATH, { secret });
    const body = await json(response);
    if (response.status === 202 && waitingBody.safeParse(body).success) return { kind: 'waiting' };
    if (response.status === 200) {
      const parsed = approvedBody.safeParse(body);
      return parsed.success ? { kind: 'approved', token: parsed.data.token } : { kind: 'failed' };
    }
    if (response.status === 404) return { kind: 'gone' };
    return { kind: 'failed' };
  } catch {
    return { kind: 'failed' };
  }
}

/**
 * The wait before the next poll: quick at first (the operator is usually approving right
 * now), then slower, and slower still while the core does not answer, so a room of screens
 * never floods it.
 */
export function nextPollDelayMs(polls: number, failures: number): number {
  const base = Math.min(1000 * 1.5 ** polls, 5000);
  return failures > 0 ? Math.min(base * 2 ** failures, 30_000) : base;
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readScreenToken(): string | null {
  try {
    return storage()?.getItem(SCREEN_TOKEN_KEY) || null;
  } catch {
    return null;
  }
}

export function writeScreenToken(token: string | null): void {
  try {
    if (token) storage()?.setItem(SCREEN_TOKEN_KEY, token);
    else storage()?.removeItem(SCREEN_TOKEN_KEY);
  } catch {
    // Without storage the screen stays paired until the page is closed.
  }
}

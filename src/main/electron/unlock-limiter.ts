export type LimiterVerdict = { allowed: true } | { allowed: false; retryInMs: number };
export type FailureOutcome =
  { lockedOut: false; attemptsLeft: number } | { lockedOut: true; retryInMs: number };

/**
 * Five wrong PINs, then a minute of refusing every attempt without even checking it. The
 * clock is injected so tests need not wait a minute. A success clears the count.
 */
export class UnlockLimiter {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly now: () => number = Date.now,
    readonly maxFailures = 5,
    readonly lockoutMs = 60_000,
  ) {}

  check(): LimiterVerdict {
    const now = this.now();
    if (now < this.lockedUntil) return { allowed: false, retryInMs: this.lockedUntil - now };
    if (this.lockedUntil !== 0) {
      // The lockout has run out: a fresh round of attempts.
      this.lockedUntil = 0;
      this.failures = 0;
    }
    return { allowed: true };
  }

  recordFailure(): FailureOutcome {
    this.failures++;
    if (this.failures >= this.maxFailures) {
      this.lockedUntil = this.now() + this.lockoutMs;
      return { lockedOut: true, retryInMs: this.lockoutMs };
    }
    return { lockedOut: false, attemptsLeft: this.maxFailures - this.failures };
  }

  recordSuccess(): void {
    this.failures = 0;
    this.lockedUntil = 0;
  }
}

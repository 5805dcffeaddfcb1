import { randomBytes, timingSafeEqual } from 'node:crypto';
import { roles, type Role } from '../../shared/protocol';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** One token per role; given ones are kept (the Electron shell passes its stored ones). */
export function makeTokens(given: Partial<Record<Role, string>> = {}): Record<Role, string> {
  const tokens = {} as Record<Role, string>;
  for (const role of roles) {
    const token = given[role];
    if (token !== undefined && token.length < 16) {
      throw new Error(`the ${role} token is too short: use at least 16 characters`);
    }
    tokens[role] = token ?? newToken();
  }
  return tokens;
}

/** Constant-time, so a client cannot learn a token a character at a time. */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { viewRoles, type ViewRole } from '../../shared/protocol';
import { newToken } from './new-token';

/**
 * What a token may be, wherever it comes from (made here, read back from tokens.json, given
 * by the shell): 16 to 256 characters that need no escaping in a URL. A token is printed to
 * the terminal and put in links, so a huge one or one with control characters never is.
 */
export const tokenSchema = z
  .string()
  .min(16, 'too short: use at least 16 characters')
  .max(256, 'too long: use at most 256 characters')
  .regex(/^[A-Za-z0-9._~-]+$/, 'use only letters, digits and . _ ~ -');

export { newToken };

/** One token per role; given ones are kept (the Electron shell passes its stored ones). */
export function makeTokens(
  given: Partial<Record<ViewRole, string>> = {},
): Record<ViewRole, string> {
  const tokens = {} as Record<ViewRole, string>;
  for (const role of viewRoles) {
    const token = given[role];
    const problem = token === undefined ? undefined : tokenSchema.safeParse(token).error;
    if (problem) {
      throw new Error(`the ${role} token is ${problem.issues[0]?.message ?? 'not usable'}`);
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

import { randomBytes } from 'node:crypto';

/**
 * A fresh token: 32 URL-safe characters. Its own module, with no schema library, so the CLI
 * can make the run's `cli` control token before the core is loaded (first-slide/).
 */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

import { createHash } from 'node:crypto';
import type { Version } from '../../../shared/protocol/content-api';

/** Names one state of a file's bytes: what `ETag` and `If-Match` carry. */
export function versionOf(bytes: string | Uint8Array): Version {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';
import { coreText, type LocalizedText } from '../../shared/protocol';
import { CONTROL_TOKEN_NAME_MAX, type ControlTokenInfo } from '../../shared/protocol/control-api';
import { readJsonFile, writeFileAtomic } from './atomic-file';
import { latestWriter } from './latest-writer';
import { newToken } from './new-token';

export const CONTROL_TOKENS_FILE = 'control-tokens.json';
/** A hundred named tokens take about 20 KiB. */
const MAX_FILE_BYTES = 64 * 1024;
/** "Last used" is kept to the minute: a controller polling every second writes no file. */
const LAST_USED_STEP_MS = 60_000;

const storedTokenSchema = z.strictObject({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(CONTROL_TOKEN_NAME_MAX),
  /** sha256 of the token, base64url. The token itself is never stored. */
  hash: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  createdAt: z.number(),
  lastUsedAt: z.number().nullable(),
});
type StoredToken = z.infer<typeof storedTokenSchema> & { persist: boolean };

const fileSchema = z.strictObject({ tokens: z.array(storedTokenSchema).max(200) });

/**
 * The named control tokens (Companion, a Stream Deck, a script): several, each revocable on
 * its own. Kept hashed in `<data>/control-tokens.json` (0600): a copy of the file does not
 * drive the show. A token is seen once, when it is made.
 */
export interface ControlTokenStore {
  list(): ControlTokenInfo[];
  /**
   * `persist: false`: lives as long as the process (the `cli` token `serve` prints). `token`:
   * one made before the store was open (the banner printed before the core was loaded).
   */
  create(
    name: string,
    options?: { persist?: boolean; token?: string },
  ): { token: string; info: ControlTokenInfo };
  revoke(id: string): boolean;
  /** The token `given` is, marked as used now; null for none. */
  authenticate(given: string): ControlTokenInfo | null;
  /** Called with a token's id when it is revoked, to close what it opened. */
  onRevoke(listener: (id: string) => void): () => void;
  flush(): Promise<void>;
}

export interface ControlTokenStoreOptions {
  now?: () => number;
  notice?: (text: LocalizedText) => void;
}

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

function infoOf(stored: StoredToken): ControlTokenInfo {
  return {
    id: stored.id,
    name: stored.name,
    createdAt: stored.createdAt,
    lastUsedAt: stored.lastUsedAt,
  };
}

/** null `dataDir`: nothing is kept, every token lasts as long as the process. */
export async function openControlTokenStore(
  dataDir: string | null,
  options: ControlTokenStoreOptions = {},
): Promise<ControlTokenStore> {
  const now = options.now ?? (() => Date.now());
  const notice = options.notice ?? ((text: LocalizedText) => console.error(text.message));
  const file = dataDir === null ? null : path.join(dataDir, CONTROL_TOKENS_FILE);
  const tokens: StoredToken[] = [];
  if (file) {
    try {
      const read = await readJsonFile(file, fileSchema, () => new Date(now()), {
        maxBytes: MAX_FILE_BYTES,
      });
      if (read.status === 'ok') {
        for (const token of read.value.tokens) tokens.push({ ...token, persist: true });
      }
      if (read.status === 'corrupt') {
        notice(coreText('control.tokensCorrupt', { detail: read.error, movedTo: read.movedTo }));
      }
    } catch (error) {
      notice(coreText('control.tokensUnreadable', { file, detail: (error as Error).message }));
    }
  }
  const writer = latestWriter<string>(
    async (text) => {
      if (file) await writeFileAtomic(file, text, { mode: 0o600 });
    },
    (error) =>
      notice(
        coreText('control.tokensUnsaved', { file: file ?? '', detail: (error as Error).message }),
      ),
  );
  const save = (): void => {
    if (!file) return;
    const kept = tokens.filter((t) => t.persist).map(({ persist: _persist, ...stored }) => stored);
    writer.save(`${JSON.stringify({ tokens: kept }, null, 2)}\n`);
  };
  const revokeListeners = new Set<(id: string) => void>();

  return {
    list: () => tokens.map(infoOf),
    create(name, createOptions = {}) {
      const token = createOptions.token ?? newToken();
      const stored: StoredToken = {
        id: randomUUID(),
        name: name.trim().slice(0, CONTROL_TOKEN_NAME_MAX),
        hash: hashOf(token).toString('base64url'),
        createdAt: now(),
        lastUsedAt: null,
        persist: createOptions.persist ?? true,
      };
      tokens.push(stored);
      if (stored.persist) save();
      return { token, info: infoOf(stored) };
    },
    revoke(id) {
      const index = tokens.findIndex((t) => t.id === id);
      if (index < 0) return false;
      const [gone] = tokens.splice(index, 1);
      if (gone?.persist) save();
      for (const listener of revokeListeners) listener(id);
      return true;
    },
    authenticate(given) {
      const hash = hashOf(given);
      // Every token is compared, so the time taken does not tell which one nearly matched.
      let found: StoredToken | null = null;
      for (const stored of tokens) {
        if (timingSafeEqual(Buffer.from(stored.hash, 'base64url'), hash)) found = stored;
      }
      if (!found) return null;
      const at = now();
      if (found.lastUsedAt === null || at - found.lastUsedAt >= LAST_USED_STEP_MS) {
        found.lastUsedAt = at;
        if (found.persist) save();
      }
      return infoOf(found);
    },
    onRevoke(listener) {
      revokeListeners.add(listener);
      return () => revokeListeners.delete(listener);
    },
    flush: () => writer.flush(),
  };
}

import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { coreText, viewRoles, type LocalizedText, type ViewRole } from '../../shared/protocol';
import { newToken, tokenSchema } from './tokens';
import { readJsonFile, writeFileAtomic } from './atomic-file';

export const TOKENS_FILE = 'tokens.json';

/** Five tokens of 32 characters take about 300 bytes. */
export const MAX_TOKENS_FILE_BYTES = 16 * 1024;

/**
 * Role → token. Partial and loose: a file from before a role existed (kiosk, say) keeps its
 * other tokens and gains the new one, and a file from a newer version keeps working.
 */
export const tokensFileSchema: z.ZodType<Partial<Record<ViewRole, string>>> = z.object(
  Object.fromEntries(viewRoles.map((role) => [role, tokenSchema.optional()])) as Record<
    ViewRole,
    z.ZodOptional<z.ZodString>
  >,
);

export function tokensPath(dataDir: string): string {
  return path.join(dataDir, TOKENS_FILE);
}

export interface LoadedTokens {
  tokens: Record<ViewRole, string>;
  /** What the operator should know: tokens replaced, a file set aside, a file not saved. */
  notices: LocalizedText[];
}

export interface LoadTokensOptions {
  /** `--new-tokens`: replace every token, so every link handed out before stops working. */
  regenerate?: boolean;
  now?: () => Date;
}

/**
 * The view tokens, kept in `<data>/tokens.json` so the URLs in OBS browser sources and on a
 * Pi's kiosk keep working across restarts. Made once; replaced only on request or when the
 * file is unusable. Never throws: if nothing can be stored, the tokens last as long as the
 * process, which is how the show ran before it had a data folder.
 */
export async function loadTokens(
  dataDir: string,
  options: LoadTokensOptions = {},
): Promise<LoadedTokens> {
  const file = tokensPath(dataDir);
  const notices: LocalizedText[] = [];
  let stored: Partial<Record<ViewRole, string>> = {};
  if (options.regenerate) {
    notices.push(coreText('notice.newTokens'));
  } else {
    try {
      const read = await readJsonFile(file, tokensFileSchema, options.now, {
        maxBytes: MAX_TOKENS_FILE_BYTES,
      });
      if (read.status === 'ok') stored = read.value;
      if (read.status === 'corrupt') {
        notices.push(
          coreText('notice.tokensCorrupt', { detail: read.error, movedTo: read.movedTo }),
        );
      }
    } catch (error) {
      notices.push(coreText('notice.tokensUnreadable', { file, detail: (error as Error).message }));
      return { tokens: complete({}), notices };
    }
  }

  const tokens = complete(stored);
  if (viewRoles.some((role) => stored[role] !== tokens[role])) {
    try {
      // 0600: whoever holds a token drives the show.
      await writeFileAtomic(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      notices.push(coreText('notice.tokensUnsaved', { file, detail: (error as Error).message }));
    }
  } else {
    await tightenMode(file);
  }
  return { tokens, notices };
}

function complete(stored: Partial<Record<ViewRole, string>>): Record<ViewRole, string> {
  const tokens = {} as Record<ViewRole, string>;
  for (const role of viewRoles) tokens[role] = stored[role] ?? newToken();
  return tokens;
}

/** A tokens file copied in by hand may be readable by everyone; it should not stay that way. */
async function tightenMode(file: string): Promise<void> {
  if (process.platform === 'win32') return;
  try {
    if (((await stat(file)).mode & 0o077) !== 0) await chmod(file, 0o600);
  } catch {
    // Best effort: the tokens still work, and the file was readable a moment ago.
  }
}

import type { Stats } from 'node:fs';
import { itemMedia, type ContentSnapshot } from '../../shared/content';
import type { ViewRole } from '../../shared/protocol';
import type { ResolveMedia } from './media';
import { tokenMatches } from '../settings/tokens';

/** Why a media request is refused; the route answers it as a plain status and nothing more. */
export type MediaRefusal = { status: 401; text: string } | { status: 404; text: string };

/** Decides, before anything is read, whether a `/media/` request may have its file. */
export type MediaAccess = (token: unknown, relPath: string) => Promise<MediaRefusal | null>;

export interface MediaAccessOptions {
  /** The fixed role tokens that open media; none on the LAN listener. */
  tokens: Partial<Record<ViewRole, string>>;
  /** A paired phone's device token opens media like a view's token. */
  pairedDevice: (token: string) => boolean;
  content: () => ContentSnapshot;
  safeMode: () => boolean;
  resolve: ResolveMedia;
}

/** Tokens are 16 to 256 characters; anything longer is not worth hashing or comparing. */
const MAX_TOKEN_LENGTH = 256;

const NO_TOKEN: MediaRefusal = { status: 401, text: 'A view token is needed\n' };
// The same bare 404 as a missing file: a view learns nothing it could not see already.
const WITHHELD: MediaRefusal = { status: 404, text: 'Not found\n' };

/**
 * The pack's media paths that must not be served now: every photo and drawing shown without
 * consent (never shown, so never served), and in safe mode every one of a sensitive item.
 */
export function withheldMediaPaths(content: ContentSnapshot, safeMode: boolean): string[] {
  // A video's file, still and subtitles are its media too (`itemMedia`), so in safe mode a
  // sensitive film is withheld like a sensitive photo.
  return content.items.flatMap((item) =>
    itemMedia(item)
      .filter((media) => !media.consent || (safeMode && item.sensitive))
      .map((media) => media.file),
  );
}

const identity = (info: Stats): string => `${info.dev}:${info.ino}`;

/**
 * Media goes only to a view that presents a token (its own, in the `token` query parameter),
 * so a page on another site that reaches the server through DNS rebinding gets nothing. A
 * withheld file is refused by what it is, not by how it is named: each withheld path is
 * resolved like the request and compared by device and inode, so another spelling, a link
 * inside the pack or a hard link to the same photo is refused too. The server resolves
 * through the content store's table of checked files, so the withheld set changes only with
 * the content or safe mode: it is worked out once for each, not on every image request.
 */
export function createMediaAccess(options: MediaAccessOptions): MediaAccess {
  const validToken = (token: unknown): boolean => {
    if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      return false;
    }
    let matched = false;
    // Every role is compared, so the time taken does not say which role a token nearly was.
    for (const expected of Object.values(options.tokens)) {
      if (tokenMatches(expected, token)) matched = true;
    }
    return matched || options.pairedDevice(token);
  };

  let cached: {
    content: ContentSnapshot;
    safeMode: boolean;
    withheld: Promise<{ identities: Set<string>; paths: Set<string> }>;
  } | null = null;
  const withheldNow = () => {
    const content = options.content();
    const safeMode = options.safeMode();
    if (cached?.content !== content || cached.safeMode !== safeMode) {
      const paths = withheldMediaPaths(content, safeMode);
      cached = {
        content,
        safeMode,
        withheld: Promise.all(paths.map((file) => options.resolve(file))).then((results) => {
          const found = { identities: new Set<string>(), paths: new Set<string>() };
          for (const result of results) {
            if (!result.ok) continue;
            found.identities.add(identity(result.info));
            found.paths.add(result.path);
          }
          return found;
        }),
      };
    }
    return cached.withheld;
  };

  return async (token, relPath) => {
    if (!validToken(token)) return NO_TOKEN;
    const withheld = await withheldNow();
    if (withheld.identities.size === 0) return null;
    const requested = await options.resolve(relPath);
    if (!requested.ok) return null; // The route answers its own 404.
    const refused =
      withheld.identities.has(identity(requested.info)) || withheld.paths.has(requested.path);
    return refused ? WITHHELD : null;
  };
}

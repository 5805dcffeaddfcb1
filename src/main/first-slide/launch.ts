import { localUrl, views } from '../../shared/protocol/views';
import type { ViewRole } from '../../shared/protocol/roles';
import type { ServeStartOptions } from '../cli/serve-options';
import { bannerHead } from '../core/messages';
import { newToken } from '../settings/new-token';
import { listenWithKeptSlide, type EarlyServer } from './early-server';
import { keptSlideFor } from './kept-start';
import { keptSlideOptions } from './options';
import type { KeptSlideRecord } from './record';

/**
 * A start answered from the kept first slide: the server listening (load the core once its
 * `wake` resolves), the run's `cli` token, and the views' addresses as the banner printed them.
 */
export interface KeptStart {
  early: EarlyServer;
  cliControlToken: string;
  url: string;
  tokens: Record<ViewRole, string>;
}

/** The record's tokens as the banner needs them: one for every view, or none at all. */
function viewTokens(record: KeptSlideRecord): Record<ViewRole, string> | null {
  const tokens = {} as Record<ViewRole, string>;
  for (const { role } of views) {
    const token = record.tokens[role];
    if (typeof token !== 'string') return null;
    tokens[role] = token;
  }
  return tokens;
}

/**
 * A restart with nothing changed since the last stop (same pack files, same saved show, same
 * build, same day): listens at once, answers the display (and the kiosk) with the slide the last
 * run kept, and prints the views' addresses. The caller loads the core once `early.wake`
 * resolves (the slide's picture sent and given time to paint, or a request only the core can
 * answer), and may open a browser on the addresses before that. Null for a
 * normal start: no usable copy, new tokens asked for, or the port not free (the core then says
 * why in its own words). Everything here is Node's own modules and a few small files: a start
 * this path takes must not pay for the libraries it is there to put off.
 */
export async function listenWithKeptFirstSlide(
  start: ServeStartOptions,
  out: (line: string) => void,
  now: number = Date.now(),
): Promise<KeptStart | null> {
  if (start.newTokens) return null;
  const record = await keptSlideFor({
    contentDir: start.contentDir,
    dataDir: start.dataDir,
    rendererDir: start.rendererDir,
    options: keptSlideOptions(start),
    now,
  });
  const tokens = record && viewTokens(record);
  if (!record || !tokens) return null;
  let early: EarlyServer;
  try {
    early = await listenWithKeptSlide({
      host: start.host,
      port: start.port,
      record,
      rendererDir: start.rendererDir,
    });
  } catch {
    return null;
  }
  const cliControlToken = newToken();
  const server = { url: localUrl(start.host, early.port), tokens, cliControlToken };
  for (const line of bannerHead(start.contentDir, server)) out(line);
  return { early, ...server };
}

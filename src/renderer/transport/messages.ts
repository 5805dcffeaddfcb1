import type { ContentSnapshot } from '../../shared/content';
import {
  serverMessageSchema,
  type Result,
  type Role,
  type ServerMessage,
} from '../../shared/protocol';
import {
  applyClients,
  applyContent,
  applyNotices,
  applyObs,
  applyRemote,
  applyScreens,
  applyShow,
  connectionWelcomed,
  type Stores,
} from '../stores';

/** How long a pack that drops the item on air waits for the core's next `show`. */
export const HOLD_CONTENT_MS = 250;

/** Parses one frame from the core; anything that is not a valid message is null. */
export function parseServerMessage(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') return null;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const parsed = serverMessageSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

export interface MessageHandlerOptions {
  stores: Stores;
  /** The role we asked for; a welcome naming another role is logged, not trusted. */
  role?: Role;
  warn: (...args: unknown[]) => void;
  /** The core welcomed us: the connection's own bookkeeping (timers, failure count). */
  onWelcome: () => void;
  /** The core answered a command. */
  onResult: (requestId: string, result: Result) => void;
  /** The core answered a clock ping. */
  onPong?: (stamps: { t0: number; t1: number; t2: number }) => void;
}

export interface MessageHandler {
  handle(message: ServerMessage): void;
}

/** Puts each of the core's messages into the stores it belongs to. */
export function createMessageHandler(options: MessageHandlerOptions): MessageHandler {
  const { stores } = options;

  /**
   * A pack without the item on air: the core moves the show on and says so in the next
   * message. Applied alone, it would put the neutral screen up for the moment in between (a
   * blank flash on every screen); held until that `show` (or HOLD_CONTENT_MS), the two change
   * the screens together, and the withdrawn slide still leaves at once.
   */
  let heldContent: { content: ContentSnapshot; timer: ReturnType<typeof setTimeout> } | null = null;
  function applyHeldContent() {
    if (!heldContent) return;
    const { content, timer } = heldContent;
    heldContent = null;
    clearTimeout(timer);
    applyContent(content, stores.content);
  }

  function handle(message: ServerMessage) {
    if (message.type === 'pong') {
      options.onPong?.(message);
      return;
    }
    if (message.type !== 'show' && message.type !== 'content') applyHeldContent();
    switch (message.type) {
      case 'welcome':
        options.onWelcome();
        if (options.role && message.role !== options.role) {
          options.warn(`[socket] asked for role ${options.role}, the core says ${message.role}`);
        }
        connectionWelcomed(message, stores.connection);
        break;
      case 'content': {
        applyHeldContent();
        const onAir = stores.show.getState().show?.itemId;
        if (onAir && !message.content.items.some((item) => item.id === onAir)) {
          heldContent = {
            content: message.content,
            timer: setTimeout(applyHeldContent, HOLD_CONTENT_MS),
          };
        } else {
          applyContent(message.content, stores.content);
        }
        break;
      }
      case 'show':
        // In the same task, so the views render both in one go.
        applyShow(message.show, stores.show);
        applyHeldContent();
        break;
      // Operator-only: the core sends these to the console and nobody else.
      case 'clients':
        applyClients(message.clients, stores.operator);
        break;
      case 'remote':
        applyRemote(message.remote, stores.operator);
        break;
      case 'screens':
        applyScreens(message.screens, stores.operator);
        break;
      case 'notices':
        applyNotices(message.notices, stores.operator);
        break;
      case 'obs':
        applyObs(message.obs, stores.obs);
        break;
      case 'result':
        options.onResult(
          message.requestId,
          message.ok ? { ok: true } : { ok: false, error: message.error },
        );
        break;
    }
  }

  return { handle };
}

import type { FastifyInstance } from 'fastify';
import { FOREIGN_HOST_HEADERS } from './headers';

/** `host:port` of each origin (`http://host:port`), as a browser sends it in `Host`. */
export function hostsOf(origins: Iterable<string>): Set<string> {
  return new Set([...origins].map((origin) => origin.replace(/^https?:\/\//, '').toLowerCase()));
}

export const FOREIGN_HOST_TEXT = 'This server answers only under its own address\n';

/**
 * DNS rebinding: a page on another site points its own name at 127.0.0.1 and then reads from
 * us as if it were us; the one thing it cannot change is the Host header, which still names
 * its site. So every request (pages, assets, media, the socket's upgrade, pairing) must name
 * this listener by an address it serves on, or it is refused before any route runs.
 */
export function refuseForeignHosts(app: FastifyInstance, allowed: () => Set<string>): void {
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    if (typeof host === 'string' && allowed().has(host.toLowerCase())) return;
    // A refused socket handshake runs no further hook, so nothing else would end its
    // connection: it is ended here once the refusal is written.
    if (request.headers.upgrade !== undefined) {
      reply.raw.once('finish', () => request.raw.socket.destroy());
    }
    await reply.code(421).headers(FOREIGN_HOST_HEADERS).send(FOREIGN_HOST_TEXT);
  });
}

import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createRealSocket } from '../../../../src/main/obs/obs-socket';

// The real socket loads obs-websocket-js on its first connect (the core must not wait for it
// before listening). What the bridge does before connecting must still reach the library.
describe('the real OBS socket, loaded on first connect', () => {
  let server: WebSocketServer | null = null;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = null;
  });

  it('hands listeners added before connecting to the library, and the close reaches them', async () => {
    // Something that speaks WebSocket but not OBS: it hangs up at once.
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    server.on('connection', (socket) => socket.close(4009, 'go away'));
    await new Promise<void>((resolve) => server!.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;

    const socket = createRealSocket();
    const closed: unknown[] = [];
    socket.on('ConnectionClosed', (error) => closed.push(error));
    await expect(
      socket.connect(`ws://127.0.0.1:${port}`, undefined, { rpcVersion: 1 }),
    ).rejects.toBeDefined();
    await expect.poll(() => closed.length).toBe(1);
    expect(String((closed[0] as { code?: number }).code)).toBe('4009');
    await socket.disconnect();
  });

  it('refuses a call before any connection, and disconnecting then is harmless', async () => {
    const socket = createRealSocket();
    await expect(socket.call('GetVersion')).rejects.toThrow(/not connected/i);
    await expect(socket.disconnect()).resolves.toBeUndefined();
    socket.removeAllListeners();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { createStores, type Stores } from '../../../../src/renderer/stores';
import { REMOTE_TOKEN_KEY } from '../../../../src/renderer/stores/remote';
import { createSocketClient, type SocketLike } from '../../../../src/renderer/transport/connection';
import { socketTarget } from '../../../../src/renderer/transport/socket';

/** Plays the core's side of one socket. */
class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  send() {}
  close() {
    this.readyState = 3;
  }
  receive(message: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
}

let stores: Stores;

function connect(role: 'operator' | 'remote') {
  const socket = new FakeSocket();
  const client = createSocketClient({
    url: 'ws://x/ws',
    role,
    stores,
    createSocket: () => socket,
    warn: () => {},
  });
  client.start();
  socket.readyState = 1;
  socket.receive({ type: 'welcome', protocol: 1, role, clientId: 'c1' });
  return { socket, client };
}

beforeEach(() => {
  localStorage.clear();
  stores = createStores();
  stores.remote.setState({ token: null, message: null, lockedUntil: null });
});

describe('operator-only messages', () => {
  it('go to the operator store of the bundle the client was given', () => {
    const { socket, client } = connect('operator');
    socket.receive({
      type: 'clients',
      clients: [
        {
          id: 'd',
          role: 'display',
          address: '127.0.0.1',
          agent: null,
          connectedAt: 1,
          deviceId: null,
        },
      ],
    });
    socket.receive({
      type: 'remote',
      remote: {
        enabled: true,
        url: 'http://192.168.1.2:8080/remote',
        pin: '123456',
        lockedUntil: null,
        devices: [],
        error: null,
      },
    });
    socket.receive({ type: 'notices', notices: [{ message: 'tokens replaced' }] });
    socket.receive({
      type: 'obs',
      obs: {
        status: {
          state: 'disconnected',
          message: 'OBS is not configured.',
          obsVersion: null,
          obsWebSocketVersion: null,
          host: null,
          port: null,
          hasPassword: false,
          passwordFromEnv: false,
        },
        scenes: null,
        outputs: null,
        setup: null,
        overlay: null,
      },
    });
    expect(stores.obs.getState().obs?.status.state).toBe('disconnected');
    const state = stores.operator.getState();
    expect(state.clients?.[0]?.role).toBe('display');
    expect(state.remote?.pin).toBe('123456');
    expect(state.notices).toEqual([{ message: 'tokens replaced' }]);
    client.stop();
  });
});

describe('the phone’s socket', () => {
  it('takes the stored token on /remote, and only there', () => {
    localStorage.setItem(REMOTE_TOKEN_KEY, 'phone-token');
    const loc = { protocol: 'http:', host: '192.168.1.2:8080', search: '' };
    expect(socketTarget(loc, 'remote')?.url).toBe(
      'ws://192.168.1.2:8080/ws?role=remote&token=phone-token',
    );
    expect(socketTarget(loc, 'display')).toBeNull();
  });

  it('forgets a token the core refuses (revoked) and says why', () => {
    localStorage.setItem(REMOTE_TOKEN_KEY, 'phone-token');
    stores.remote.setState({ token: 'phone-token' });
    const { socket, client } = connect('remote');
    socket.onclose?.({ code: 4001, reason: 'the operator unpaired it' } as CloseEvent);
    expect(stores.remote.getState().token).toBeNull();
    // Said in the phone's language by its key; the core's English reason is kept with it.
    expect(stores.remote.getState().message).toEqual({
      key: 'remote:notice.unpaired',
      message: expect.stringContaining('the operator unpaired it'),
    });
    expect(localStorage.getItem(REMOTE_TOKEN_KEY)).toBeNull();
    client.stop();
  });

  it('keeps its pairing when the remote is merely turned off (4004)', () => {
    localStorage.setItem(REMOTE_TOKEN_KEY, 'phone-token');
    stores.remote.setState({ token: 'phone-token' });
    const { socket, client } = connect('remote');
    socket.onclose?.({
      code: 4004,
      reason: 'the operator turned the phone remote off',
    } as CloseEvent);
    expect(stores.remote.getState().token).toBe('phone-token');
    expect(localStorage.getItem(REMOTE_TOKEN_KEY)).toBe('phone-token');
    client.stop();
  });
});

import { describe, expect, it } from 'vitest';
import { roleForPath } from '../../../../src/renderer/app/routes';
import { socketTarget } from '../../../../src/renderer/transport/socket';

describe('socketTarget', () => {
  it('takes the role from the route and the token from the query', () => {
    expect(
      socketTarget(
        { protocol: 'http:', host: '127.0.0.1:8080', search: '?token=a b&x=1' },
        roleForPath('/display'),
      ),
    ).toEqual({
      role: 'display',
      token: 'a b',
      url: 'ws://127.0.0.1:8080/ws?role=display&token=a+b',
    });
    expect(
      socketTarget({ protocol: 'https:', host: 'h', search: '?token=t' }, roleForPath('/remote/'))
        ?.url,
    ).toBe('wss://h/ws?role=remote&token=t');
  });

  it('has no target without a token or off the routes', () => {
    const base = { protocol: 'http:', host: 'h' };
    expect(socketTarget({ ...base, search: '' }, roleForPath('/display'))).toBeNull();
    expect(socketTarget({ ...base, search: '?token=t' }, roleForPath('/admin'))).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { matchRoute, roleForPath, routes, screenRoute } from '../../../../src/renderer/app/routes';
import { viewRoles } from '../../../../src/shared/protocol';

describe('routes', () => {
  it('has one page per role with a page (control has none: it is an HTTP client)', () => {
    expect(routes.map((r) => r.role).sort()).toEqual([...viewRoles].sort());
  });

  it('matches with or without a trailing slash, and nothing else', () => {
    expect(roleForPath('/display')).toBe('display');
    expect(roleForPath('/operator/')).toBe('operator');
    expect(roleForPath('/')).toBeNull();
    expect(roleForPath('/display/extra')).toBeNull();
    expect(matchRoute('/overlay')?.path).toBe('/overlay');
    expect(matchRoute('/screen')).toBe(screenRoute);
    expect(matchRoute('/screen/')).toBe(screenRoute);
    expect(matchRoute('/screen/x')).toBeUndefined();
  });

  it('loads each view as a component, and the kiosk as its own one', async () => {
    const views = await Promise.all(routes.map((route) => route.load()));
    for (const view of views) expect(typeof view).toBe('function');
    const byRole = new Map(routes.map((route, index) => [route.role, views[index]]));
    expect(byRole.get('kiosk')).not.toBe(byRole.get('display'));
    expect(new Set(views).size).toBe(routes.length);
  }, 20_000);
});

import { describe, expect, it } from 'vitest';
import { matchRoute, roleForPath, routes } from '../../../../src/renderer/src/routes';
import { roles } from '../../../../src/shared/protocol';

describe('routes', () => {
  it('has one page per role', () => {
    expect(routes.map((r) => r.role).sort()).toEqual([...roles].sort());
  });

  it('matches with or without a trailing slash, and nothing else', () => {
    expect(roleForPath('/display')).toBe('display');
    expect(roleForPath('/operator/')).toBe('operator');
    expect(roleForPath('/')).toBeNull();
    expect(roleForPath('/display/extra')).toBeNull();
    expect(matchRoute('/overlay')?.path).toBe('/overlay');
  });
});

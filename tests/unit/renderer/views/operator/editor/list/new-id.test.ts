import { describe, expect, it } from 'vitest';
import {
  idProblem,
  suggestId,
} from '../../../../../../../src/renderer/views/operator/editor/list/new-id';

describe('a new item’s id', () => {
  it('is suggested from a title in any script, and made unique', () => {
    const taken = new Set(['free-boris', 'free-boris-2']);
    expect(suggestId('Free Boris!', taken)).toBe('free-boris-3');
    expect(suggestId('Азат Мифтахов', new Set())).toBe('azat-miftakhov');
    expect(suggestId('Свобода політв’язням', new Set())).toBe('svoboda-politv-yaznyam');
    expect(suggestId('Liberté pour Émile', new Set())).toBe('liberte-pour-emile');
    expect(suggestId('!!!', new Set())).toBe('item');
    expect(idProblem(suggestId('x'.repeat(200), new Set()), new Set())).toBeNull();
  });

  it('refuses an empty id, one outside [a-z0-9-], and one the pack already has', () => {
    const taken = new Set(['main']);
    expect(idProblem('', taken)).toBe('empty');
    for (const bad of ['Main', 'a_b', 'a b', '-a', 'a-', 'a--b', '../x', 'é']) {
      expect(idProblem(bad, taken)).toBe('pattern');
    }
    expect(idProblem('main', taken)).toBe('taken');
    expect(idProblem('main-2', taken)).toBeNull();
  });
});

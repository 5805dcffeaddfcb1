import { describe, expect, it } from 'vitest';
import {
  findItems,
  problemCounts,
} from '../../../../../../../src/renderer/views/operator/editor/list/find-items';
import { itemList } from '../fake-api';

describe('finding items', () => {
  it('groups by kind in the documented order and sorts by title', () => {
    expect(findItems(itemList.items, '').map((s) => [s.kind, s.items.map((i) => i.id)])).toEqual([
      ['case', ['azat-miftakhov', 'boris-kagarlitsky']],
      ['song', ['internationale']],
      ['playlist', ['main']],
    ]);
  });

  it('matches every word, ignoring case and accents, in ids, titles and other languages', () => {
    const titles = new Map([['boris-kagarlitsky', ['Борис Кагарлицкий']]]);
    const ids = (query: string) =>
      findItems(itemList.items, query, titles).flatMap((s) => s.items.map((i) => i.id));
    expect(ids('BORIS kagar')).toEqual(['boris-kagarlitsky']);
    expect(ids('борис')).toEqual(['boris-kagarlitsky']);
    expect(ids('miftakhov')).toEqual(['azat-miftakhov']);
    expect(ids('internatiônale')).toEqual(['internationale']);
    expect(ids('boris azat')).toEqual([]);
  });

  it('counts errors and warnings apart', () => {
    expect(problemCounts(itemList.items[1]!)).toEqual({ errors: 2, warnings: 1 });
  });
});

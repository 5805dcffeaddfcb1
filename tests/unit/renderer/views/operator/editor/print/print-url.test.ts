import { describe, expect, it } from 'vitest';
import {
  printPageUrl,
  printsSensitive,
} from '../../../../../../../src/renderer/views/operator/editor/print/print-url';

const ORIGIN = 'http://127.0.0.1:8080';

describe('printPageUrl', () => {
  it('builds the print page address with the token, the item, the format and two languages in order', () => {
    expect(
      printPageUrl(ORIGIN, 'tok', 'free-boris-site', { format: 'a3', languages: ['fr', 'en'] }),
    ).toBe(`${ORIGIN}/print?token=tok&item=free-boris-site&format=a3&lang=fr&lang=en`);
  });

  it('adds the event only when one is chosen', () => {
    expect(
      printPageUrl(ORIGIN, 'tok', 'free-boris-site', {
        format: 'a6',
        languages: ['ru'],
        eventId: 'solidarity-day-boris-2023',
      }),
    ).toBe(
      `${ORIGIN}/print?token=tok&item=free-boris-site&format=a6&lang=ru&event=solidarity-day-boris-2023`,
    );
  });

  it('encodes every value: a hostile id or token cannot add or replace a parameter', () => {
    const url = printPageUrl(ORIGIN, 'a+b/c=&d', 'x&token=evil#frag', {
      format: 'a4',
      languages: ['fr&lang=de'],
      eventId: 'e?event=other',
    });
    const query = new URL(url).searchParams;
    expect(new URL(url).pathname).toBe('/print');
    expect(new URL(url).hash).toBe('');
    expect(query.getAll('token')).toEqual(['a+b/c=&d']);
    expect(query.getAll('item')).toEqual(['x&token=evil#frag']);
    expect(query.getAll('lang')).toEqual(['fr&lang=de']);
    expect(query.getAll('event')).toEqual(['e?event=other']);
  });

  it('sends at most two languages (the page prints two side by side)', () => {
    const url = printPageUrl(ORIGIN, 't', 'i', { format: 'a4', languages: ['en', 'fr', 'ru'] });
    expect(new URL(url).searchParams.getAll('lang')).toEqual(['en', 'fr']);
  });
});

describe('printsSensitive', () => {
  it('a case is sensitive unless its file says sensitive: false', () => {
    expect(printsSensitive('case', {})).toBe(true);
    expect(printsSensitive('case', { sensitive: true })).toBe(true);
    expect(printsSensitive('case', { sensitive: false })).toBe(false);
  });

  it('an action or event only when its file says so', () => {
    expect(printsSensitive('action', {})).toBe(false);
    expect(printsSensitive('event', { sensitive: true })).toBe(true);
    expect(printsSensitive('event', null)).toBe(false);
  });
});

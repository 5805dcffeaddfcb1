import { describe, expect, it } from 'vitest';
import { tagLink } from '../../../../src/shared/time';

const tag = { source: 'solidarity-screens', medium: 'kiosk', campaign: 'free-boris-azat' };

describe('tagLink', () => {
  it('adds utm_source, utm_medium and utm_campaign', () => {
    expect(tagLink('https://example.org/sign', tag)).toBe(
      'https://example.org/sign?utm_source=solidarity-screens&utm_medium=kiosk&utm_campaign=free-boris-azat',
    );
  });

  it('adds only the parts the pack gives', () => {
    expect(tagLink('https://example.org/', { source: 'stall' })).toBe(
      'https://example.org/?utm_source=stall',
    );
  });

  it('keeps the link’s own parameters, its fragment, and any utm value already there', () => {
    expect(tagLink('https://example.org/p?lang=ru&utm_source=letter#form', tag)).toBe(
      'https://example.org/p?lang=ru&utm_source=letter&utm_medium=kiosk&utm_campaign=free-boris-azat#form',
    );
  });

  it('leaves the link alone without a tag, or when it is not a URL', () => {
    expect(tagLink('https://example.org/sign', undefined)).toBe('https://example.org/sign');
    expect(tagLink('example.org/sign', tag)).toBe('example.org/sign');
  });
});

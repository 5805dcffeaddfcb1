import { describe, expect, it } from 'vitest';
import {
  MAX_JSON_DEPTH,
  jsonDepth,
  parseBoundedJson,
} from '../../../../src/shared/protocol/bounded-json';

const nested = (open: string, close: string, levels: number, inner = '') =>
  open.repeat(levels) + inner + close.repeat(levels);

describe('parseBoundedJson', () => {
  it('parses JSON within the limits', () => {
    expect(parseBoundedJson('{"a":[1,{"b":"c"}]}')).toEqual({
      ok: true,
      value: { a: [1, { b: 'c' }] },
    });
  });

  it.each([
    ['arrays', nested('[', ']', 100_000)],
    ['objects', nested('{"a":', '}', 100_000, '1')],
    ['mixed', nested('[{"x":', '}]', 50_000, 'null')],
    ['unclosed', '['.repeat(100_000)],
  ])('refuses %s nested 100,000 levels deep without parsing or recursing', (_kind, text) => {
    const result = parseBoundedJson(text);
    expect(result).toEqual({ ok: false, error: `nested deeper than ${MAX_JSON_DEPTH} levels` });
  });

  it('takes nesting exactly at the limit and refuses one level more', () => {
    expect(parseBoundedJson(nested('[', ']', 4), { maxDepth: 4 }).ok).toBe(true);
    expect(parseBoundedJson(nested('[', ']', 5), { maxDepth: 4 }).ok).toBe(false);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: `\\"${'['.repeat(1000)}"{{{` });
    expect(jsonDepth(text)).toBe(1);
    expect(parseBoundedJson(text, { maxDepth: 1 }).ok).toBe(true);
  });

  it('refuses text over maxLength, and never quotes the input in its error', () => {
    const secret = 'x'.repeat(100);
    const long = parseBoundedJson(`"${secret}"`, { maxLength: 50 });
    expect(long).toEqual({ ok: false, error: 'longer than 50 characters' });
    const invalid = parseBoundedJson(`{"${secret}`);
    expect(invalid).toEqual({ ok: false, error: 'not valid JSON' });
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { walkSchema, type FieldPath } from '../../../../src/shared/content/schema-walk';

const marked = z.string();
const schema = z.object({
  title: marked,
  note: marked.optional(),
  parts: z.array(z.object({ text: marked.nullable(), other: z.string() })).default([]),
  // A pipe is walked on its input side: the value as the file writes it.
  trimmed: marked.pipe(z.string()),
});

function markedPaths(value: unknown): FieldPath[] {
  const found: FieldPath[] = [];
  walkSchema(schema, value, (fieldSchema, _value, path) => {
    if (fieldSchema !== marked) return false;
    found.push(path);
    return true;
  });
  return found;
}

describe('walking a value along its schema', () => {
  it('finds a field kind through optional, default, nullable and pipe, in arrays and objects', () => {
    expect(
      markedPaths({
        title: 't',
        note: 'n',
        parts: [
          { text: 'a', other: 'x' },
          { text: null, other: 'y' },
        ],
        trimmed: 'p',
      }),
    ).toEqual([['title'], ['note'], ['parts', 0, 'text'], ['trimmed']]);
  });

  it('visits no absent value and no field the schema does not declare', () => {
    expect(markedPaths({ title: 't', extra: 'e' })).toEqual([['title']]);
  });
});

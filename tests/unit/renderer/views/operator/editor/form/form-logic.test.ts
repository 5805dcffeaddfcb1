import { describe, expect, it } from 'vitest';
import { describeItem } from '../../../../../../../src/renderer/views/operator/editor/form/describe';
import { problemField } from '../../../../../../../src/renderer/views/operator/editor/form/field-path';
import { placeProblems } from '../../../../../../../src/renderer/views/operator/editor/form/place-problems';
import {
  isEmptyValue,
  moveEntry,
  withField,
} from '../../../../../../../src/renderer/views/operator/editor/form/value-edit';
import type { FieldProblem } from '../../../../../../../src/shared/protocol/content-api';

function problem(field: string, severity: FieldProblem['severity'] = 'error'): FieldProblem {
  return { field, severity, message: `bad ${field}` };
}

describe('problemField', () => {
  it('counts list positions from 1, as the YAML is read', () => {
    expect(problemField(['sections', 1, 'lines', 0, 'fr'])).toBe('sections.2.lines.1.fr');
    expect(problemField(['items', 3])).toBe('items.4');
    expect(problemField(['status'])).toBe('status');
    expect(problemField([])).toBe('');
  });
});

describe('placeProblems', () => {
  const fields = describeItem('case', { languages: ['en', 'ru'] }).fields;
  const value = {
    kind: 'case',
    events: [{ date: '2023-07-25' }, { date: '2024-02', text: { en: 'x' } }],
  };

  it('puts each problem at the input that draws its field', () => {
    const placed = placeProblems(fields, value, [
      problem('status.fr'),
      problem('events.2.text.ru', 'warning'),
      problem('events.1'),
      problem('photo.file'),
      problem('custody'),
    ]);
    expect(placed.unplaced).toEqual([]);
    expect(placed.at.get('status')?.map((p) => p.field)).toEqual(['status.fr']);
    expect(placed.at.get('events.2.text')?.map((p) => p.field)).toEqual(['events.2.text.ru']);
    expect(placed.at.get('events.1')?.map((p) => p.field)).toEqual(['events.1']);
    expect(placed.at.get('photo.file')).toHaveLength(1);
    expect(placed.at.get('custody')).toHaveLength(1);
  });

  it('lists at the top what the form does not draw', () => {
    const placed = placeProblems(fields, value, [
      problem(''),
      problem('events.3.text'),
      problem('photo.bogus'),
      problem('nickname'),
    ]);
    expect(placed.unplaced.map((p) => p.field)).toEqual([
      '',
      'events.3.text',
      'photo.bogus',
      'nickname',
    ]);
    expect(placed.at.size).toBe(0);
  });

  it('gives a widget the problems inside it (a song’s lyrics)', () => {
    const song = describeItem('song').fields;
    const placed = placeProblems(song, { sections: [] }, [problem('sections.2.lines.1.fr')]);
    expect(placed.at.get('sections')).toHaveLength(1);
    expect(placed.unplaced).toEqual([]);
  });
});

describe('value edits', () => {
  it('leaves emptied fields out of the object, keeps false and 0', () => {
    expect(withField({ a: 1, b: 'x' }, 'b', '')).toEqual({ a: 1 });
    expect(withField({ a: 1 }, 'b', {})).toEqual({ a: 1 });
    expect(withField({ a: 1 }, 'b', [])).toEqual({ a: 1 });
    expect(withField({ a: 1 }, 'b', undefined)).toEqual({ a: 1 });
    expect(withField({}, 'b', false)).toEqual({ b: false });
    expect(withField({}, 'b', 0)).toEqual({ b: 0 });
    expect(isEmptyValue(false)).toBe(false);
  });

  it('moves entries and ignores moves off the ends', () => {
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveEntry(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveEntry(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveEntry(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});

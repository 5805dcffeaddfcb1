import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { failureText } from '../../../../../../../src/renderer/views/operator/editor/widgets/failure-text';

// No catalog: the core's English is what the reader gets, as for a key this page does not know.
const t = ((key: string) => key) as unknown as TFunction;

describe('failureText', () => {
  it('says the core’s sentence, every problem of a refused file, or the kind of answer', () => {
    expect(failureText(t, { status: 'error', httpStatus: 415, error: 'Not a video.' })).toBe(
      'Not a video.',
    );
    expect(
      failureText(t, {
        status: 'invalid',
        errors: [
          { field: 'title.en', message: 'Required', severity: 'error' },
          { field: 'file', message: 'No such file', severity: 'error' },
        ],
      }),
    ).toBe('Required · No such file');
    expect(failureText(t, { status: 'in-use', usedBy: [] })).toBe('in-use');
  });
});

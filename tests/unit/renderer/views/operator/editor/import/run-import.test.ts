import { describe, expect, it, vi } from 'vitest';
import { runImport } from '../../../../../../../src/renderer/views/operator/editor/import/run-import';

// A parser bug, not a refusal: what a file nobody foresaw could provoke.
vi.mock('../../../../../../../src/shared/content/import/chordpro', () => ({
  importChordPro: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'lines')");
  },
}));

const options = { language: 'ru', translationLanguage: 'en' };

describe('runImport', () => {
  it('is empty until there is text', () => {
    expect(runImport({ kind: 'columns', original: ' \n', translation: '' }, options)).toEqual({
      state: 'empty',
    });
    expect(runImport({ kind: 'oneBox', text: '' }, options).state).toBe('empty');
  });

  it('gives a refusal its key and parameters', () => {
    expect(
      runImport({ kind: 'file', name: 'a.xml', text: '<!DOCTYPE x><song/>' }, options),
    ).toEqual({
      state: 'error',
      key: 'doctype',
      params: {},
    });
  });

  it('turns a parser’s own failure into a refusal instead of taking the console down', () => {
    expect(runImport({ kind: 'file', name: 'a.cho', text: '{t: x}\nla' }, options)).toEqual({
      state: 'error',
      key: 'unreadable',
      params: {},
    });
  });

  it('says which format a file was read as', () => {
    const outcome = runImport({ kind: 'file', name: 'a.lrc', text: '[00:01.00]Раз' }, options);
    expect(outcome.state === 'ok' && outcome.format).toBe('lrc');
  });
});

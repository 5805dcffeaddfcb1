import { describe, expect, it } from 'vitest';
import { describeItem } from '../../../../../../../src/renderer/views/operator/editor/form/describe';
import {
  fieldHint,
  fieldLabel,
  optionLabel,
} from '../../../../../../../src/renderer/views/operator/editor/form/field-label';
import type {
  FieldEntry,
  FieldSpec,
} from '../../../../../../../src/renderer/views/operator/editor/form/spec';
import { itemKinds } from '../../../../../../../src/shared/content/schema';
import { APP_LANGUAGES, translate } from '../../../../../../../src/shared/i18n';

function keysOf(fields: readonly FieldEntry[]): string[] {
  return fields.flatMap((f) => [f.key, ...nestedKeys(f.spec)]);
}

function nestedKeys(spec: FieldSpec): string[] {
  if (spec.type === 'object') return keysOf(spec.fields);
  if (spec.type === 'array') return nestedKeys(spec.of);
  return [];
}

const allKeys = [...new Set(itemKinds.flatMap((kind) => keysOf(describeItem(kind).fields)))];

describe('field labels', () => {
  it.each(APP_LANGUAGES)('every field the form draws has a %s label', (language) => {
    const t = translate(language, 'editor');
    const unlabelled = allKeys.filter((key) => fieldLabel(t, key) === key);
    expect(unlabelled).toEqual([]);
  });

  it('falls back to the key for a field the catalog lacks', () => {
    expect(fieldLabel(translate('fr', 'editor'), 'nickname')).toBe('nickname');
  });

  it('names a video’s credit and language as a video’s, not as a photo’s or a song’s', () => {
    for (const language of APP_LANGUAGES) {
      const t = translate(language, 'editor');
      for (const key of ['credit', 'language']) {
        expect(fieldLabel(t, key, 'video'), `${language} ${key}`).not.toBe(fieldLabel(t, key));
      }
      // A kind with no words of its own, and a field the video does not rename, keep the form's.
      expect(fieldLabel(t, 'credit', 'drawing')).toBe(fieldLabel(t, 'credit'));
      expect(fieldLabel(t, 'title', 'video')).toBe(fieldLabel(t, 'title'));
    }
    expect(fieldLabel(translate('en', 'editor'), 'language', 'video')).toBe('Language spoken');
  });
});

describe('field hints', () => {
  const t = translate('en', 'editor');

  it.each(allKeys)('%s: a hint is a sentence, never a catalog key or section', (key) => {
    for (const type of ['text', 'partialDate', 'raw', 'enum', 'hint', 'type']) {
      const hint = fieldHint(t, key, type);
      if (hint !== undefined) expect(hint).not.toMatch(/^form\./);
    }
  });

  it('falls back to the hint of the field’s type', () => {
    expect(fieldHint(t, 'from', 'partialDate')).toMatch(/2019-02/);
    expect(fieldHint(t, 'from', 'date')).toBeUndefined();
  });
});

describe('option labels', () => {
  it('says a case step and a regime in the case’s own words', () => {
    const t = translate('fr', 'editor');
    expect(optionLabel(t, 'kind', 'appeal')).toBe('Appel');
    expect(optionLabel(t, 'regime', 'strict')).toBe('colonie à régime strict');
    expect(optionLabel(t, 'type', 'donation')).toBe('Don');
  });

  it('keeps the file’s value for a choice without words', () => {
    const t = translate('ru', 'editor');
    expect(optionLabel(t, 'timeZone', 'Europe/Paris')).toBe('Europe/Paris');
    expect(optionLabel(t, 'kind', 'retrial')).toBe('retrial');
    expect(optionLabel(t, undefined, 'x')).toBe('x');
  });
});

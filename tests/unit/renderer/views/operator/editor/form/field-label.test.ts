import { describe, expect, it } from 'vitest';
import { describeItem } from '../../../../../../../src/renderer/views/operator/editor/form/describe';
import { fieldLabel } from '../../../../../../../src/renderer/views/operator/editor/form/field-label';
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
});

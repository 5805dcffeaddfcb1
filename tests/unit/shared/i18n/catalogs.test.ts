import { describe, expect, it } from 'vitest';
import {
  APP_LANGUAGES,
  CATALOGS,
  NAMESPACES,
  SOURCE_LANGUAGE,
  createTranslator,
  type Catalog,
} from '../../../../src/shared/i18n';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const SAMPLE_COUNTS = [0, 1, 2, 5, 11, 21, 22, 25, 101, 1011];

/** `{ a: { b: 'x' } }` → `[['a.b', 'x']]`; `_meta` (the catalog's header) is not a message. */
function flatten(catalog: Catalog, prefix = ''): [string, string][] {
  return Object.entries(catalog).flatMap(([key, value]) => {
    if (!prefix && key === '_meta') return [];
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : flatten(value, path);
  });
}

const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');
const variables = (text: string) =>
  [...text.matchAll(/\{\{\s*([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '').sort();

/** Each message once, plural forms folded into their base key with the forms listed. */
function messages(catalog: Catalog) {
  const byBase = new Map<string, { forms: string[]; vars: Set<string> }>();
  for (const [key, text] of flatten(catalog)) {
    const base = baseKey(key);
    const entry = byBase.get(base) ?? { forms: [], vars: new Set<string>() };
    const form = PLURAL_SUFFIX.exec(key)?.[1];
    if (form) entry.forms.push(form);
    for (const name of variables(text)) entry.vars.add(name);
    byBase.set(base, entry);
  }
  return byBase;
}

const translated = APP_LANGUAGES.filter((language) => language !== SOURCE_LANGUAGE);

describe('the catalogs', () => {
  for (const namespace of NAMESPACES) {
    const source = messages(CATALOGS[SOURCE_LANGUAGE][namespace]);
    for (const language of translated) {
      describe(`${language}/${namespace}.json`, () => {
        const target = messages(CATALOGS[language][namespace]);

        it('has every message of the English source, and none it lacks', () => {
          expect([...target.keys()].sort()).toEqual([...source.keys()].sort());
        });

        it('fills the same {{variables}} as the English source', () => {
          for (const [key, entry] of source) {
            expect([...(target.get(key)?.vars ?? [])].sort(), key).toEqual([...entry.vars].sort());
          }
        });

        it("has exactly the plural forms the language's CLDR rules use", () => {
          const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
          for (const [key, entry] of source) {
            if (entry.forms.length === 0) continue;
            expect([...(target.get(key)?.forms ?? [])].sort(), key).toEqual([...needed].sort());
          }
        });
      });
    }
  }

  it('English plurals have exactly the forms English uses', () => {
    const needed = new Intl.PluralRules('en').resolvedOptions().pluralCategories;
    for (const namespace of NAMESPACES) {
      for (const [key, entry] of messages(CATALOGS.en[namespace])) {
        if (entry.forms.length > 0) expect(entry.forms.sort(), key).toEqual([...needed].sort());
      }
    }
  });

  it('no message is empty', () => {
    for (const language of APP_LANGUAGES) {
      for (const namespace of NAMESPACES) {
        for (const [key, text] of flatten(CATALOGS[language][namespace])) {
          expect(text.trim(), `${language}/${namespace}:${key}`).not.toBe('');
        }
      }
    }
  });
});

describe('plural messages, through Intl.PluralRules', () => {
  for (const language of APP_LANGUAGES) {
    it(`${language}: every plural message picks the CLDR form for ${SAMPLE_COUNTS.join(', ')}`, () => {
      const translator = createTranslator(language);
      const rules = new Intl.PluralRules(language);
      for (const namespace of NAMESPACES) {
        const catalog = Object.fromEntries(flatten(CATALOGS[language][namespace]));
        const plurals = [...messages(CATALOGS[language][namespace])].filter(
          ([, entry]) => entry.forms.length > 0,
        );
        for (const [key] of plurals) {
          for (const count of SAMPLE_COUNTS) {
            const form = catalog[`${key}_${rules.select(count)}`];
            const text = translator.t(`${namespace}:${key}`, { count, lng: language });
            // The chosen form's fixed words, with the count's placeholder taken out.
            const fixed = (form ?? '').split(/\{\{[^}]*\}\}/).filter((part) => part.trim());
            for (const part of fixed) expect(text, `${language} ${key} ${count}`).toContain(part);
          }
        }
      }
    });
  }
});

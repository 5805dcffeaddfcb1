import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormScope, useProblemsAt } from '../form-context';
import { problemField } from '../field-path';
import type { PlainSpec } from '../spec';
import { asObject, isEmptyValue, withField } from '../value-edit';
import { inputAttributes, type InputProps } from './input-props';
import { TextInput } from './TextInput';

type LocalizedSpec = Extract<PlainSpec, { type: 'localized' }>;

/** The pack's languages, default first, then any other language the text is written in. */
export function tabLanguages(
  languages: readonly string[],
  defaultLanguage: string,
  written: readonly string[],
): string[] {
  return [...new Set([defaultLanguage, ...languages, ...written])];
}

function languageName(code: string, reader: string): string {
  try {
    return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A text per pack language: one tab each, the default first, an empty one marked missing.
 * A text written once for every language (a name) stays one text until split.
 */
export function LocalizedInput(props: InputProps<LocalizedSpec>) {
  const { t, i18n } = useTranslation('editor');
  const { context } = useFormScope();
  const { spec, value, onChange, path } = props;
  const problems = useProblemsAt(path);
  const texts = asObject(value);
  const languages = tabLanguages(
    context.languages,
    context.defaultLanguage,
    Object.keys(texts ?? {}),
  );
  const [chosen, setChosen] = useState(languages[0] ?? context.defaultLanguage);
  const active = languages.includes(chosen) ? chosen : (languages[0] ?? chosen);

  if (typeof value === 'string') {
    return (
      <div className="form-localized">
        <TextInput {...props} multiline={spec.multiline} />
        <p className="form-hint">
          {t('form.localized.same')}{' '}
          <button
            type="button"
            className="form-link-button"
            onClick={() => onChange({ [context.defaultLanguage]: value })}
          >
            {t('form.localized.split')}
          </button>
        </p>
      </div>
    );
  }

  const markMissing = props.required || !isEmptyValue(texts);
  return (
    <div className="form-localized">
      <div className="form-tabs" role="tablist" aria-label={t('form.localized.languages')}>
        {languages.map((language) => {
          const missing = markMissing && isEmptyValue(texts?.[language]);
          const field = problemField([...path, language]);
          const hasProblem = problems.some((p) => p.field === field);
          return (
            <button
              key={language}
              type="button"
              role="tab"
              aria-selected={language === active}
              className={`form-tab${missing ? ' form-tab--missing' : ''}${hasProblem ? ' form-tab--problem' : ''}`}
              title={languageName(language, i18n.language)}
              onClick={() => setChosen(language)}
            >
              {language.toUpperCase()}
              {missing ? (
                <span className="form-tab-mark"> · {t('form.localized.missing')}</span>
              ) : null}
            </button>
          );
        })}
      </div>
      <TextInput
        {...props}
        {...inputAttributes(props)}
        key={active}
        lang={active}
        multiline={spec.multiline}
        value={texts?.[active]}
        onChange={(text) => {
          const next = withField(texts, active, text);
          onChange(isEmptyValue(next) ? undefined : next);
        }}
      />
    </div>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemKind } from '../../../../../shared/content';
import type { ItemBody } from '../../../../../shared/protocol/content-api';
import { describeItem } from './describe';
import { FormScopeContext, type FormScope } from './form-context';
import { ObjectFields } from './ObjectFields';
import { placeProblems } from './place-problems';
import { ProblemList } from './ProblemList';
import type { EditorContext, WidgetRegistry } from './spec';
import './form.css';

export interface ItemFormProps {
  kind: ItemKind;
  /** The item as its file says it (no defaults filled in). */
  value: ItemBody;
  onChange: (value: ItemBody) => void;
  context: EditorContext;
  /** Widgets for media, references, playlist entries and lyrics; plain inputs without. */
  widgets?: WidgetRegistry;
}

const noWidgets: WidgetRegistry = {};

/**
 * The form for one item, generated from its kind's schema. It edits the file's own value:
 * defaults are shown, not written, and an emptied field leaves the file.
 */
export function ItemForm({ kind, value, onChange, context, widgets = noWidgets }: ItemFormProps) {
  const { t } = useTranslation('editor');
  const languages = context.languages;
  const { fields } = useMemo(() => describeItem(kind, { languages }), [kind, languages]);
  const placed = useMemo(
    () => placeProblems(fields, value, context.problems),
    [fields, value, context.problems],
  );
  const scope = useMemo<FormScope>(
    () => ({ context, widgets, problemsAt: placed.at }),
    [context, widgets, placed],
  );
  return (
    <FormScopeContext.Provider value={scope}>
      <form className="item-form" onSubmit={(e) => e.preventDefault()} noValidate>
        {placed.unplaced.length > 0 ? (
          <section className="form-unplaced" aria-label={t('form.unplaced')}>
            <h3 className="form-unplaced-title">{t('form.unplaced')}</h3>
            <ProblemList problems={placed.unplaced} withField />
          </section>
        ) : null}
        <ObjectFields
          fields={fields}
          path={[]}
          value={value}
          onChange={(next) => onChange(next as ItemBody)}
        />
      </form>
    </FormScopeContext.Provider>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { itemKinds, type ItemKind } from '../../../../../shared/content';
import type { ContentApi } from '../../../../transport/content-api';
import { localize } from '../../../../i18n/localize';
import { ItemForm } from '../form/ItemForm';
import type { EditorContext } from '../form/spec';
import { editorWidgets } from '../widgets';
import { ItemPreview } from '../preview/ItemPreview';
import { ConflictPanel, YoursPanel } from './ConflictPanel';
import { DeletePanel, mediaNamedBy } from './DeletePanel';
import { HistoryPanel } from './HistoryPanel';
import { PrintDialog } from '../print/PrintDialog';
import { printsSensitive } from '../print/print-url';
import { socketTarget } from '../../../../transport/socket';
import { ProblemList } from './ProblemList';
import { isDirty, useItemEditor, type OpenItem } from './use-item-editor';

interface ItemPageProps {
  api: ContentApi;
  open: OpenItem;
  context: Omit<EditorContext, 'problems'>;
  /** Tells the tab whether there is something unsaved (its guards ask before losing it). */
  onDirty: (dirty: boolean) => void;
  onClose: () => void;
  /** The item was deleted: nothing left to keep, so the tab closes it without asking. */
  onDeleted: () => void;
}

const isKind = (kind: string): kind is ItemKind => (itemKinds as readonly string[]).includes(kind);
/** The kinds the print page makes posters of: each has a link for its QR code. */
const printable = new Set(['case', 'action', 'event']);

/** One item: its form, its live preview, and saving it back to its file. */
export function ItemPage({ api, open, context, onDirty, onClose, onDeleted }: ItemPageProps) {
  const { t } = useTranslation(['editor', 'problems', 'core']);
  const editor = useItemEditor(api, open);
  const { state } = editor;
  const [panel, setPanel] = useState<'history' | 'delete' | 'print' | null>(null);
  // The print page reads the pack over its own socket: it needs the console's operator token.
  const token = socketTarget(window.location, 'operator')?.token;
  const dirty = isDirty(state);
  useEffect(() => onDirty(dirty), [dirty, onDirty]);
  useEffect(() => {
    if (state.deleted) onDeleted();
  }, [state.deleted, onDeleted]);

  const kind = state.kind;
  return (
    <article
      className="ed-item"
      aria-busy={state.busy}
      data-testid="item-page"
      data-item-id={state.id}
    >
      <header className="ed-item-header">
        <h2>
          <span className="op-kind">{t(`list.kind.${isKind(kind) ? kind : 'other'}`)}</span>{' '}
          <code>{state.id}</code>
        </h2>
        <span className="ed-status" role="status" data-testid="save-status">
          {state.busy
            ? t('item.working')
            : dirty
              ? state.version
                ? t('item.unsaved')
                : t('item.new')
              : state.savedAt
                ? t('item.saved')
                : ''}
        </span>
        <div className="ed-row">
          <button
            type="button"
            className="op-button"
            disabled={state.busy || !dirty || !!state.conflict}
            onClick={() => void editor.save()}
            data-testid="save"
          >
            {t('actions.save')}
          </button>
          {state.version ? (
            <>
              <button
                type="button"
                className="op-button op-small"
                aria-pressed={panel === 'history'}
                onClick={() => setPanel(panel === 'history' ? null : 'history')}
                data-testid="open-history"
              >
                {t('actions.history')}
              </button>
              {token && printable.has(kind) ? (
                <button
                  type="button"
                  className="op-button op-small"
                  aria-pressed={panel === 'print'}
                  onClick={() => setPanel(panel === 'print' ? null : 'print')}
                  data-testid="open-print"
                >
                  {t('print.open')}
                </button>
              ) : null}
              <button
                type="button"
                className="op-button op-small ed-danger"
                onClick={() => setPanel('delete')}
                data-testid="delete"
              >
                {t('actions.delete')}
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="op-button op-small"
            onClick={onClose}
            data-testid="close-item"
          >
            {t('actions.backToList')}
          </button>
        </div>
      </header>
      {state.error ? (
        <p className="ed-error" role="alert" data-testid="item-error">
          {localize(t, state.error)}
        </p>
      ) : null}
      {state.conflict && state.draft ? (
        <ConflictPanel
          conflict={state.conflict}
          mine={state.draft}
          busy={state.busy}
          onKeepMine={() => void editor.keepMine()}
          onTakeTheirs={editor.takeTheirs}
        />
      ) : null}
      {state.yours && state.draft ? (
        <YoursPanel
          yours={state.yours}
          current={state.draft}
          onClose={() => editor.dismiss('yours')}
        />
      ) : null}
      {panel === 'delete' ? (
        <DeletePanel
          id={state.id}
          usedBy={state.usedBy}
          media={mediaNamedBy(state.saved)}
          busy={state.busy}
          onDelete={(refs) => void editor.remove(refs)}
          onForget={(refs) => void editor.remove(refs, true)}
          onCancel={() => {
            setPanel(null);
            editor.dismiss('usedBy');
          }}
        />
      ) : null}
      {panel === 'print' && token ? (
        <PrintDialog
          itemId={state.id}
          sensitive={printsSensitive(kind, state.saved)}
          unsaved={dirty}
          languages={context.languages}
          events={context.items.filter((item) => item.kind === 'event')}
          origin={window.location.origin}
          token={token}
          onOpen={(url) => {
            window.open(url, '_blank', 'noopener');
            setPanel(null);
          }}
          onCancel={() => setPanel(null)}
        />
      ) : null}
      {panel === 'history' ? (
        <HistoryPanel
          api={api}
          id={state.id}
          busy={state.busy}
          onRestore={(version) => void editor.restore(version).then(() => setPanel(null))}
        />
      ) : null}
      <ProblemList
        problems={state.problems}
        title={t('item.problems', { count: state.problems.length })}
        testId="item-problems"
      />
      <ProblemList
        problems={state.warnings}
        title={t('item.warnings', { count: state.warnings.length })}
        testId="item-warnings"
      />
      {state.draft && isKind(kind) ? (
        <div className="ed-item-body">
          <div className="ed-form">
            <ItemForm
              kind={kind}
              value={state.draft}
              onChange={editor.setDraft}
              context={{ ...context, problems: state.problems }}
              widgets={editorWidgets}
            />
          </div>
          <ItemPreview
            id={state.id}
            kind={kind}
            value={state.draft}
            languages={context.languages}
            defaultLanguage={context.defaultLanguage}
          />
        </div>
      ) : null}
      {state.draft && !isKind(kind) ? <p>{t('item.unknownKind', { kind })}</p> : null}
    </article>
  );
}

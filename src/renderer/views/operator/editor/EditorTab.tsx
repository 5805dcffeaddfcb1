import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../i18n/localize';
import { useEditorApi, usePackApi } from './api-context';
import { ImportSong } from './import/ImportSong';
import { ItemPage } from './item/ItemPage';
import { EventPackPanel } from './pack/EventPackPanel';
import type { OpenItem } from './item/use-item-editor';
import { freshItem, itemTitle } from './list/fresh-item';
import { ItemListPane } from './list/ItemListPane';
import { NewItemForm } from './list/NewItemForm';
import { suggestId } from './list/new-id';
import { useItemList } from './list/use-item-list';
import { useUnsavedGuard } from './use-unsaved-guard';
import './editor.css';

/**
 * The console's Content tab: the pack's items, and one item's form with its live preview.
 * Saving writes the item's file through the content API; the show picks the change up by
 * itself, as from any edit on disk. Nothing here sends a show command.
 */
export default function EditorTab({ hidden = false }: { hidden?: boolean }) {
  const { t } = useTranslation(['editor', 'core']);
  const api = useEditorApi();
  const { list, error } = useItemList(api);
  const [open, setOpen] = useState<(OpenItem & { key: number }) | null>(null);
  const [adding, setAdding] = useState<
    { kind: string } | { importing: true } | { pack: true } | null
  >(null);
  const packApi = usePackApi();
  const [dirty, setDirty] = useState(false);
  const confirmLeave = useUnsavedGuard(dirty, t('item.leaveUnsaved'));

  const taken = useMemo(() => new Set(list?.items.map((item) => item.id)), [list]);
  const openItem = useCallback(
    (next: OpenItem) => {
      if (!confirmLeave()) return;
      setDirty(false);
      setAdding(null);
      setOpen({ ...next, key: Date.now() });
    },
    [confirmLeave],
  );
  const close = useCallback(() => {
    if (!confirmLeave()) return;
    setDirty(false);
    setOpen(null);
  }, [confirmLeave]);
  // A deleted item closes without asking: there is nothing left to keep.
  const closeDeleted = useCallback(() => {
    setDirty(false);
    setOpen(null);
  }, []);

  if (!api) {
    return (
      <main className="ed-tab" hidden={hidden} data-testid="editor">
        <p className="ed-error">{t('list.noToken')}</p>
      </main>
    );
  }
  const language = list?.defaultLanguage ?? 'en';
  const context = {
    languages: list?.languages ?? [language],
    defaultLanguage: language,
    items: list?.items.map(({ id, kind, title }) => ({ id, kind, title })) ?? [],
  };
  return (
    <main className="ed-tab" hidden={hidden} data-testid="editor">
      <aside className="ed-side">
        {error ? (
          <p className="ed-error" role="alert" data-testid="list-error">
            {t('list.failed', { reason: localize(t, error) })}
          </p>
        ) : null}
        {packApi ? (
          <button
            type="button"
            className="op-button"
            onClick={() => setAdding({ pack: true })}
            data-testid="open-event-pack"
          >
            {t('eventPack.open')}
          </button>
        ) : null}
        {list ? (
          <ItemListPane
            list={list}
            selected={open?.id ?? null}
            onOpen={(id) => openItem({ id })}
            onNew={(kind) => setAdding({ kind })}
            onImport={() => setAdding({ importing: true })}
          />
        ) : null}
      </aside>
      <div className="ed-workspace">
        {adding && 'kind' in adding ? (
          <NewItemForm
            kind={adding.kind}
            taken={taken}
            onCancel={() => setAdding(null)}
            onCreate={(id, title) =>
              openItem({ id, fresh: freshItem(adding.kind, title, language) })
            }
          />
        ) : null}
        {adding && 'importing' in adding ? (
          <div className="ed-panel" data-testid="import">
            <ImportSong
              languages={context.languages}
              onCancel={() => setAdding(null)}
              onImported={(song) =>
                openItem({ id: suggestId(itemTitle(song, language), taken), fresh: song })
              }
            />
          </div>
        ) : null}
        {adding && 'pack' in adding && packApi ? (
          <EventPackPanel
            api={packApi}
            lists={context.items.filter((i) => i.kind === 'playlist' || i.kind === 'setlist')}
            onClose={() => setAdding(null)}
          />
        ) : null}
        {open ? (
          <ItemPage
            key={open.key}
            api={api}
            open={open}
            context={context}
            onDirty={setDirty}
            onClose={close}
            onDeleted={closeDeleted}
          />
        ) : adding ? null : (
          <p className="ed-empty op-muted">{t('list.pick')}</p>
        )}
      </div>
    </main>
  );
}

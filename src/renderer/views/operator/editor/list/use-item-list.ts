import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { LocalizedText } from '../../../../../shared/protocol';
import type { ItemList } from '../../../../../shared/protocol/content-api';
import type { ContentApi } from '../../../../transport/content-api';
import { useStores } from '../../../../stores';

export interface ItemListState {
  list: ItemList | null;
  error: LocalizedText | string | null;
  reload: () => void;
}

/**
 * The pack's items as the API lists them, fetched again whenever the core reloads the pack
 * (a save here, a file changed on disk, another console's edit): the snapshot's revision says so.
 */
export function useItemList(api: ContentApi | null): ItemListState {
  const revision = useStore(useStores().content, (s) => s.snapshot?.revision ?? -1);
  const [list, setList] = useState<ItemList | null>(null);
  const [error, setError] = useState<LocalizedText | string | null>(null);
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  useEffect(() => {
    if (!api) return;
    let live = true;
    void api.list().then((answer) => {
      if (!live) return;
      if (answer.status === 'ok') {
        setList(answer.value);
        setError(null);
      } else {
        setError(answer.status === 'error' ? answer.error : answer.status);
      }
    });
    return () => {
      live = false;
    };
  }, [api, revision, asked]);
  return { list, error, reload };
}

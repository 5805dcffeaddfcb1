import { useCallback, useEffect, useState } from 'react';
import type { LocalizedText } from '../../../../../shared/protocol';
import type {
  Conflict,
  FieldProblem,
  ItemBody,
  ItemRecord,
  Version,
} from '../../../../../shared/protocol/content-api';
import type { ApiAnswer, ContentApi } from '../../../../transport/content-api';
import { useLatest } from '../../../../controls/use-latest';

/** What the editor opens: an item of the pack, or a new one not saved yet. */
export type OpenItem = { id: string } | { id: string; fresh: ItemBody };

export interface ItemEditorState {
  id: string;
  kind: string;
  /** The version the draft was started from; null for a new item (no file yet). */
  version: Version | null;
  /** What the file says (the last load or save): what "unsaved changes" are measured against. */
  saved: ItemBody | null;
  draft: ItemBody | null;
  /** Errors from the last refused save (nothing was written), or the file's own problems. */
  problems: FieldProblem[];
  /** Warnings the last save came back with (it was written). */
  warnings: FieldProblem[];
  conflict: Conflict | null;
  /** My edit, kept aside after I took the other version: nothing typed is lost. */
  yours: ItemBody | null;
  /** Who still uses the item, after a refused delete. */
  usedBy: { id: string; kind: string; file: string }[] | null;
  busy: boolean;
  error: LocalizedText | string | null;
  /** Set once the item is gone (deleted): the tab goes back to the list. */
  deleted: boolean;
  savedAt: number | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Unsaved: a new item, or a draft that differs from the file. */
export const isDirty = (state: ItemEditorState) =>
  state.draft !== null && (state.saved === null || !same(state.draft, state.saved));

function initial(open: OpenItem): ItemEditorState {
  const fresh = 'fresh' in open ? open.fresh : null;
  return {
    id: open.id,
    kind: typeof fresh?.kind === 'string' ? fresh.kind : '',
    version: null,
    saved: null,
    draft: fresh,
    problems: [],
    warnings: [],
    conflict: null,
    yours: null,
    usedBy: null,
    busy: !fresh,
    error: null,
    deleted: false,
    savedAt: null,
  };
}

/** One item's editing: load, save with its version, conflicts, delete and history restore. */
export function useItemEditor(api: ContentApi, open: OpenItem) {
  const [state, setState] = useState(() => initial(open));
  const latest = useLatest(state);
  const patch = useCallback((change: Partial<ItemEditorState>) => {
    setState((now) => ({ ...now, ...change }));
  }, []);

  /** What a read of the item said: the form starts (again) from the file. */
  const loaded = useCallback(
    (answer: ApiAnswer<ItemRecord>) => {
      if (answer.status !== 'ok') return patch({ busy: false, error: failure(answer) });
      const { kind, version, item, problems } = answer.value;
      patch({ kind, version, saved: item, draft: item, problems, busy: false, error: null });
    },
    [patch],
  );
  /** Reads the item again; callers mark the editor busy first (it starts busy). */
  const load = useCallback(() => api.read(open.id).then(loaded), [api, open.id, loaded]);

  useEffect(() => {
    if ('fresh' in open) return;
    void api.read(open.id).then(loaded);
    // Opened once per item: the tab gives each item its own editor (keyed by id).
  }, []); // eslint-disable-line react-hooks/exhaustive-deps

  const setDraft = useCallback((draft: ItemBody) => patch({ draft }), [patch]);

  /** Writes the draft over `version` (the loaded one, or the current one for "keep mine"). */
  const saveOver = useCallback(
    async (version: Version | null) => {
      const { draft } = latest.current;
      if (!draft) return;
      patch({ busy: true, error: null });
      const answer = await api.save(open.id, draft, version);
      if (answer.status === 'ok') {
        const { version: next, warnings } = answer.value;
        return patch({
          busy: false,
          version: next,
          saved: draft,
          problems: [],
          warnings,
          conflict: null,
          savedAt: Date.now(),
        });
      }
      if (answer.status === 'invalid') return patch({ busy: false, problems: answer.errors });
      if (answer.status === 'conflict') return patch({ busy: false, conflict: answer.conflict });
      patch({ busy: false, error: failure(answer) });
    },
    [api, open.id, patch, latest],
  );

  const save = useCallback(() => saveOver(latest.current.version), [saveOver, latest]);
  /** Mine wins: written over the version on disk now, which the conflict showed. */
  const keepMine = useCallback(
    () => saveOver(latest.current.conflict?.current.version ?? null),
    [saveOver, latest],
  );
  /** Theirs wins: the current version loads, and my edit stays beside it to copy from. */
  const takeTheirs = useCallback(() => {
    const { conflict, draft } = latest.current;
    if (!conflict) return;
    const { version, item } = conflict.current;
    patch({ version, saved: item, draft: item, yours: draft, conflict: null, problems: [] });
  }, [patch, latest]);

  const remove = useCallback(
    async (removeReferences: boolean, forget = false) => {
      patch({ busy: true, error: null });
      const answer = await api.remove(open.id, removeReferences, forget);
      if (answer.status === 'ok') return patch({ busy: false, deleted: true, usedBy: null });
      if (answer.status === 'in-use') return patch({ busy: false, usedBy: answer.usedBy });
      patch({ busy: false, error: failure(answer) });
    },
    [api, open.id, patch],
  );

  const restore = useCallback(
    async (version: Version) => {
      patch({ busy: true, error: null });
      const answer = await api.restore(open.id, version, latest.current.version);
      if (answer.status === 'ok') return load();
      if (answer.status === 'conflict') return patch({ busy: false, conflict: answer.conflict });
      patch({ busy: false, error: failure(answer) });
    },
    [api, open.id, patch, load, latest],
  );

  const dismiss = useCallback(
    (what: 'yours' | 'usedBy' | 'warnings' | 'error') =>
      patch({ [what]: what === 'warnings' ? [] : null }),
    [patch],
  );

  return { state, setDraft, save, keepMine, takeTheirs, remove, restore, dismiss, reload: load };
}

function failure(answer: ApiAnswer<unknown>): LocalizedText | string {
  if (answer.status === 'error') return answer.error;
  if (answer.status === 'invalid') return answer.errors[0] ?? 'invalid';
  return answer.status;
}

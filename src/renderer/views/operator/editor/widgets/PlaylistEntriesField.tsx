import { useEffect, useId, useRef, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WidgetProps } from '../form/spec';
import { ItemSearchAdd } from './ItemSearchAdd';
import { PlaylistEntryRow } from './PlaylistEntryRow';
import { problemsAt } from './field-problems';
import { moveEntry, replaceEntry, withoutEntry } from './list-moves';
import { entryList } from './playlist-entries';

/** What a dragged entry carries: this list's id and its position, nothing a page could forge. */
export const ENTRY_DRAG_TYPE = 'application/x-solidarity-playlist-entry';

/** A playlist cannot hold a playlist or a setlist. */
const NOT_IN_PLAYLISTS = ['playlist', 'setlist'];

/**
 * A playlist's entries: reordered by dragging or by the up/down buttons (the keyboard's way,
 * focus following the entry), each with its duration and dates, and any item added by search.
 */
export function PlaylistEntriesField({ path, spec, value, onChange, context }: WidgetProps) {
  const kinds = spec.type === 'playlistEntries' ? spec.kinds : undefined;
  const withOptions = spec.type !== 'playlistEntries' || spec.entryOptions !== false;
  const { t } = useTranslation('editor');
  const list = useId();
  const entries = entryList(value);
  const root = useRef<HTMLOListElement | null>(null);
  const focusAfterMove = useRef<{ index: number; by: 'up' | 'down' } | null>(null);

  useEffect(() => {
    const pending = focusAfterMove.current;
    focusAfterMove.current = null;
    if (!pending || !root.current) return;
    const row = root.current.querySelector(`[data-entry="${pending.index}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`[data-move="${pending.by}"]`);
    const other = row?.querySelector<HTMLButtonElement>(
      `[data-move="${pending.by === 'up' ? 'down' : 'up'}"]`,
    );
    (same && !same.disabled ? same : other)?.focus();
  });

  const write = (next: unknown[]) => onChange(next);
  const move = (from: number, to: number) => write(moveEntry(entries, from, to));

  function dropOn(target: number, event: DragEvent) {
    const payload = readDrag(event);
    if (!payload || payload.list !== list) return;
    event.preventDefault();
    move(payload.index, target);
  }

  return (
    <div className="ed-playlist">
      {entries.length === 0 ? (
        <p className="ed-playlist__empty">{t('widgets.playlist.empty')}</p>
      ) : (
        <ol className="ed-playlist__entries" ref={root}>
          {entries.map((entry, index) => (
            <PlaylistEntryRow
              // Entries have no identity of their own: the same item may be listed twice.
              key={index}
              entry={entry}
              index={index}
              count={entries.length}
              items={context.items}
              withOptions={withOptions}
              problems={problemsAt(context.problems, [...path, index])}
              onChange={(next) => write(replaceEntry(entries, index, next))}
              onMove={(to, by) => {
                focusAfterMove.current = { index: to, by };
                move(index, to);
              }}
              onRemove={() => write(withoutEntry(entries, index))}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData(ENTRY_DRAG_TYPE, JSON.stringify({ list, index }));
              }}
              onDragOver={(event) => {
                if (event.dataTransfer.types.includes(ENTRY_DRAG_TYPE)) event.preventDefault();
              }}
              onDrop={(event) => dropOn(index, event)}
            />
          ))}
        </ol>
      )}
      <ItemSearchAdd
        items={context.items}
        filter={kinds ? { kinds } : { excludeKinds: NOT_IN_PLAYLISTS }}
        onAdd={(id) => write([...entries, id])}
      />
    </div>
  );
}

/** The dragged entry, when what was dropped is one (not a file, a link, or another page's text). */
function readDrag(event: DragEvent): { list: string; index: number } | null {
  try {
    const data: unknown = JSON.parse(event.dataTransfer.getData(ENTRY_DRAG_TYPE));
    if (typeof data !== 'object' || data === null) return null;
    const { list, index } = data as { list?: unknown; index?: unknown };
    return typeof list === 'string' && Number.isInteger(index)
      ? { list, index: index as number }
      : null;
  } catch {
    return null;
  }
}

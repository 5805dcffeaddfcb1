import { useId, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../../../../shared/protocol/content-api';
import { localize } from '../../../../i18n/localize';
import { DateTimeInput } from '../form/inputs/DateInputs';
import { findItem, type ItemChoice } from './item-search';
import { entryItem, entryOption, withEntryOption, type EntryOption } from './playlist-entries';

export interface EntryRowProps {
  entry: unknown;
  index: number;
  count: number;
  items: readonly ItemChoice[];
  problems: readonly FieldProblem[];
  /** A playlist's duration and dates; a setlist's songs have none. */
  withOptions: boolean;
  onChange: (entry: unknown) => void;
  onMove: (to: number, by: 'up' | 'down') => void;
  onRemove: () => void;
  onDragStart: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
  onDragOver: (event: DragEvent) => void;
}

const asText = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : '';

/** One entry of a playlist: what it plays, its options, and the buttons that move it. */
export function PlaylistEntryRow(props: EntryRowProps) {
  const { entry, index, count, onChange } = props;
  const { t } = useTranslation('editor');
  const rowId = useId();
  const id = entryItem(entry);
  const item = findItem(props.items, id);
  const position = index + 1;
  const set = (option: EntryOption, value: unknown) =>
    onChange(withEntryOption(entry, option, value));
  // A day or a day and a time (`from: 2026-12-12T19:00`): the playlist's own fields' input.
  const dateInput = (option: 'from' | 'until') => {
    const inputId = `${rowId}-${option}`;
    return (
      <span className="ed-entry__option">
        <label htmlFor={inputId} id={`${inputId}-label`}>
          {t(`widgets.playlist.${option}`)}
        </label>
        <DateTimeInput
          id={inputId}
          spec={{ type: 'dateTime' }}
          path={[index, option]}
          value={entryOption(entry, option)}
          onChange={(value) => set(option, value)}
          describedBy={undefined}
          invalid={false}
          required={false}
        />
      </span>
    );
  };
  return (
    <li
      className="ed-entry"
      draggable
      data-entry={index}
      onDragStart={props.onDragStart}
      onDragOver={props.onDragOver}
      onDrop={props.onDrop}
      aria-label={t('widgets.playlist.entry', { position, count })}
    >
      <span className="ed-entry__grip" aria-hidden="true">
        ⠿
      </span>
      <span className="ed-entry__what">
        {id === undefined ? (
          <span className="ed-entry__unknown">{t('widgets.playlist.unreadable')}</span>
        ) : (
          <>
            <span className="ed-entry__title">{item?.title ?? id}</span>
            <span className="ed-entry__id">{id}</span>
            {!item && (
              <span className="ed-entry__unknown" role="note">
                {t('widgets.ref.unknown', { id })}
              </span>
            )}
          </>
        )}
        {props.problems.map((problem, at) => (
          <span key={at} className="ed-entry__problem" role="alert">
            {localize(t, problem)}
          </span>
        ))}
      </span>
      {id !== undefined && props.withOptions && (
        <span className="ed-entry__options">
          <label className="ed-entry__option">
            <span>{t('widgets.playlist.duration')}</span>
            <input
              type="number"
              min={1}
              step="any"
              inputMode="decimal"
              value={asText(entryOption(entry, 'duration'))}
              onChange={(event) => {
                const text = event.currentTarget.value;
                set('duration', text === '' ? undefined : Number(text));
              }}
            />
          </label>
          {dateInput('from')}
          {dateInput('until')}
        </span>
      )}
      <span className="ed-entry__buttons">
        <button
          type="button"
          data-move="up"
          disabled={index === 0}
          onClick={() => props.onMove(index - 1, 'up')}
          aria-label={t('widgets.playlist.moveUp', { position })}
        >
          ↑
        </button>
        <button
          type="button"
          data-move="down"
          disabled={index === count - 1}
          onClick={() => props.onMove(index + 1, 'down')}
          aria-label={t('widgets.playlist.moveDown', { position })}
        >
          ↓
        </button>
        <button
          type="button"
          onClick={props.onRemove}
          aria-label={t('widgets.playlist.remove', { position })}
        >
          ×
        </button>
      </span>
    </li>
  );
}

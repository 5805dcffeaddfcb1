import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { inputAttributes, textOf, type InputProps } from './input-props';
import { TextInput } from './TextInput';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?$/;

/*
 * A date picker shows nothing for a value it cannot read, and would write over it on the next
 * change: a value that is not of the picker's form stays in a text box, so nothing is lost.
 */

export function DateInput(props: InputProps) {
  const text = textOf(props.value);
  if (text !== '' && !DATE.test(text)) return <TextInput {...props} />;
  return (
    <input
      {...inputAttributes(props)}
      className="form-input form-date"
      type="date"
      value={text}
      onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}
    />
  );
}

/** `YYYY-MM-DD`, with an optional `HH:MM`: an event without a time lasts the day. */
export function DateTimeInput(props: InputProps) {
  const { t } = useTranslation('editor');
  const timeId = useId();
  const text = textOf(props.value);
  const match = DATE_TIME.exec(text);
  if (text !== '' && !match) return <TextInput {...props} />;
  const date = match?.[1] ?? '';
  const time = match?.[2] ?? '';
  const write = (nextDate: string, nextTime: string) =>
    props.onChange(
      nextDate === '' ? undefined : nextTime === '' ? nextDate : `${nextDate}T${nextTime}`,
    );
  return (
    <span className="form-date-time">
      <input
        {...inputAttributes(props)}
        className="form-input form-date"
        type="date"
        value={date}
        onChange={(e) => write(e.target.value, time)}
      />
      <label className="form-time-label" htmlFor={timeId} id={`${timeId}-label`}>
        {t('form.dateTime.time')}
      </label>
      <input
        id={timeId}
        aria-labelledby={`${props.id}-label ${timeId}-label`}
        className="form-input form-time"
        type="time"
        value={time}
        disabled={date === ''}
        onChange={(e) => write(date, e.target.value)}
      />
    </span>
  );
}

/** A year and month, or a full date: as precise as the facts, no invented day. */
export function PartialDateInput(props: InputProps) {
  const { t } = useTranslation('editor');
  return (
    <TextInput
      {...props}
      pattern={'\\d{4}-\\d{2}(-\\d{2})?'}
      placeholder={t('form.partialDate.placeholder')}
    />
  );
}

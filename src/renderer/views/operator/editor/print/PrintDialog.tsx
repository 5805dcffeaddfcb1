import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRINT_FORMATS, type PrintFormat } from '../../../../../shared/print/formats';
import { printPageUrl } from './print-url';
import { PrintSelect } from './PrintSelect';
import './print-dialog.css';

/** A language as the fields name it: its code, as on the pack's language switcher. */
const languageOption = (language: string) => ({ value: language, label: language.toUpperCase() });

interface PrintDialogProps {
  itemId: string;
  /** The saved file is marked sensitive (the print page prints the saved file). */
  sensitive: boolean;
  /** The draft differs from the saved file: the paper would not show the changes. */
  unsaved: boolean;
  /** The pack's languages, default first. */
  languages: readonly string[];
  /** The pack's events, for the campaign tag on the QR code's link. */
  events: readonly { id: string; title: string }[];
  /** Where the console runs and its operator token: the print page needs both. */
  origin: string;
  token: string;
  /** Opens the print page in a new tab (window.open in the console; a spy in tests). */
  onOpen: (url: string) => void;
  onCancel: () => void;
}

/**
 * The Content tab's Print…: a format, one language or two side by side, and the event the copies
 * are for. It opens the print page, whose own button hands the sheet to the browser's print
 * dialog (a printer, or "Save as PDF").
 */
export function PrintDialog(props: PrintDialogProps) {
  const { itemId, sensitive, unsaved, languages, events, origin, token, onOpen, onCancel } = props;
  const { t } = useTranslation('editor');
  const id = useId();
  const [format, setFormat] = useState<PrintFormat>('a4');
  const [first, setFirst] = useState(languages[0] ?? 'en');
  const [second, setSecond] = useState('');
  const [eventId, setEventId] = useState('');
  const chosen = second && second !== first ? [first, second] : [first];
  return (
    <section
      className="ed-panel ed-print"
      role="dialog"
      aria-labelledby={`${id}-title`}
      data-testid="print-dialog"
    >
      <h3 id={`${id}-title`}>{t('print.title', { id: itemId })}</h3>
      {sensitive ? (
        <p className="ed-print-sensitive" role="alert" data-testid="print-sensitive">
          {t('print.sensitive')}
        </p>
      ) : null}
      {unsaved ? (
        <p className="op-muted" data-testid="print-unsaved">
          {t('print.unsaved')}
        </p>
      ) : null}
      <fieldset className="ed-print-formats">
        <legend>{t('print.format')}</legend>
        {PRINT_FORMATS.map((candidate) => (
          <label key={candidate} className="op-check">
            <input
              type="radio"
              name={`${id}-format`}
              value={candidate}
              checked={format === candidate}
              onChange={() => setFormat(candidate)}
            />
            {t(`print.formats.${candidate}`)}
          </label>
        ))}
      </fieldset>
      <div className="ed-print-fields">
        <PrintSelect
          id={`${id}-language`}
          label={t('print.language')}
          value={first}
          onChange={setFirst}
          options={languages.map(languageOption)}
        />
        <PrintSelect
          id={`${id}-secondLanguage`}
          label={t('print.secondLanguage')}
          value={second}
          onChange={setSecond}
          none={t('print.noSecond')}
          options={languages.filter((language) => language !== first).map(languageOption)}
        />
        <PrintSelect
          id={`${id}-event`}
          label={t('print.event')}
          value={eventId}
          onChange={setEventId}
          none={t('print.noEvent')}
          options={events.map((event) => ({ value: event.id, label: event.title }))}
        />
      </div>
      <p className="op-muted">{t('print.hint')}</p>
      <div className="ed-row">
        <button
          type="button"
          className="op-button"
          data-testid="print-open"
          onClick={() =>
            onOpen(
              printPageUrl(origin, token, itemId, {
                format,
                languages: chosen,
                eventId: eventId || undefined,
              }),
            )
          }
        >
          {t('print.openPage')}
        </button>
        <button type="button" className="op-button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </section>
  );
}

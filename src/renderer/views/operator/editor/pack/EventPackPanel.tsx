import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackImported, PackRefused } from '../../../../../shared/protocol/content-api';
import type { LocalizedText } from '../../../../../shared/protocol/localized-text';
import { localize } from '../../../../i18n/localize';
import type { ExportedPack, PackAnswer, PackApi } from '../../../../transport/pack-api';
import './event-pack.css';

export interface EventPackPanelProps {
  api: PackApi;
  /** The pack's playlists and setlists, to choose what the export carries. */
  lists: { id: string; kind: string; title: string }[];
  onClose: () => void;
  /** Saves the zip on this device (a download); tests record it. */
  save?: (zip: Blob, fileName: string) => void;
}

type Failure = { refused: PackRefused } | { error: LocalizedText | string };

type ImportState =
  | { step: 'idle' }
  | { step: 'checking' | 'replacing'; file: File }
  | { step: 'checked'; file: File; summary: PackImported }
  | { step: 'done'; summary: PackImported }
  | { step: 'failed'; failure: Failure };

function download(zip: Blob, fileName: string): void {
  const url = URL.createObjectURL(zip);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the blob to the browser's download; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function failureOf(answer: Exclude<PackAnswer<unknown>, { status: 'ok' }>): Failure {
  return answer.status === 'refused' ? { refused: answer.refused } : { error: answer.error };
}

/** Why a pack was refused, and the content's problems, in the reader's language. */
function FailureMessage({ failure, testId }: { failure: Failure; testId: string }) {
  const { t } = useTranslation(['editor', 'core', 'problems']);
  const reason = 'refused' in failure ? failure.refused.error : failure.error;
  const errors = 'refused' in failure ? failure.refused.errors : [];
  return (
    <div className="ep-error" role="alert" data-testid={testId}>
      <p>{t('eventPack.refused', { reason: localize(t, reason) })}</p>
      {errors.length > 0 ? (
        <ul>
          {errors.map((error, i) => (
            <li key={i}>
              <code>{error.field ? `${error.file} ${error.field}` : error.file}</code>{' '}
              {localize(t, error)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Sizes and counts per kind, in the reader's words and number format. */
function KindTable({ rows, testId }: { rows: [string, string][]; testId: string }) {
  return (
    <dl className="ep-kinds" data-testid={testId}>
      {rows.map(([kind, value]) => (
        <div key={kind}>
          <dt>{kind}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The Content tab's "Event pack" panel (issue 15 §1): the CLI's `pack export` and `pack import`
 * from the console. An import is checked first (a dry run) and its summary shown; only the
 * operator's second click replaces the show's content.
 */
export function EventPackPanel({ api, lists, onClose, save = download }: EventPackPanelProps) {
  const { t, i18n } = useTranslation(['editor', 'core']);
  const id = useId();
  const [chosen, setChosen] = useState<string[]>([]);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportedPack | null>(null);
  const [exportFailure, setExportFailure] = useState<Failure | null>(null);
  const [imported, setImported] = useState<ImportState>({ step: 'idle' });

  const kindName = (kind: string) =>
    t([`list.kind.${kind}`, `eventPack.kind.${kind}`, 'list.kind.other']);
  const size = (bytes: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'unit',
      unit: bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes >= 1024 * 1024 ? bytes / (1024 * 1024) : Math.max(bytes / 1024, 0.1));
  const count = (n: number) => new Intl.NumberFormat(i18n.language).format(n);

  const runExport = async (force: boolean) => {
    setExporting(true);
    setExported(null);
    setExportFailure(null);
    const answer = await api.exportPack(chosen, force);
    setExporting(false);
    if (answer.status !== 'ok') {
      setExportFailure(failureOf(answer));
      return;
    }
    save(answer.value.zip, answer.value.fileName);
    setExported(answer.value);
  };

  const check = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setImported({ step: 'checking', file });
    const answer = await api.importPack(file, true);
    setImported(
      answer.status === 'ok'
        ? { step: 'checked', file, summary: answer.value }
        : { step: 'failed', failure: failureOf(answer) },
    );
  };

  const replace = async (file: File) => {
    setImported({ step: 'replacing', file });
    const answer = await api.importPack(file, false);
    setImported(
      answer.status === 'ok'
        ? { step: 'done', summary: answer.value }
        : { step: 'failed', failure: failureOf(answer) },
    );
  };

  const canForce =
    exportFailure !== null &&
    'refused' in exportFailure &&
    exportFailure.refused.error.key === 'core:eventPack.hasProblems';

  return (
    <section className="ed-panel ep" aria-labelledby={`${id}-title`} data-testid="event-pack">
      <header className="ep-head">
        <h3 id={`${id}-title`}>{t('eventPack.title')}</h3>
        <button type="button" className="op-button" onClick={onClose}>
          {t('eventPack.close')}
        </button>
      </header>

      <div className="ep-columns">
        <section className="ep-part" aria-labelledby={`${id}-export`}>
          <h4 id={`${id}-export`}>{t('eventPack.export.title')}</h4>
          <p className="op-muted">{t('eventPack.export.hint')}</p>
          <fieldset className="ep-lists">
            <legend>{t('eventPack.export.lists')}</legend>
            {lists.length === 0 ? (
              <p className="op-muted">{t('eventPack.export.noLists')}</p>
            ) : null}
            {lists.map((list) => (
              <label key={list.id}>
                <input
                  type="checkbox"
                  checked={chosen.includes(list.id)}
                  onChange={(e) =>
                    setChosen((now) =>
                      e.target.checked ? [...now, list.id] : now.filter((x) => x !== list.id),
                    )
                  }
                  data-testid={`pack-list-${list.id}`}
                />
                <span>{list.title}</span> <span className="op-muted">{kindName(list.kind)}</span>
              </label>
            ))}
          </fieldset>
          <div className="ep-actions">
            <button
              type="button"
              className="op-button"
              disabled={exporting}
              onClick={() => void runExport(false)}
              data-testid="pack-export"
            >
              {exporting
                ? t('eventPack.export.working')
                : chosen.length === 0
                  ? t('eventPack.export.all')
                  : t('eventPack.export.chosen', { count: chosen.length })}
            </button>
            {canForce ? (
              <button
                type="button"
                className="op-button"
                disabled={exporting}
                onClick={() => void runExport(true)}
                data-testid="pack-export-force"
              >
                {t('eventPack.export.anyway')}
              </button>
            ) : null}
          </div>
          {exportFailure ? (
            <FailureMessage failure={exportFailure} testId="pack-export-error" />
          ) : null}
          {exported ? (
            <div role="status" data-testid="pack-exported">
              <p>
                {t('eventPack.export.done', {
                  file: exported.fileName,
                  size: size(exported.zip.size),
                })}
              </p>
              <KindTable
                testId="pack-export-sizes"
                rows={Object.entries(exported.sizes).map(([kind, bytes]) => [
                  kindName(kind),
                  size(bytes),
                ])}
              />
            </div>
          ) : null}
        </section>

        <section className="ep-part" aria-labelledby={`${id}-import`}>
          <h4 id={`${id}-import`}>{t('eventPack.import.title')}</h4>
          <p className="op-muted">{t('eventPack.import.hint')}</p>
          {/* The browser's own file button speaks the browser's language: ours speaks the reader's. */}
          <label className="op-button ep-file">
            {t('eventPack.import.choose')}
            <input
              type="file"
              accept=".zip,application/zip"
              className="ep-file-input"
              disabled={imported.step === 'checking' || imported.step === 'replacing'}
              onChange={(e) => void check(e)}
              data-testid="pack-import-file"
            />
          </label>
          {imported.step === 'checking' || imported.step === 'replacing' ? (
            <p role="status">
              {t(
                imported.step === 'checking'
                  ? 'eventPack.import.checking'
                  : 'eventPack.import.replacing',
                {
                  file: imported.file.name,
                },
              )}
            </p>
          ) : null}
          {imported.step === 'failed' ? (
            <FailureMessage failure={imported.failure} testId="pack-import-error" />
          ) : null}
          {imported.step === 'checked' ? (
            <div className="ep-summary" data-testid="pack-import-summary">
              <p>
                {t('eventPack.import.checked', {
                  file: imported.file.name,
                  date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(
                    new Date(imported.summary.createdAt),
                  ),
                  size: size(imported.summary.totalSize),
                })}
              </p>
              <KindTable
                testId="pack-import-items"
                rows={Object.entries(imported.summary.items).map(([kind, n]) => [
                  kindName(kind),
                  count(n),
                ])}
              />
              <p className="ep-warning">{t('eventPack.import.warning')}</p>
              <div className="ep-actions">
                <button
                  type="button"
                  className="op-button ep-replace"
                  onClick={() => void replace(imported.file)}
                  data-testid="pack-import-replace"
                >
                  {t('eventPack.import.replace')}
                </button>
                <button
                  type="button"
                  className="op-button"
                  onClick={() => setImported({ step: 'idle' })}
                  data-testid="pack-import-cancel"
                >
                  {t('eventPack.import.cancel')}
                </button>
              </div>
            </div>
          ) : null}
          {imported.step === 'done' ? (
            <div role="status" data-testid="pack-imported">
              <p>{t('eventPack.import.done')}</p>
              {imported.summary.previous ? (
                <p>
                  {t('eventPack.import.previous')} <code>{imported.summary.previous}</code>
                </p>
              ) : null}
            </div>
          ) : null}
        </section>
      </div>
    </section>
  );
}

import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../../../../shared/protocol';
import { localize } from '../../../../i18n/localize';
import { createContentApi, type ContentApi } from '../../../../transport/content-api';
import { socketTarget } from '../../../../transport/socket';
import type { WidgetProps } from '../form/spec';
import { withField, type Obj } from '../form/value-edit';
import { failureText } from './failure-text';

export type SubtitleUploadApi = Pick<ContentApi, 'uploadSubtitles'>;

export interface SubtitlesFieldProps extends WidgetProps {
  api?: SubtitleUploadApi | null;
}

function consoleApi(): SubtitleUploadApi | null {
  const token = socketTarget(window.location, 'operator')?.token;
  return token ? createContentApi(token) : null;
}

/** What the last upload of one language's row gave. */
type RowStatus =
  | { state: 'uploading' }
  | { state: 'done'; cues: number }
  | { state: 'failed'; reason: string; lines: { line: number; message: LocalizedText }[] };

function reasonOf(t: TFunction, error: LocalizedText | string): string {
  return localize(t, error);
}

/**
 * A video's subtitles: one row per pack language, each with its file (upload, replace,
 * remove) and what the parser made of the last upload; a language without subtitles is
 * marked, as validate warns of it. A file that does not parse is not stored, and its problems
 * are listed with their lines.
 */
export function SubtitlesField(props: SubtitlesFieldProps) {
  const { path, value, onChange, context } = props;
  const { t } = useTranslation('editor');
  const [api] = useState(() => (props.api === undefined ? consoleApi() : props.api));
  const [rows, setRows] = useState<Record<string, RowStatus>>({});
  const files: Obj = value && typeof value === 'object' ? (value as Obj) : {};
  // An upload answers later: it adds to the subtitles as they are then, not as they were.
  const current = useRef<Obj>(files);
  useEffect(() => {
    current.current = files;
  });
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
    },
    [],
  );

  const setRow = (language: string, status: RowStatus) =>
    setRows((all) => ({ ...all, [language]: status }));

  async function upload(language: string, file: File) {
    if (!api) {
      setRow(language, { state: 'failed', reason: t('widgets.media.noToken'), lines: [] });
      return;
    }
    setRow(language, { state: 'uploading' });
    const answer = await api.uploadSubtitles(file, file.name, language);
    if (!alive.current) return;
    if (answer.status === 'ok') {
      setRow(language, { state: 'done', cues: answer.value.cues });
      onChange(withField(current.current, language, answer.value.path));
    } else if (answer.status === 'lines') {
      setRow(language, {
        state: 'failed',
        reason: reasonOf(t, answer.refused.error),
        lines: answer.refused.problems,
      });
    } else {
      setRow(language, { state: 'failed', reason: failureText(t, answer), lines: [] });
    }
  }

  function remove(language: string) {
    setRows(({ [language]: _gone, ...rest }) => rest);
    onChange(withField(current.current, language, undefined));
  }

  // The pack's languages first, then any other language the file names.
  const languages = [...new Set([...context.languages, ...Object.keys(files)])];
  return (
    <table className="ed-subtitles">
      <thead>
        <tr>
          <th scope="col">{t('widgets.subtitles.language')}</th>
          <th scope="col">{t('widgets.subtitles.file')}</th>
          <th scope="col">{t('widgets.subtitles.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {languages.map((language) => {
          const file = typeof files[language] === 'string' ? (files[language] as string) : null;
          const status = rows[language];
          const inputId = `subtitles-${path.join('-')}-${language}`;
          return (
            <tr key={language} data-language={language}>
              <th scope="row" lang={language}>
                {language}
              </th>
              <td>
                {file ? (
                  <code className="ed-subtitles__path">{file}</code>
                ) : (
                  <span className="ed-subtitles__missing" role="note">
                    {t('widgets.subtitles.missing', { language })}
                  </span>
                )}
                {status?.state === 'uploading' && (
                  <p role="status">{t('widgets.subtitles.uploading')}</p>
                )}
                {status?.state === 'done' && (
                  <p role="status" className="ed-media__note">
                    {t('widgets.subtitles.parsed', { count: status.cues })}
                  </p>
                )}
                {status?.state === 'failed' && (
                  <div role="alert" className="ed-media__error">
                    <p>{t('widgets.subtitles.failed', { reason: status.reason })}</p>
                    {status.lines.length > 0 && (
                      <ul className="ed-subtitles__lines">
                        {status.lines.map((problem, index) => (
                          <li key={index}>
                            {t('widgets.subtitles.line', {
                              line: problem.line,
                              problem: reasonOf(t, problem.message),
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </div>
                )}
              </td>
              <td className="ed-subtitles__actions">
                <input
                  id={inputId}
                  className="ed-media__input"
                  type="file"
                  accept=".vtt,.srt,text/vtt"
                  aria-label={t(
                    file ? 'widgets.subtitles.replaceFor' : 'widgets.subtitles.uploadFor',
                    { language },
                  )}
                  onChange={(event) => {
                    const chosen = event.currentTarget.files?.[0];
                    event.currentTarget.value = '';
                    if (chosen) void upload(language, chosen);
                  }}
                />
                <label className="op-button form-small-button" htmlFor={inputId}>
                  {t(file ? 'widgets.subtitles.replace' : 'widgets.subtitles.upload')}
                </label>
                {file && (
                  <button
                    type="button"
                    className="op-button form-small-button"
                    aria-label={t('widgets.subtitles.removeFor', { language })}
                    onClick={() => remove(language)}
                  >
                    {t('widgets.subtitles.remove')}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentApi } from '../../../../transport/content-api';
import { createContentApi } from '../../../../transport/content-api';
import { socketTarget } from '../../../../transport/socket';
import { mediaUrl } from '../../../../slides/context';
import type { WidgetProps } from '../form/spec';
import { failureText } from './failure-text';
import { mediaFolderFor, uploadNotes, type UploadNote } from './media-folder';
import { PackImagePicker, type ImageListApi } from './PackImagePicker';

export type UploadApi = Pick<ContentApi, 'upload'> & ImageListApi;

export interface MediaFieldProps extends WidgetProps {
  /** How files reach the core; the console's own API (its link's token) by default. */
  api?: UploadApi | null;
  /** The URL that shows a file already in the pack. */
  previewUrl?: (path: string) => string;
}

function consoleApi(): UploadApi | null {
  const token = socketTarget(window.location, 'operator')?.token;
  return token ? createContentApi(token) : null;
}

type Status =
  | { state: 'idle' }
  | { state: 'uploading' }
  | { state: 'done'; notes: UploadNote[] }
  | { state: 'failed'; reason: string };

/** An image of the pack: chosen or dropped, uploaded, its pack path written into the field. */
export function MediaField(props: MediaFieldProps) {
  const { path, value, onChange, parent, previewUrl = mediaUrl } = props;
  const { t } = useTranslation('editor');
  const [api] = useState(() => (props.api === undefined ? consoleApi() : props.api));
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [blob, setBlob] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [uploads, setUploads] = useState(0);
  // Only the latest choice may write the field: an older upload that answers late, or one
  // that answers after the form is gone, changes nothing.
  const latest = useRef(0);
  useEffect(() => () => void (latest.current = -1), []);
  useEffect(() => () => void (blob && URL.revokeObjectURL(blob)), [blob]);

  const folder = mediaFolderFor(path, parent);
  const saved = typeof value === 'string' && value !== '' ? value : undefined;
  const fieldId = `media-${path.join('-')}`;

  async function upload(file: File) {
    const ticket = ++latest.current;
    setBlob(URL.createObjectURL(file));
    if (!api) {
      setStatus({ state: 'failed', reason: t('widgets.media.noToken') });
      return;
    }
    setStatus({ state: 'uploading' });
    const answer = await api.upload(file, file.name, folder);
    if (ticket !== latest.current) return;
    if (answer.status === 'ok') {
      setStatus({ state: 'done', notes: uploadNotes(answer.value, file.name) });
      setUploads((n) => n + 1);
      onChange(answer.value.path);
      return;
    }
    // The field keeps its last good file; the preview goes back to it.
    setBlob(null);
    setStatus({ state: 'failed', reason: failureText(t, answer) });
  }

  /** An image already in the pack: no upload, and one still under way may not overwrite it. */
  function reuse(packPath: string) {
    latest.current++;
    setBlob(null);
    setStatus({ state: 'idle' });
    onChange(packPath);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void upload(file);
  }

  const kind = folder === 'photos' ? 'photo' : folder === 'drawings' ? 'drawing' : 'image';
  const consented = parent?.consent === true;
  const shown = blob ?? (saved && consented ? previewUrl(saved) : null);
  return (
    <div
      className={`ed-media${dragging ? ' ed-media--over' : ''}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      aria-busy={status.state === 'uploading'}
    >
      <div className="ed-media__preview">
        {shown ? (
          <img src={shown} alt={t('widgets.media.previewAlt')} />
        ) : (
          <span>{t(saved ? 'widgets.media.noPreview' : 'widgets.media.none')}</span>
        )}
      </div>
      <div className="ed-media__side">
        <input
          id={fieldId}
          className="ed-media__input"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/svg+xml"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void upload(file);
          }}
        />
        <label className="ed-media__pick" htmlFor={fieldId}>
          {t('widgets.media.choose')}
        </label>
        <p className="ed-media__hint">{t('widgets.media.drop')}</p>
        <PackImagePicker
          // A new upload is in the pack now: the list is read again when next opened.
          key={uploads}
          api={api}
          folder={folder}
          value={saved}
          onPick={reuse}
          fieldId={fieldId}
        />
        {saved && <p className="ed-media__path">{t('widgets.media.saved', { path: saved })}</p>}
        {status.state === 'uploading' && <p role="status">{t('widgets.media.uploading')}</p>}
        {status.state === 'done' &&
          status.notes.map((note) => (
            <p key={note.key} className="ed-media__note" role="status">
              {t(note.key, note.params ?? {})}
            </p>
          ))}
        {status.state === 'failed' && (
          <p className="ed-media__error" role="alert">
            {t('widgets.media.failed', { reason: status.reason })}
          </p>
        )}
        {!consented && (
          <p className="ed-media__consent" role="note">
            {t(`widgets.media.noConsent.${kind}`)}
          </p>
        )}
      </div>
    </div>
  );
}

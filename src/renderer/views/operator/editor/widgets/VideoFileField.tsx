import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VideoFacts } from '../../../../../shared/content/video-facts';
import { mediaUrl } from '../../../../slides/context';
import { createContentApi, type ContentApi } from '../../../../transport/content-api';
import { socketTarget } from '../../../../transport/socket';
import { useLatest } from '../../../../controls/use-latest';
import type { WidgetProps } from '../form/spec';
import { failureText } from './failure-text';
import { frameAsJpeg, posterFromFile, posterName, seekVideo } from './poster-frame';

export type VideoUploadApi = Pick<ContentApi, 'upload' | 'uploadVideo'>;

export interface VideoFileFieldProps extends WidgetProps {
  api?: VideoUploadApi | null;
  previewUrl?: (path: string) => string;
}

function consoleApi(): VideoUploadApi | null {
  const token = socketTarget(window.location, 'operator')?.token;
  return token ? createContentApi(token) : null;
}

type Status =
  | { state: 'idle' }
  | { state: 'uploading' }
  | { state: 'posterMaking' }
  | { state: 'done'; facts?: VideoFacts; poster?: string }
  | { state: 'failed'; key: 'failed' | 'posterFailed'; reason: string };

/**
 * A video's file: chosen or dropped, streamed to the core (judged there by its bytes), its pack
 * path written into the field. When the item has no poster yet, one is made from a frame of the
 * uploaded video and sent up as a picture; "Make poster from this frame" does it on demand.
 */
export function VideoFileField(props: VideoFileFieldProps) {
  const { path, value, onChange, parent, previewUrl = mediaUrl } = props;
  const { t } = useTranslation('editor');
  const [api] = useState(() => (props.api === undefined ? consoleApi() : props.api));
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  const [blob, setBlob] = useState<string | null>(null);
  // A poster just made is not served by the core until the item that uses it is saved.
  const [posterBlob, setPosterBlob] = useState<{ path: string; url: string } | null>(null);
  const preview = useRef<HTMLVideoElement>(null);
  const latest = useRef(0);
  // The poster is set after an upload that took a while: with the form's value as it is then.
  const poster = typeof parent?.poster === 'string' && parent.poster !== '' ? parent.poster : null;
  const siblings = useLatest(props.onSiblings);
  const hasPoster = useLatest(poster !== null);
  useEffect(() => () => void (latest.current = -1), []);
  useEffect(() => () => void (blob && URL.revokeObjectURL(blob)), [blob]);
  useEffect(() => () => void (posterBlob && URL.revokeObjectURL(posterBlob.url)), [posterBlob]);

  const saved = typeof value === 'string' && value !== '' ? value : undefined;
  const fieldId = `video-${path.join('-')}`;

  async function uploadPoster(frame: Blob, name: string, ticket: number): Promise<void> {
    if (!api) return;
    setStatus({ state: 'posterMaking' });
    const answer = await api.upload(frame, posterName(name), 'images');
    if (ticket !== latest.current) return;
    if (answer.status !== 'ok') {
      setStatus({ state: 'failed', key: 'posterFailed', reason: failureText(t, answer) });
      return;
    }
    setPosterBlob({ path: answer.value.path, url: URL.createObjectURL(frame) });
    siblings.current?.({ poster: answer.value.path });
    setStatus({ state: 'done', poster: answer.value.path });
  }

  async function upload(file: File) {
    const ticket = ++latest.current;
    setBlob(URL.createObjectURL(file));
    if (!api) {
      setStatus({ state: 'failed', key: 'failed', reason: t('widgets.media.noToken') });
      return;
    }
    setStatus({ state: 'uploading' });
    const answer = await api.uploadVideo(file, file.name);
    if (ticket !== latest.current) return;
    if (answer.status !== 'ok') {
      setBlob(null);
      setStatus({ state: 'failed', key: 'failed', reason: failureText(t, answer) });
      return;
    }
    onChange(answer.value.path);
    setStatus({ state: 'done', facts: answer.value.facts });
    if (hasPoster.current) return;
    try {
      await uploadPoster(await posterFromFile(file), file.name, ticket);
    } catch (error) {
      if (ticket === latest.current)
        setStatus({
          state: 'failed',
          key: 'posterFailed',
          reason: String((error as Error).message),
        });
    }
  }

  async function posterFromPreview() {
    const video = preview.current;
    if (!video) return;
    const ticket = ++latest.current;
    try {
      if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA)
        await seekVideo(video, video.currentTime);
      await uploadPoster(await frameAsJpeg(video), saved ?? 'video', ticket);
    } catch (error) {
      if (ticket === latest.current)
        setStatus({
          state: 'failed',
          key: 'posterFailed',
          reason: String((error as Error).message),
        });
    }
  }

  const shown = blob ?? (saved ? previewUrl(saved) : null);
  const busy = status.state === 'uploading' || status.state === 'posterMaking';
  return (
    <div
      className="ed-video"
      aria-busy={busy}
      onDragOver={(event) => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        event.preventDefault();
        const file = event.dataTransfer.files[0];
        if (file) void upload(file);
      }}
    >
      <div className="ed-video__preview">
        {shown ? (
          <video
            ref={preview}
            src={shown}
            controls
            muted
            preload="metadata"
            aria-label={t('widgets.video.previewLabel')}
          />
        ) : (
          <span>{t('widgets.video.none')}</span>
        )}
      </div>
      <div className="ed-video__side">
        <input
          id={fieldId}
          className="ed-media__input"
          type="file"
          accept="video/mp4,video/webm,.mp4,.webm"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file) void upload(file);
          }}
        />
        <label className="ed-media__pick" htmlFor={fieldId}>
          {t(saved ? 'widgets.video.replace' : 'widgets.video.choose')}
        </label>
        <p className="ed-media__hint">{t('widgets.video.formats')}</p>
        {saved && <p className="ed-media__path">{t('widgets.media.saved', { path: saved })}</p>}
        {status.state === 'uploading' && <p role="status">{t('widgets.video.uploading')}</p>}
        {status.state === 'posterMaking' && <p role="status">{t('widgets.video.posterMaking')}</p>}
        {status.state === 'done' && status.facts && (
          <p className="ed-media__note" role="status">
            {t('widgets.video.facts', {
              container: status.facts.container.toUpperCase(),
              codecs: [status.facts.videoCodec, status.facts.audioCodec]
                .filter(Boolean)
                .join(' + ')
                .toUpperCase(),
              seconds: Math.round(status.facts.durationMs / 100) / 10,
            })}
          </p>
        )}
        {status.state === 'failed' && (
          <p className="ed-media__error" role="alert">
            {t(`widgets.video.${status.key}`, { reason: status.reason })}
          </p>
        )}
        <div className="ed-video__poster">
          {poster ? (
            <img
              src={posterBlob?.path === poster ? posterBlob.url : previewUrl(poster)}
              alt={t('widgets.video.posterAlt')}
            />
          ) : (
            <span>{t('widgets.video.noPoster')}</span>
          )}
          <button
            type="button"
            className="ed-button"
            disabled={!shown || busy}
            onClick={() => void posterFromPreview()}
          >
            {t('widgets.video.posterFromFrame')}
          </button>
        </div>
      </div>
    </div>
  );
}

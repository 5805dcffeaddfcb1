import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaFolder } from '../../../../../shared/protocol/content-api';
import type { ContentApi } from '../../../../transport/content-api';
import { failureText } from './failure-text';
import { groupPackImages, type PackImageGroup } from './pack-image-groups';

export type ImageListApi = Pick<ContentApi, 'listImages'>;

interface PackImagePickerProps {
  api: ImageListApi | null;
  /** The field's upload folder: its images are listed first. */
  folder: MediaFolder;
  /** The path in the field now. */
  value: string | undefined;
  onPick: (path: string) => void;
  /** Makes the list's id unique on a form with several image fields. */
  fieldId: string;
}

type List =
  | { state: 'closed' }
  | { state: 'loading' }
  | { state: 'ready'; groups: PackImageGroup[] }
  | { state: 'failed'; reason: string };

/**
 * "Use an image already in the pack": the same portrait on a case and a statement, or a
 * drawing copied into `media/` by hand, without uploading it again. The list is read when
 * asked for, so a form does not walk the pack each time it opens.
 */
export function PackImagePicker({ api, folder, value, onPick, fieldId }: PackImagePickerProps) {
  const { t } = useTranslation('editor');
  const [list, setList] = useState<List>({ state: 'closed' });

  async function open() {
    if (!api) {
      setList({ state: 'failed', reason: t('widgets.media.noToken') });
      return;
    }
    setList({ state: 'loading' });
    const answer = await api.listImages();
    if (answer.status === 'ok') {
      setList({ state: 'ready', groups: groupPackImages(answer.value, folder) });
      return;
    }
    setList({ state: 'failed', reason: failureText(t, answer) });
  }

  if (list.state === 'loading') return <p role="status">{t('widgets.media.reuse.loading')}</p>;
  if (list.state === 'ready' && list.groups.length === 0)
    return <p className="ed-media__hint">{t('widgets.media.reuse.none')}</p>;
  if (list.state === 'ready') {
    const listed = list.groups.some((g) => g.images.some((image) => image.path === value));
    const listId = `${fieldId}-reuse`;
    return (
      <div className="ed-media__reuse">
        <label htmlFor={listId}>{t('widgets.media.reuse.label')}</label>
        <select
          id={listId}
          value={listed ? value : ''}
          onChange={(event) => {
            if (event.currentTarget.value) onPick(event.currentTarget.value);
          }}
        >
          <option value="">{t('widgets.media.reuse.placeholder')}</option>
          {list.groups.map((group) => (
            <optgroup key={group.folder} label={group.folder}>
              {group.images.map((image) => (
                <option key={image.path} value={image.path}>
                  {image.usedBy.length > 0
                    ? t('widgets.media.reuse.used', {
                        name: image.name,
                        items: image.usedBy.join(', '),
                      })
                    : t('widgets.media.reuse.unused', { name: image.name })}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    );
  }
  return (
    <>
      <button type="button" className="ed-media__reuse-open" onClick={() => void open()}>
        {t('widgets.media.reuse.open')}
      </button>
      {list.state === 'failed' && (
        <p className="ed-media__error" role="alert">
          {t('widgets.media.reuse.failed', { reason: list.reason })}
        </p>
      )}
    </>
  );
}

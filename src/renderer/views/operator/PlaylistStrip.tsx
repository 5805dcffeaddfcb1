import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { goToAction, itemById, setPlaylistAction } from '../../../shared/actions';
import { pickText, type LoadedItem } from '../../../shared/content';
import { mediaUrl } from '../../slides/context';
import { useStores } from '../../stores';
import { ActionButton } from '../../controls/ActionButton';
import { useRunner } from '../../controls/run';
import { consoleLanguage, itemTitle, kindLabel } from '../../controls/text';

/** The small picture a thumbnail can show: a drawing, or a photo its subject agreed to. */
function thumbImage(item: LoadedItem | undefined, safeMode: boolean): string | null {
  if (!item || (safeMode && item.sensitive)) return null;
  if (item.kind === 'drawing' && item.consent) return mediaUrl(item.image);
  if (item.kind === 'case' && item.photo?.consent) return mediaUrl(item.photo.file);
  return null;
}

/** The playlist as it plays in this pass; a click puts an item on air. */
export function PlaylistStrip() {
  const stores = useStores();
  const snapshot = useStore(stores.content, (s) => s.snapshot);
  const show = useStore(stores.show, (s) => s.show);
  const { run } = useRunner();
  const { t, i18n } = useTranslation('console');
  const current = useRef<HTMLLIElement | null>(null);
  const strip = useRef<HTMLOListElement | null>(null);
  const position = show?.position;
  const sequence = show?.sequence;
  useEffect(() => {
    // Sideways only: the strip follows the show without scrolling the console itself.
    const list = strip.current;
    const item = current.current;
    if (!list || !item) return;
    const offset = item.getBoundingClientRect().left - list.getBoundingClientRect().left;
    const left = list.scrollLeft + offset - (list.clientWidth - item.offsetWidth) / 2;
    list.scrollTo?.({ left: Math.max(0, left), behavior: 'auto' });
  }, [position, sequence]);
  if (!snapshot || !show) return null;
  const lang = consoleLanguage(snapshot, i18n.language);
  const playlists = snapshot.items.filter((item) => item.kind === 'playlist');

  return (
    <section className="op-panel op-strip-panel" aria-label={t('playlist.heading')}>
      <div className="op-strip-head">
        <h2 className="op-heading">{t('playlist.heading')}</h2>
        <div
          className="op-segmented"
          role="group"
          aria-label={t('label.setPlaylist', { ns: 'actions' })}
        >
          {playlists.map((playlist) => (
            <ActionButton
              key={playlist.id}
              action={setPlaylistAction}
              param={playlist.id}
              label={pickText(playlist.title, lang) ?? playlist.id}
              pressed={show.playlistId === playlist.id}
              showKeys={false}
              className="op-small"
              testId={`playlist-${playlist.id}`}
            />
          ))}
        </div>
      </div>
      {show.order.length === 0 ? (
        <p className="op-muted">{t('playlist.empty')}</p>
      ) : (
        <ol className="op-strip" data-testid="strip" ref={strip}>
          {show.order.map((id, index) => {
            const item = itemById(snapshot, id);
            const image = thumbImage(item, show.safeMode);
            // During a song the loop is held at `position`: it resumes there, it is not on air.
            const here = index === show.position;
            const onAir = here && id === show.itemId;
            const held = here && !onAir;
            return (
              <li
                key={`${id}-${index}`}
                ref={here ? current : undefined}
                className={`op-thumb${onAir ? ' is-on-air' : ''}${held ? ' is-held' : ''}`}
              >
                <button
                  type="button"
                  aria-current={onAir ? 'true' : undefined}
                  data-item-id={id}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => void run(goToAction, id)}
                  title={t('playlist.showNow', { title: itemTitle(item, lang, t) })}
                >
                  <span className="op-thumb-number">{index + 1}</span>
                  <span className="op-thumb-kind">{kindLabel(item?.kind ?? '', t)}</span>
                  {image ? <img src={image} alt="" loading="lazy" /> : null}
                  <span className="op-thumb-title">{itemTitle(item, lang, t)}</span>
                  {held ? <span className="op-thumb-flag">{t('playlist.loopResumes')}</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

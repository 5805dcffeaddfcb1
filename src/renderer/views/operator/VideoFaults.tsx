import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { pickText } from '../../../shared/content';
import { consoleLanguage } from '../../controls/text';
import { useStores } from '../../stores';

/**
 * One empty list for every render: a selector that made a new `[]` each time would look like a
 * change to the store hook on every check, and render without end.
 */
const NO_FAULTS: readonly never[] = [];

/** Videos the core skipped because a screen could not play them: which, which file, why. */
export function VideoFaults() {
  const faults = useStore(useStores().show, (s) => s.show?.videoFaults ?? NO_FAULTS);
  const snapshot = useStore(useStores().content, (s) => s.snapshot);
  const { t, i18n } = useTranslation('console');
  if (faults.length === 0) return null;
  const lang = snapshot ? consoleLanguage(snapshot, i18n.language) : i18n.language;
  const titleOf = (itemId: string) => {
    const item = snapshot?.items.find((i) => i.id === itemId);
    return item?.kind === 'video'
      ? (pickText(item.title, lang, snapshot?.pack.defaultLanguage ?? lang) ?? itemId)
      : itemId;
  };
  return (
    <>
      <h2 className="op-heading">{t('video.faultsHeading')}</h2>
      <ul className="op-list op-errors" data-testid="video-faults">
        {[...faults].reverse().map((fault) => (
          <li key={`${fault.itemId}:${fault.at}`}>
            <span>
              {t('video.skipped', {
                title: titleOf(fault.itemId),
                file: fault.file,
                reason: t(`video.reason.${fault.reason}`),
              })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

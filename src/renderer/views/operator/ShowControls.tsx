import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import {
  blackoutAction,
  clickerTarget,
  nextAction,
  pauseAction,
  previousAction,
  safeModeAction,
} from '../../../shared/actions';
import { useStores } from '../../stores';
import { ActionButton } from '../../controls/ActionButton';

/** The big buttons: the slides, pause, blackout, safe mode. */
export function ShowControls() {
  const { show: showStore } = useStores();
  const show = useStore(showStore, (s) => s.show);
  const { t } = useTranslation('console');
  if (!show) return null;
  const lyrics = clickerTarget(show) === 'lyrics';
  return (
    <section className="op-panel op-controls" aria-label={t('controls.aria')}>
      <div className="op-controls-row">
        <ActionButton
          action={previousAction}
          param={undefined}
          label={t('controls.previous')}
          className="op-big"
          // While lyrics are on, the arrows move the song; the buttons still move slides.
          showKeys={!lyrics}
        />
        <ActionButton
          action={pauseAction}
          param={undefined}
          label={show.paused ? t('controls.resume') : t('controls.pause')}
          pressed={show.paused}
          className="op-big"
          testId="pause"
        />
        <ActionButton
          action={nextAction}
          param={undefined}
          label={t('controls.next')}
          className="op-big"
          showKeys={!lyrics}
        />
      </div>
      <div className="op-controls-row">
        <ActionButton
          action={blackoutAction}
          param={undefined}
          label={show.blackout ? t('controls.blackoutOn') : undefined}
          pressed={show.blackout}
          className="op-big op-danger"
          testId="blackout"
        />
        <ActionButton
          action={safeModeAction}
          param={undefined}
          label={show.safeMode ? t('controls.safeModeOn') : undefined}
          pressed={show.safeMode}
          className="op-big op-safe"
          testId="safe-mode"
          title={t('controls.safeModeTitle')}
        />
      </div>
      {lyrics ? <p className="op-hint">{t('controls.songHint')}</p> : null}
    </section>
  );
}

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
  if (!show) return null;
  const lyrics = clickerTarget(show) === 'lyrics';
  return (
    <section className="op-panel op-controls" aria-label="Show controls">
      <div className="op-controls-row">
        <ActionButton
          action={previousAction}
          param={undefined}
          label="◀ Previous slide"
          className="op-big"
          // While lyrics are on, the arrows move the song; the buttons still move slides.
          showKeys={!lyrics}
        />
        <ActionButton
          action={pauseAction}
          param={undefined}
          label={show.paused ? 'Resume' : 'Pause'}
          pressed={show.paused}
          className="op-big"
          testId="pause"
        />
        <ActionButton
          action={nextAction}
          param={undefined}
          label="Next slide ▶"
          className="op-big"
          showKeys={!lyrics}
        />
      </div>
      <div className="op-controls-row">
        <ActionButton
          action={blackoutAction}
          param={undefined}
          label={show.blackout ? 'Blackout ON: lift it' : 'Blackout'}
          pressed={show.blackout}
          className="op-big op-danger"
          testId="blackout"
        />
        <ActionButton
          action={safeModeAction}
          param={undefined}
          label={show.safeMode ? 'Safe mode ON: turn off' : 'Safe mode'}
          pressed={show.safeMode}
          className="op-big op-safe"
          testId="safe-mode"
          title="Hides names and faces (items marked sensitive) on every screen. Only this console can turn it off."
        />
      </div>
      {lyrics ? (
        <p className="op-hint">
          A song is on: Space, the arrows and the clicker move the lyrics. P pauses.
        </p>
      ) : null}
    </section>
  );
}

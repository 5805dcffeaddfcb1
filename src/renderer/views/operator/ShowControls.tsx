import { useStore } from 'zustand';
import {
  clickerTarget,
  operatorBlackoutAction,
  operatorNextAction,
  operatorPauseAction,
  operatorPreviousAction,
  operatorSafeModeAction,
} from '../../../shared/actions/operator-actions';
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
          action={operatorPreviousAction}
          param={undefined}
          label="◀ Previous slide"
          className="op-big"
          // While lyrics are on, the arrows move the song; the buttons still move slides.
          showKeys={!lyrics}
        />
        <ActionButton
          action={operatorPauseAction}
          param={undefined}
          label={show.paused ? 'Resume' : 'Pause'}
          pressed={show.paused}
          className="op-big"
          testId="pause"
        />
        <ActionButton
          action={operatorNextAction}
          param={undefined}
          label="Next slide ▶"
          className="op-big"
          showKeys={!lyrics}
        />
      </div>
      <div className="op-controls-row">
        <ActionButton
          action={operatorBlackoutAction}
          param={undefined}
          label={show.blackout ? 'Blackout ON: lift it' : 'Blackout'}
          pressed={show.blackout}
          className="op-big op-danger"
          testId="blackout"
        />
        <ActionButton
          action={operatorSafeModeAction}
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

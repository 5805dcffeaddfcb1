import { useTranslation } from 'react-i18next';
import type { ObsInfo } from '../../../../shared/protocol';
import { localize } from '../../../i18n/localize';

/** What the last "Set up overlays in OBS" made or changed, or why it failed. */
export function SetupReport({
  setup,
  drifted,
}: {
  setup: NonNullable<ObsInfo['setup']>;
  /** OBS no longer holds what the setup made: the report is history, not the present. */
  drifted: boolean;
}) {
  const { t } = useTranslation('console');
  if (!setup.ok) {
    return (
      <p className="op-warning">
        {t('obs.setupFailed', { error: setup.error ? localize(t, setup.error) : '' })}
      </p>
    );
  }
  const changed = setup.inputs.filter((i) => i.input !== 'unchanged' || i.item !== 'unchanged');
  const scene =
    setup.scene === 'created'
      ? t('obs.sceneCreated', { scene: 'Solidarity Overlays' })
      : drifted
        ? t('obs.sceneWasThere')
        : t('obs.sceneReady');
  return (
    <div className="op-obs-setup" data-testid="obs-setup-report">
      <p className="op-muted">
        {drifted ? t('obs.lastSetup', { scene }) : scene}
        {setup.mode
          ? ` (${t(setup.mode === 'browser' ? 'obs.modeBrowser' : 'obs.modeNative')})`
          : ''}
        {changed.length === 0 ? t('obs.nothingChanged') : t('obs.changedList')}
      </p>
      {changed.length > 0 ? (
        <ul className="op-list">
          {changed.map((input) => (
            <li key={input.name}>
              <span translate="no">{input.name}</span>:{' '}
              {t(`obs.setupResult.${input.input === 'unchanged' ? input.item : input.input}`)}
            </li>
          ))}
        </ul>
      ) : null}
      {setup.warnings.map((warning) => (
        <p key={warning} className="op-warning" data-testid="obs-setup-warning" data-from-core>
          {localize(t, warning)}
        </p>
      ))}
      {setup.scenes.length > 0 ? (
        <ul className="op-list">
          {setup.scenes.map((s) => (
            <li key={s.scene}>
              <span translate="no">{s.scene}</span>: {t(`obs.sceneResult.${s.result}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The overlay scene as OBS really holds it: a missing scene asks to be set up, every drift
 * says what the stream shows instead, and each element shows OBS's state beside the console's.
 */
export function OverlayHealth({
  overlay,
  onRepair,
}: {
  overlay: NonNullable<ObsInfo['overlay']>;
  onRepair: () => void;
}) {
  const { t } = useTranslation('console');
  const repairable = overlay.drift.some((d) => d.repairable);
  return (
    <div className="op-obs-health" data-testid="obs-overlay-health">
      {!overlay.sceneExists ? (
        <div className="op-obs-ask" data-testid="obs-ask-setup">
          <p>
            <strong>{t('obs.noSceneTitle')}</strong> {t('obs.noSceneText')}
          </p>
          <button
            type="button"
            className="op-button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={onRepair}
          >
            {t('label.obsSetup', { ns: 'actions' })}
          </button>
        </div>
      ) : overlay.drift.length > 0 ? (
        <div className="op-obs-drift" data-testid="obs-drift" role="alert">
          <p>
            <strong>{t('obs.differs')}</strong>
          </p>
          <ul className="op-list">
            {overlay.drift.map((d) => (
              <li key={`${d.kind}:${d.source ?? ''}`} data-kind={d.kind} data-from-core>
                {localize(t, d.message)}
              </li>
            ))}
          </ul>
          {repairable ? (
            <button
              type="button"
              className="op-button"
              onMouseDown={(e) => e.preventDefault()}
              onClick={onRepair}
              data-testid="obs-repair"
            >
              {t('obs.repair')}
            </button>
          ) : null}
        </div>
      ) : (
        <p className="op-muted" data-testid="obs-in-step">
          {t('obs.inStep')}
        </p>
      )}
      {overlay.sceneExists ? (
        <ul className="op-obs-elements" data-testid="obs-elements">
          {overlay.elements.map(({ element, console: wanted, obs }) => {
            const differs = obs !== null && obs !== wanted;
            const name = t(`obs.element.${element}`);
            return (
              <li
                key={element}
                className={differs ? 'is-drift' : undefined}
                data-element={element}
                data-obs={obs === null ? 'none' : obs ? 'shown' : 'hidden'}
              >
                {obs === null
                  ? t('obs.elementNoSource', { element: name })
                  : t(obs ? 'obs.elementOn' : 'obs.elementOff', { element: name })}
                {differs ? ` ${t(wanted ? 'obs.consoleOn' : 'obs.consoleOff')}` : ''}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

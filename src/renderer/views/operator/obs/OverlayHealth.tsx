import type { ObsInfo } from '../../../../shared/protocol';

/** What the last "Set up overlays in OBS" made or changed, or why it failed. */
export function SetupReport({
  setup,
  drifted,
}: {
  setup: NonNullable<ObsInfo['setup']>;
  /** OBS no longer holds what the setup made: the report is history, not the present. */
  drifted: boolean;
}) {
  if (!setup.ok) return <p className="op-warning">Setup failed: {setup.error}</p>;
  const changed = setup.inputs.filter((i) => i.input !== 'unchanged' || i.item !== 'unchanged');
  return (
    <div className="op-obs-setup" data-testid="obs-setup-report">
      <p className="op-muted">
        {drifted ? 'Last setup: ' : ''}
        {setup.scene === 'created'
          ? 'Created the scene "Solidarity Overlays"'
          : drifted
            ? 'the scene was there'
            : 'Scene ready'}
        {setup.mode
          ? ` (${setup.mode === 'browser' ? 'browser sources' : 'text and image sources'})`
          : ''}
        {changed.length === 0 ? '; nothing needed changing.' : ':'}
      </p>
      {changed.length > 0 ? (
        <ul className="op-list">
          {changed.map((input) => (
            <li key={input.name}>
              {input.name}:{' '}
              {input.input === 'unavailable'
                ? 'not possible in this OBS'
                : input.input === 'unchanged'
                  ? input.item
                  : input.input}
            </li>
          ))}
        </ul>
      ) : null}
      {setup.warnings.map((warning) => (
        <p key={warning} className="op-warning" data-testid="obs-setup-warning">
          {warning}
        </p>
      ))}
      {setup.scenes.length > 0 ? (
        <ul className="op-list">
          {setup.scenes.map((s) => (
            <li key={s.scene}>
              {s.scene}: {s.result.replace('-', ' ')}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const elementLabels: Record<
  NonNullable<ObsInfo['overlay']>['elements'][number]['element'],
  string
> = {
  lowerThird: 'Lower third',
  qr: 'QR code',
  lyrics: 'Lyrics',
  drawing: 'Drawing',
  nowPlaying: 'Now playing',
};

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
  const repairable = overlay.drift.some((d) => d.repairable);
  return (
    <div className="op-obs-health" data-testid="obs-overlay-health">
      {!overlay.sceneExists ? (
        <div className="op-obs-ask" data-testid="obs-ask-setup">
          <p>
            <strong>OBS has no overlay scene yet.</strong> Nothing the console shows reaches the
            stream until it is set up. Set it up now?
          </p>
          <button
            type="button"
            className="op-button"
            onMouseDown={(e) => e.preventDefault()}
            onClick={onRepair}
          >
            Set up overlays in OBS
          </button>
        </div>
      ) : overlay.drift.length > 0 ? (
        <div className="op-obs-drift" data-testid="obs-drift" role="alert">
          <p>
            <strong>OBS differs from the console:</strong>
          </p>
          <ul className="op-list">
            {overlay.drift.map((d) => (
              <li key={`${d.kind}:${d.source ?? ''}`} data-kind={d.kind}>
                {d.message}
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
              Repair overlays in OBS
            </button>
          ) : null}
        </div>
      ) : (
        <p className="op-muted" data-testid="obs-in-step">
          OBS holds what the console shows.
        </p>
      )}
      {overlay.sceneExists ? (
        <ul className="op-obs-elements" data-testid="obs-elements">
          {overlay.elements.map(({ element, console: wanted, obs }) => {
            const differs = obs !== null && obs !== wanted;
            return (
              <li
                key={element}
                className={differs ? 'is-drift' : undefined}
                data-element={element}
                data-obs={obs === null ? 'none' : obs ? 'shown' : 'hidden'}
              >
                {elementLabels[element]}: {obs === null ? 'no source in OBS' : obs ? 'on' : 'off'}
                {differs ? ` (console: ${wanted ? 'on' : 'off'})` : ''}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
